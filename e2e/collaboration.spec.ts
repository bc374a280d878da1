import { expect, request as playwrightRequest, test } from '@playwright/test';
import { call, expectAccessible, ORIGIN, OWNER, settled, signIn, WORKSPACE } from './support';

// A comment that mentions a colleague: the colleague, in a browser of their own, sees the
// notification arrive live (no reload), opens it, and finds the comment through search.
const run = Date.now().toString(36);
const COLLEAGUE = { name: `Katherine Johnson ${run}`, email: `katherine-${run}@example.com`, password: 'orbital-mechanics-1962' };
const GOAL = `Halve the month-end close (${run})`;
const ws = `/w/${WORKSPACE.slug}`;
let goalId = '';

test.beforeAll(async () => {
  const api = await playwrightRequest.newContext({ baseURL: ORIGIN });
  await signIn(api, OWNER);
  const goal = await call(api, 'POST', `/workspaces/${WORKSPACE.slug}/goals`, { title: GOAL, status: 'active' });
  goalId = goal.id;
  const invitation = await call(api, 'POST', `/workspaces/${WORKSPACE.slug}/invitations`, { role: 'member' });
  const token = String(invitation.url).split('/').pop()!;
  const guest = await playwrightRequest.newContext({ baseURL: ORIGIN });
  await call(guest, 'POST', `/invitations/${token}/accept`, COLLEAGUE);
  await Promise.all([api.dispose(), guest.dispose()]);
});

test('a mention reaches the colleague live, and search finds the comment', async ({ page, browser }) => {
  // The colleague has the workspace open in another browser.
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await signIn(colleague.request, COLLEAGUE);
  await colleague.goto(ws);
  await settled(colleague, WORKSPACE.name);
  const bell = colleague.getByRole('button', { name: /^Notifications/ });
  await expect(bell).toHaveAccessibleName('Notifications');

  // The owner mentions them in a comment on the goal, picking them from the suggestions.
  await signIn(page.request, OWNER);
  await page.goto(`${ws}/goals/${goalId}`);
  await settled(page, GOAL);
  const box = page.getByRole('combobox', { name: 'Add a comment' });
  await box.fill('Can you check the reconciliation step, ');
  await box.pressSequentially(`@${COLLEAGUE.name.slice(0, 9)}`);
  await page.getByRole('option', { name: new RegExp(COLLEAGUE.name) }).click();
  await box.pressSequentially(' before Friday?');
  await page.getByRole('button', { name: 'Comment', exact: true }).click();
  const thread = page.getByRole('list', { name: 'Comments' });
  await expect(thread).toContainText('Can you check the reconciliation step');
  await expect(thread).toContainText(`@${COLLEAGUE.name}`);

  // Live: the colleague's bell turns to one unread without a reload.
  await expect(bell).toHaveAccessibleName('Notifications, 1 unread', { timeout: 10_000 });
  await bell.click();
  const latest = colleague.getByRole('dialog', { name: /^Notifications/ });
  await expect(latest).toContainText(OWNER.name);
  await expectAccessible(colleague, 'notification bell open');
  await latest.getByRole('button', { name: /^Unread: / }).first().click();
  await expect(colleague).toHaveURL(new RegExp(`/goals/${goalId}`));
  await settled(colleague, GOAL);
  await expect(bell).toHaveAccessibleName('Notifications');

  // Search (Ctrl-K) finds the comment and the goal.
  await colleague.keyboard.press('Control+k');
  const search = colleague.getByRole('textbox', { name: 'Search the workspace' });
  await expect(search).toBeVisible();
  await search.fill('reconcil');
  const results = colleague.getByRole('listbox', { name: 'Search results' }).or(colleague.getByLabel('Search results'));
  await expect(results.first()).toContainText(GOAL, { timeout: 10_000 });
  await expectAccessible(colleague, 'search open');
  await colleague.keyboard.press('Escape');
  await other.close();
});

test('the collaboration pages pass axe', async ({ page }) => {
  await signIn(page.request, OWNER);
  const pages: [string, string][] = [
    [`${ws}/notifications`, 'Notifications'],
    [`${ws}/activity`, 'Activity'],
    [`${ws}/actions`, 'Action items'],
    [`${ws}/settings/webhooks`, 'Webhooks'],
    [`${ws}/settings/outbox`, 'E-mail outbox'],
  ];
  for (const [path, heading] of pages) {
    await page.goto(path);
    await settled(page, heading);
    await expect(page).toHaveTitle(/ · Tandem$/);
    await expectAccessible(page, heading);
  }
  await page.goto(`${ws}/goals/${goalId}`);
  await settled(page, GOAL);
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expectAccessible(page, 'goal activity tab');
});
