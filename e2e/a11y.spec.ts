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
  const invitation = await call(api, 'POST', `/workspaces/${WORKSPACE.slug}/invitations`, { role: 'viewer' });
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
    [`${ws}/roadmap`, 'Roadmap', 'a coming page'],
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
  await page.getByRole('button', { name: 'Edit' }).click();
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
