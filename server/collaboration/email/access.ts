import type { AreaAccess } from '../../test/access';

/** E-mail: personal notification preferences, and the workspace's outbox (admins). */
export const emailAccess: AreaAccess = {
  routes: {
    'GET /api/v1/me/notification-preferences': 'user',
    'PUT /api/v1/me/notification-preferences': 'user',
    'GET /api/v1/workspaces/:ws/outbox': 'admin',
    'GET /api/v1/workspaces/:ws/outbox/:emailId': 'admin',
    'POST /api/v1/workspaces/:ws/outbox/:emailId/send': 'admin',
  },
  async fixtures(url, { owner, base, params }) {
    if (!url.includes(':emailId')) return;
    // An invitation by e-mail puts one in the outbox (unsent: the matrix app has no SMTP server).
    const to = `outbox-${Math.random().toString(36).slice(2, 10)}@example.com`;
    const inv = await owner.request('POST', `${base}/invitations`, { email: to, role: 'viewer' });
    if (inv.status !== 201) throw new Error(`invitation failed: ${inv.status}`);
    const list = (await owner.request('GET', `${base}/outbox?limit=200`)).json as { items: { id: string; to: string }[] };
    const email = list.items.find((e) => e.to === to);
    if (!email) throw new Error('the invitation e-mail is not in the outbox');
    params.emailId = email.id;
  },
};
