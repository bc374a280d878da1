import { describe, expect, it } from 'vitest';
import { ORIGIN, setupOwner, testApp } from '../../test/harness';

describe('first-run setup', () => {
  it('creates the owner and workspace once, then refuses', async () => {
    const { app } = await testApp();
    expect((await app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needsSetup: true });
    const { owner, workspace } = await setupOwner(app, { workspaceName: 'Acme Test' });
    expect(workspace.slug).toBe('acme-test');
    const me = await owner.request('GET', '/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.json.workspaces).toHaveLength(1);
    expect(me.json.workspaces[0].role).toBe('owner');
    expect((await app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needsSetup: false });
    const again = await app.inject({
      method: 'POST', url: '/api/v1/setup', headers: { origin: ORIGIN },
      payload: { name: 'Eve', email: 'eve@example.com', password: 'correct horse battery', workspaceName: 'Evil' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('reports every invalid field with its path and changes nothing', async () => {
    const { app } = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/v1/setup', headers: { origin: ORIGIN }, payload: { email: 'nope', password: 'short' } });
    expect(res.statusCode).toBe(400);
    const paths = res.json<{ errors: { path: string }[] }>().errors.map((e) => e.path).sort();
    expect(paths).toEqual(['body.email', 'body.name', 'body.password', 'body.workspaceName']);
    expect((await app.inject({ url: '/api/v1/setup' })).json()).toEqual({ needsSetup: true });
  });
});
