import { expect, it } from 'vitest';
import { setupOwner, testApp } from '../../test/harness';

it('setup with the demo loads Acme Logistics with people, units, goals, initiatives and links', async () => {
  const { app } = await testApp();
  const { owner } = await setupOwner(app, { workspaceName: 'My Company', loadDemo: true });
  const me = await owner.request('GET', '/api/v1/me');
  const names = me.json.workspaces.map((w: any) => w.name).sort();
  expect(names).toEqual(['Acme Logistics', 'My Company']);
  const base = '/api/v1/workspaces/acme-logistics';
  const [units, goals, initiatives, members, links] = await Promise.all(
    ['business-units', 'goals?limit=200', 'initiatives?limit=200', 'members', 'goal-links'].map((p) => owner.request('GET', `${base}/${p}`)),
  );
  expect(units!.json.items).toHaveLength(6);
  expect(goals!.json.items).toHaveLength(11);
  expect(initiatives!.json.items).toHaveLength(12);
  expect(members!.json.items).toHaveLength(7);
  expect(links!.json.items).toHaveLength(22);
  // An orphan initiative and an unsupported goal, so the alignment views have something to show.
  expect(initiatives!.json.items.find((i: any) => i.title === 'Intranet redesign').linkCount).toBe(0);
  const audit = await owner.request('GET', `${base}/audit-log?action=goal.create&limit=200`);
  expect(audit.json.items).toHaveLength(11);
});

it('the demo shows the whole strategy: vision, themes, goal tree, key results, teams, milestones, dependencies, capabilities, custom fields', async () => {
  const { app } = await testApp();
  const { owner } = await setupOwner(app, { workspaceName: 'My Company', loadDemo: true });
  const base = '/api/v1/workspaces/acme-logistics';
  const get = async (path: string) => (await owner.request('GET', `${base}/${path}`)).json;
  expect((await get('vision')).statement).toMatch(/^Every parcel on time/);
  expect((await get('themes')).items.map((t: any) => t.name)).toEqual(['Operational excellence', 'Customer growth', 'Sustainable fleet', 'Cost discipline', 'People & data foundations']);
  const goals = (await get('goals?limit=200')).items;
  const byTitle = (title: string) => goals.find((g: any) => g.title === title);
  const reliable = byTitle('Be the most reliable parcel carrier in the Benelux');
  expect(reliable.childCount).toBe(2);
  expect(byTitle('Deliver 98% of parcels on time').parentGoalId).toBe(reliable.id);
  // 96.2 of 94.1 → 98 is 53.8 %, 4.4 of 6.5 → 3 is 60 %: weighted 3:1 → 55.4 %.
  expect(byTitle('Deliver 98% of parcels on time').progress).toBeCloseTo((3 * (2.1 / 3.9) + 1 * (2.1 / 3.5)) / 4, 6);
  // Target = baseline = 0 outages, decrease, one outage: not met.
  const resilience = await get(`goals/${byTitle('No outage of hub systems longer than 1 hour').id}`);
  expect(resilience.keyResults.map((k: any) => k.progress)).toEqual([0, 4 / 7 * 1].map((p) => expect.closeTo(p, 6)));
  expect((await get('teams')).items).toHaveLength(4);
  const wms = (await get('initiatives?limit=200')).items.find((i: any) => i.title === 'Warehouse management system upgrade');
  const detail = await get(`initiatives/${wms.id}`);
  expect(detail).toMatchObject({ kind: 'programme', riskLevel: 'critical' });
  expect(detail.milestones.map((m: any) => m.title)).toEqual(['Data migration dry run', 'Rotterdam cut-over', 'Hamburg and Duisburg live']);
  expect(detail.dependsOn.map((d: any) => d.title)).toEqual(['Label printer replacement']);
  const capabilities = (await get('capabilities')).items;
  expect(capabilities).toHaveLength(6 + 18);
  expect(capabilities.find((c: any) => c.name === 'Shipment master data')).toMatchObject({ currentMaturity: 1, targetMaturity: 4, gap: 3 });
  const fields = (await get('custom-fields?entityType=initiative')).items;
  expect(fields.map((f: any) => f.label)).toEqual(['Funding', 'Main vendor']);
  expect(detail.customFields[fields[0].id]).toBe('Change budget');
});

