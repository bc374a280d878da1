import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { expect, it } from 'vitest';
import { errorHandler } from './errors';

it('answers an unexpected error with a 500 naming the request id, no stack, and logs it', async () => {
  const logged: string[] = [];
  const app = Fastify({ logger: { level: 'error', stream: { write: (line: string) => void logged.push(line) } } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.get('/boom', async () => {
    throw new Error('database exploded at /srv/secret/path.ts:42');
  });
  app.get('/unique', async () => {
    throw Object.assign(new Error('duplicate key value'), { code: '23505', constraint: 'business_units_name_key' });
  });
  const res = await app.inject('/boom');
  expect(res.statusCode).toBe(500);
  expect(res.headers['content-type']).toContain('application/problem+json');
  const body = res.json();
  expect(body.detail).toContain(body.requestId);
  expect(res.body).not.toContain('exploded');
  expect(res.body).not.toContain('secret');
  expect(logged.join('')).toContain('database exploded');

  const dup = await app.inject('/unique');
  expect(dup.statusCode).toBe(409);
  expect(dup.json().detail).toBe('Already exists (business units name).');
  await app.close();
});

it('answers a deadlock or a serialization failure with a 503 to try again, never a 500', async () => {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler);
  // As Drizzle throws them: its query error with the PostgreSQL error as the cause.
  app.get('/deadlock', async () => {
    throw Object.assign(new Error('Failed query: update "goals" …'), { cause: Object.assign(new Error('deadlock detected'), { code: '40P01' }) });
  });
  app.get('/serialization', async () => {
    throw Object.assign(new Error('could not serialize access due to concurrent update'), { code: '40001' });
  });
  for (const url of ['/deadlock', '/serialization']) {
    const res = await app.inject(url);
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['retry-after']).toBe('1');
    expect(res.json()).toMatchObject({ status: 503, title: 'Try again', type: 'https://tandem.dev/problems/try-again' });
    expect(res.json().detail).toMatch(/nothing was changed/);
    expect(res.body).not.toContain('deadlock');
  }
  await app.close();
});
