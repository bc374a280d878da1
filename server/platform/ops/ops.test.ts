import { beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, testApp, type TestApp } from '../../test/harness';

let app: TestApp;
let signedIn: Awaited<ReturnType<typeof setupOwner>>;
beforeAll(async () => {
  ({ app } = await testApp());
  signedIn = await setupOwner(app, { workspaceName: 'Ops Co' });
});

describe('operations endpoints', () => {
  it('answers liveness and readiness', async () => {
    expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok' });
    const ready = await app.inject('/readyz');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready' });
  });

  it('counts requests by route pattern in Prometheus format', async () => {
    const { owner, workspace } = signedIn;
    await owner.request('GET', `/api/v1/workspaces/${workspace.slug}/goals`);
    const res = await app.inject('/metrics');
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toMatch(/tandem_http_requests_total\{method="GET",route="\/api\/v1\/workspaces\/:ws\/goals",status="200"\} 1/);
    expect(res.body).toContain('tandem_http_request_duration_seconds_bucket');
    expect(res.body).not.toContain(workspace.slug);
  });

  it('gives every response a request id and unknown routes a problem', async () => {
    const res = await app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().requestId).toBe(res.headers['x-request-id']);
  });

  it('refuses an oversized body with 413 and a cross-site write with 403', async () => {
    const { owner, workspace } = signedIn;
    const forged = await app.inject({
      method: 'POST', url: `/api/v1/workspaces/${workspace.slug}/goals`,
      headers: { cookie: owner.cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
      payload: JSON.stringify({ title: 'Forged' }),
    });
    expect(forged.statusCode).toBe(403);
    const noOrigin = await app.inject({
      method: 'POST', url: `/api/v1/workspaces/${workspace.slug}/goals`,
      headers: { cookie: owner.cookie, 'content-type': 'application/json' }, payload: JSON.stringify({ title: 'Forged' }),
    });
    expect(noOrigin.statusCode).toBe(403);
    const titles = (await owner.request('GET', `/api/v1/workspaces/${workspace.slug}/goals`)).json.items.map((g: any) => g.title);
    expect(titles).not.toContain('Forged');
    const big = await app.inject({
      method: 'POST', url: '/api/v1/auth/login', headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(big.statusCode).toBe(413);
    expect(big.headers['content-type']).toContain('application/problem+json');
  });

  it('serves the OpenAPI 3.1 document', async () => {
    const doc = (await app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/workspaces/{ws}/goals', '/api/v1/auth/login']));
  });
});

describe('API docs', () => {
  it('serves the browsable docs page from the installed package', async () => {
    const page = await app.inject('/api/docs/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger-ui');
  });
});
