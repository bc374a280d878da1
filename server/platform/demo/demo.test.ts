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
  expect(goals!.json.items).toHaveLength(9);
  expect(initiatives!.json.items).toHaveLength(12);
  expect(members!.json.items).toHaveLength(7);
  expect(links!.json.items).toHaveLength(17);
  // An orphan initiative and an unsupported goal, so the alignment views have something to show.
  expect(initiatives!.json.items.find((i: any) => i.title === 'Intranet redesign').linkCount).toBe(0);
  const audit = await owner.request('GET', `${base}/audit-log?action=goal.&limit=200`);
  expect(audit.json.items).toHaveLength(9);
});
