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
