import type { AreaAccess } from '../../test/access';

/** Comments, watches and activity in the authorisation matrix. */
export const commentAccess: AreaAccess = {
  routes: {
    'GET /api/v1/workspaces/:ws/comments': 'viewer',
    'POST /api/v1/workspaces/:ws/comments': 'member',
    'PATCH /api/v1/workspaces/:ws/comments/:commentId': 'member',
    'DELETE /api/v1/workspaces/:ws/comments/:commentId': 'member',
    'GET /api/v1/workspaces/:ws/watches': 'viewer',
    'PUT /api/v1/workspaces/:ws/watches': 'viewer',
    'DELETE /api/v1/workspaces/:ws/watches': 'viewer',
    'GET /api/v1/workspaces/:ws/activity': 'viewer',
  },
  async fixtures(url, { owner, caller, base, params }) {
    if (!url.includes(':commentId')) return;
    const goal = await owner.request('POST', `${base}/goals`, { title: 'Commented goal' });
    const body = { entityType: 'goal', entityId: String((goal.json as { id: string }).id), body: 'A fixture comment' };
    // The caller's own comment when they may comment (editing or deleting it is theirs to do).
    const own = caller ? await caller.request('POST', `${base}/comments`, body) : null;
    const made = own?.status === 201 ? own : await owner.request('POST', `${base}/comments`, body);
    params.commentId = String((made.json as { id: string }).id);
  },
};
