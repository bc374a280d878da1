import { expect, request as playwrightRequest, test, type Page } from '@playwright/test';
import { call, expectAccessible, ORIGIN, OWNER, settled, signIn, WORKSPACE } from './support';

// Every page, with real data in it, checked with axe: no serious or critical violation.
const ws = `/w/${WORKSPACE.slug}`;
let goalId = '';
let initiativeId = '';
let invitePath = '';
// A worker that restarts after a failure seeds again: names stay unique per seeding.
const run = Date.now().toString(36);
const GOAL = `Answer 90% of customer calls within a minute (${run})`;
const INITIATIVE = `Contact centre telephony renewal (${run})`;

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: ORIGIN });
  await signIn(api, OWNER);
  const unit = await call(api, 'POST', `/workspaces/${WORKSPACE.slug}/business-units`, {
    name: `Customer Operations ${run}`, description: 'Order intake, returns and the contact centre.',
  });
  const goal = await call(api, 'POST', `/workspaces/${WORKSPACE.slug}/goals`, {
    title: GOAL, status: 'active', weight: 70, businessUnitId: unit.id,
    startDate: '2026-01-01', endDate: '2026-12-31', description: 'Measured monthly by the contact centre.',
  });
  const initiative = await call(api, 'POST', `/workspaces/${WORKSPACE.slug}/initiatives`, {
    title: INITIATIVE, status: 'in_progress', capex: 180000, opex: 24000, effortDays: 210, businessUnitId: unit.id,
  });
  await call(api, 'POST', `/workspaces/${WORKSPACE.slug}/goal-links`, {
    goalId: goal.id, initiativeId: initiative.id, strength: 'medium', rationale: 'Call routing cuts waiting time.',
  });
  // The strategy pages with something on them: a theme, a key result with check-ins, a team,
  // milestones and a dependency, a capability with a child, and custom fields.
  const base = `/workspaces/${WORKSPACE.slug}`;
  const theme = await call(api, 'POST', `${base}/themes`, { name: `Customer first ${run}`, color: '#2b8a3e', description: 'Every contact answered well.' });
  await call(api, 'PATCH', `${base}/goals/${goal.id}`, { themeId: theme.id });
  const kr = await call(api, 'POST', `${base}/goals/${goal.id}/key-results`, { title: 'Calls answered within a minute', unit: '%', baseline: 62, target: 90 });
  await call(api, 'POST', `${base}/key-results/${kr.id}/check-ins`, { value: 71, comment: 'New call routing live in one site.' });
  await call(api, 'POST', `${base}/key-results/${kr.id}/check-ins`, { value: 78, comment: 'Both sites.' });
  const team = await call(api, 'POST', `${base}/teams`, { name: `Contact Centre Systems ${run}` });
  await call(api, 'PATCH', `${base}/initiatives/${initiative.id}`, { teamId: team.id, startDate: '2026-03-01', endDate: '2026-12-31', riskLevel: 'high' });
  await call(api, 'POST', `${base}/initiatives/${initiative.id}/milestones`, { title: 'Telephony vendor chosen', dueDate: '2026-05-15' });
  const before = await call(api, 'POST', `${base}/initiatives`, {
    title: `Contact centre network upgrade (${run})`, status: 'done', startDate: '2026-01-05', endDate: '2026-02-27', businessUnitId: unit.id,
  });
  await call(api, 'POST', `${base}/initiatives/${initiative.id}/dependencies`, { dependsOnId: before.id, note: 'The new lines need the new network.' });
  const capability = await call(api, 'POST', `${base}/capabilities`, { name: `Customer service ${run}`, currentMaturity: 2, targetMaturity: 4 });
  const child = await call(api, 'POST', `${base}/capabilities`, { name: `Call handling ${run}`, parentId: capability.id, currentMaturity: 2, targetMaturity: 5 });
  await call(api, 'POST', `${base}/capabilities/${child.id}/links`, { initiativeId: initiative.id });
  await call(api, 'POST', `${base}/custom-fields`, { entityType: 'initiative', label: `Funding ${run}`, type: 'single_choice', options: ['Run', 'Change'] });
  const invitation = await call(api, 'POST', `${base}/invitations`, { role: 'viewer' });
  goalId = goal.id;
  initiativeId = initiative.id;
  invitePath = new URL(invitation.url).pathname;
  await api.dispose();
});