it('the demo has comments with mentions, watchers, action items, unread notifications and searchable comments', async () => {
  const { app, database } = await testApp();
  const { owner } = await setupOwner(app, { workspaceName: 'My Company', loadDemo: true });
  const base = '/api/v1/workspaces/acme-logistics';
  const [goals, initiatives, members] = await Promise.all(
    ['goals?limit=200', 'initiatives?limit=200', 'members'].map((p) => owner.request('GET', `${base}/${p}`)),
  );
  const goalId = (title: string) => goals!.json.items.find((g: any) => g.title === title).id;
  const initiativeId = (title: string) => initiatives!.json.items.find((i: any) => i.title === title).id;
  const memberId = (name: string) => members!.json.items.find((m: any) => m.name === name).userId;
  const wms = initiativeId('Warehouse management system upgrade');

  // A thread in the order it was written, by several people, in markdown with mentions.
  const thread = await owner.request('GET', `${base}/comments?entityType=initiative&entityId=${wms}`);
  expect(thread.status).toBe(200);
  expect(thread.json.items.map((c: any) => c.author.name)).toEqual(['Maria Jensen', 'Aiko Tanaka', 'Lukas Weber', 'Olivia Owner', 'Tom Okafor']);
  const times = thread.json.items.map((c: any) => Date.parse(c.createdAt));
  expect([...times].sort((a, b) => a - b)).toEqual(times);
  expect(times[0]).toBeLessThan(Date.now() - 5 * 86_400_000);
  expect(thread.json.items[0].mentions).toEqual([{ userId: owner.userId, name: 'Olivia Owner' }]);
  expect(thread.json.items[0].bodyHtml).toContain('<strong>Rotterdam hub</strong>');
  expect(thread.json.items[0].bodyHtml).toContain(`<span class="mention" data-user-id="${owner.userId}">@Olivia Owner</span>`);
  expect(thread.json.items[3].canEdit).toBe(true);
  const ontime = await owner.request('GET', `${base}/comments?entityType=goal&entityId=${goalId('Deliver 98% of parcels on time')}`);
  expect(ontime.json.items).toHaveLength(5);
  const audit = await owner.request('GET', `${base}/audit-log?action=comment.&limit=200`);
  expect(audit.json.items).toHaveLength(15);
  expect(new Set(audit.json.items.map((e: any) => e.actor.name)).size).toBe(6);

  // The owner follows a few items; colleagues follow theirs.
  const watch = (type: string, id: string) => owner.request('GET', `${base}/watches?entityType=${type}&entityId=${id}`);
  expect((await watch('initiative', wms)).json).toEqual({ watching: true, watchers: 5 });
  expect((await watch('initiative', initiativeId('Intranet redesign'))).json).toEqual({ watching: false, watchers: 1 });

  // Action items from goals and initiatives: overdue, due this week, later and one done.
  const items = await owner.request('GET', `${base}/action-items?limit=100&sort=due`);
  expect(items.json.items).toHaveLength(10);
  expect(items.json.items.every((a: any) => a.source && ['goal', 'initiative'].includes(a.source.type) && a.source.title)).toBe(true);
  expect(items.json.items.filter((a: any) => a.status === 'done').map((a: any) => a.title)).toEqual(['Agree the on-time definition with Sales and Finance']);
  expect(new Set(items.json.items.map((a: any) => a.ownerName)).size).toBeGreaterThanOrEqual(5);
  const bucket = async (due: string, more = '') => (await owner.request('GET', `${base}/action-items?limit=100&status=open,in_progress&due=${due}${more}`)).json.items;
  expect((await bucket('overdue')).map((a: any) => a.title).sort()).toEqual([
    'Renegotiate the SMS provider contract for delivery notifications', 'Send API gateway requirements for the tracking pilot',
  ]);
  expect(await bucket('this_week')).toHaveLength(4);
  expect(await bucket('later')).toHaveLength(3);
  const mine = await owner.request('GET', `${base}/action-items?owner=me&limit=100`);
  expect(mine.json.items).toHaveLength(3);
  expect(items.json.items.find((a: any) => a.title === 'Confirm cut-over weekend with the Rotterdam hub').ownerUserId).toBe(memberId('Lukas Weber'));

  // The bell: mentions and assignments from colleagues, newest first, none read yet.
  const unread = await owner.request('GET', `${base}/notifications/unread-count`);
  expect(unread.json.unread).toBeGreaterThanOrEqual(5);
  expect(unread.json.unread).toBeLessThanOrEqual(12);
  const bell = await owner.request('GET', `${base}/notifications?unread=true&limit=50`);
  const kinds = bell.json.items.map((n: any) => n.kind);
  expect(kinds.filter((k: string) => k === 'comment.mention')).toHaveLength(3);
  expect(kinds.filter((k: string) => k === 'action.assigned')).toHaveLength(2);
  expect(bell.json.items.map((n: any) => n.title)).toContain('Maria Jensen mentioned you on initiative “Warehouse management system upgrade”');
  const at = bell.json.items.map((n: any) => Date.parse(n.createdAt));
  expect([...at].sort((a, b) => b - a)).toEqual(at);
  // The demo's week is history: nobody is e-mailed about it.
  const mailed = await database.pool.query(`select count(*)::int as n from notifications where email <> 'none'`);
  expect(mailed.rows[0].n).toBe(0);

  // Search finds a comment by its text, titled by what it is on.
  const search = await owner.request('GET', `${base}/search?q=${encodeURIComponent('detractor')}`);
  expect(search.status).toBe(200);
  expect(search.json.items).toEqual([expect.objectContaining({ entityType: 'comment', title: 'Comment on Raise customer NPS from 21 to 40' })]);
  const mention = await owner.request('GET', `${base}/search?q=${encodeURIComponent('fail-over test')}&types=comment`);
  expect(mention.json.items.map((h: any) => h.title)).toContain('Comment on Disaster recovery for hub systems');
});