async function check(page: Page, path: string, heading: string | RegExp, what: string) {
  await page.goto(path);
  await settled(page, heading);
  await expect(page).toHaveTitle(/ · Tandem$/);
  await expectAccessible(page, what);
}

test('pages before sign-in: sign-in and an invitation', async ({ page }) => {
  await check(page, '/sign-in', 'Sign in to Tandem', 'sign-in');
  await check(page, invitePath, `Join ${WORKSPACE.name}`, 'invitation');
});

test('every page of the signed-in app, in light mode', async ({ page }) => {
  await signIn(page.request, OWNER);
  const pages: [string, string | RegExp, string][] = [
    [ws, WORKSPACE.name, 'home'],
    [`${ws}/goals`, 'Goals', 'goals list'],
    [`${ws}/goals/${goalId}`, GOAL, 'goal detail'],
    [`${ws}/initiatives`, 'Initiatives', 'initiatives list'],
    [`${ws}/initiatives/${initiativeId}`, INITIATIVE, 'initiative detail'],
    [`${ws}/business-units`, 'Business units', 'business units'],
    [`${ws}/members`, 'Members', 'members'],
    [`${ws}/settings`, 'Workspace settings', 'workspace settings'],
    [`${ws}/audit-log`, 'Audit log', 'audit log'],
    ['/profile', 'Profile and security', 'profile'],
    [`${ws}/strategy`, 'Vision & themes', 'vision and themes'],
    [`${ws}/goals?view=tree`, 'Goals', 'goal tree'],
    [`${ws}/teams`, 'Teams', 'teams'],
    [`${ws}/roadmap?from=2026-01-01`, 'Roadmap', 'roadmap'],
    [`${ws}/alignment`, 'Alignment', 'alignment overview'],
    [`${ws}/alignment/matrix`, 'Alignment matrix', 'alignment matrix'],
    [`${ws}/alignment/graph`, 'Alignment graph', 'alignment graph'],
    [`${ws}/alignment/graph?view=list`, 'Alignment graph', 'alignment graph as lists'],
    [`${ws}/capabilities`, 'Capability map', 'capability map'],
    [`${ws}/settings/custom-fields`, 'Custom fields', 'custom fields settings'],
    [`${ws}/requests`, 'Requests', 'a coming page'],
    [`${ws}/no-such-page`, 'Page not found', 'not found'],
  ];
  for (const [path, heading, what] of pages) await check(page, path, heading, what);

  // An open audit entry, and an open dialog.
  await page.goto(`${ws}/audit-log`);
  await settled(page, 'Audit log');
  await page.getByRole('button', { name: /^Show changes of goal_link\.create/ }).first().click();
  await expect(page.getByRole('table', { name: 'Changes' })).toBeVisible();
  await expectAccessible(page, 'audit log with an entry open');
  await page.goto(`${ws}/goals/${goalId}`);
  await settled(page, GOAL);
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Edit goal' })).toBeVisible();
  await expectAccessible(page, 'goal form');
});

test('home, goal and initiative pages in dark mode', async ({ page }) => {
  await signIn(page.request, OWNER);
  await page.goto(ws);
  await settled(page, WORKSPACE.name);
  await page.getByRole('button', { name: 'Switch to dark mode' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await expectAccessible(page, 'home (dark)');
  await check(page, `${ws}/goals/${goalId}`, GOAL, 'goal detail (dark)');
  await check(page, `${ws}/initiatives`, 'Initiatives', 'initiatives list (dark)');
  // The choice is kept across visits.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
});
