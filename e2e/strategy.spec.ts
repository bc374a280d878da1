import { expect, request as playwrightRequest, test, type Locator, type Page } from '@playwright/test';
import { call, expectAccessible, ORIGIN, OWNER, settled, signIn } from './support';

// A small strategy built from nothing, in the browser, as its owner would: the vision and a
// theme, two goals (the second under the first) with a key result and a check-in, three
// initiatives, links from the goal page; the alignment overview's figures checked against
// hand-computed values, before and after the orphan is linked from the matrix; then the
// roadmap: a bar dragged and its dates saved, and a drag that breaks a dependency refused.
// Every page visited passes axe.
//
// A fresh workspace per run, so the figures start from zero.
const run = Date.now().toString(36);
const WS = { name: `Strategy from scratch ${run}`, slug: `strategy-${run}` };
const ws = `/w/${WS.slug}`;
const api = `/workspaces/${WS.slug}`;

const VISION = 'Every customer served online, first time, in one visit';
const THEME = `Digital customer (${run})`;
const THEME_COLOR = '#2b8a3e';
const GOAL1 = `Grow online revenue by a fifth (${run})`;
const GOAL2 = `Launch self-service returns (${run})`;
const KR = 'Online revenue';
// Three initiatives, all in the portfolio (planned or in progress).
const INI = {
  shop: { title: `New web shop platform (${run})`, status: 'In progress', start: '2026-02-02', end: '2026-04-30', capex: 120_000, opex: 30_000, effort: 200 },
  returns: { title: `Returns portal (${run})`, status: 'Planned', start: '2026-05-04', end: '2026-06-26', capex: 40_000, opex: 10_000, effort: 80 },
  data: { title: `Customer data clean-up (${run})`, status: 'Planned', start: '2026-03-02', end: '2026-05-29', capex: 0, opex: 50_000, effort: 100 },
};
type Key = keyof typeof INI;

const ids = { goal1: '', goal2: '', shop: '', returns: '', data: '' };

// The page's figures are formatted for the reader's locale: fix it, so the expected texts can be written out.
test.use({ locale: 'en-US' });

test.beforeAll(async () => {
  const ctx = await playwrightRequest.newContext({ baseURL: ORIGIN });
  await signIn(ctx, OWNER);
  await call(ctx, 'POST', '/workspaces', { name: WS.name, slug: WS.slug });
  await ctx.dispose();
});

test.beforeEach(async ({ page }) => {
  await signIn(page.request, OWNER);
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The id at the end of the page's address (a goal's or initiative's page). */
const idInUrl = (page: Page) => new URL(page.url()).pathname.split('/').pop()!;

/** Chooses an option of a Mantine select, typing first when it is searchable. */
async function choose(page: Page, box: Locator, option: string, type?: string) {
  if (type) await box.fill(type);
  else await box.click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await expect(box).toHaveValue(option);
}

/** "Feb 2, 2026 – Apr 30, 2026", as the app writes a date range in en-US. */
function range(start: string, end: string) {
  const f = (d: string) => new Date(`${d}T12:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  return `${f(start)} – ${f(end)}`;
}
const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const daysInclusive = (start: string, end: string) => (Date.parse(end) - Date.parse(start)) / 86_400_000 + 1;

test.describe.serial('a strategy from nothing', () => {
  test('vision and a theme', async ({ page }) => {
    await page.goto(`${ws}/strategy`);
    await settled(page, 'Vision & themes');
    await expect(page.getByText('No vision written yet.')).toBeVisible();
    await expect(page.getByText('No themes yet')).toBeVisible();

    await page.getByRole('button', { name: 'Write the vision' }).click();
    const visionDialog = page.getByRole('dialog', { name: 'Edit the vision' });
    await visionDialog.getByRole('textbox', { name: 'Vision statement' }).fill(VISION);
    await visionDialog.getByRole('textbox', { name: 'Mission' }).fill('We make buying and returning effortless.');
    await visionDialog.getByRole('textbox', { name: 'Horizon' }).fill('2028');
    await visionDialog.getByRole('button', { name: 'Save vision' }).click();
    await expect(visionDialog).toBeHidden();
    const visionCard = page.getByRole('region', { name: 'Our vision' });
    await expect(visionCard).toContainText(VISION);
    await expect(visionCard).toContainText('Horizon 2028');
    await expect(page.getByRole('button', { name: 'Edit vision' })).toBeVisible();

    await page.getByRole('button', { name: 'New theme' }).click();
    const themeDialog = page.getByRole('dialog', { name: 'New theme' });
    await themeDialog.getByRole('textbox', { name: 'Name' }).fill(THEME);
    await themeDialog.getByRole('textbox', { name: 'Description' }).fill('Customers find, buy and return online.');
    const colour = themeDialog.getByRole('textbox', { name: 'Colour' });
    await colour.fill(THEME_COLOR);
    await colour.blur(); // leaving the field closes its colour picker
    await expect(colour).toHaveValue(THEME_COLOR);
    await themeDialog.getByRole('button', { name: 'Create theme' }).click();
    await expect(themeDialog).toBeHidden();
    const card = page.getByRole('article', { name: THEME });
    await expect(card).toContainText('0 goals');
    await expectAccessible(page, 'vision and themes');

    // The colour chosen is the one kept.
    const ctx = page.request;
    const themes = await call(ctx, 'GET', `${api}/themes`);
    expect(themes.items.map((t: { name: string; color: string }) => [t.name, t.color])).toEqual([[THEME, THEME_COLOR]]);
  });

  test('two goals under the theme, a key result and a check-in', async ({ page }) => {
    await page.goto(`${ws}/goals`);
    await settled(page, 'Goals');
    await expect(page.getByText('No goals yet')).toBeVisible();

    // The company goal.
    await page.getByRole('button', { name: 'New goal', exact: true }).click();
    let dialog = page.getByRole('dialog', { name: 'New goal' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(GOAL1);
    await choose(page, dialog.getByRole('combobox', { name: 'Theme' }), THEME);
    await choose(page, dialog.getByRole('combobox', { name: 'Status' }), 'Active');
    await dialog.getByRole('textbox', { name: 'Weight' }).fill('60');
    await dialog.getByRole('textbox', { name: 'Start date' }).fill('2026-01-01');
    await dialog.getByRole('textbox', { name: 'End date' }).fill('2026-12-31');
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    await expect(dialog).toBeHidden();
    await settled(page, GOAL1);
    ids.goal1 = idInUrl(page);

    // The second goal contributes to the first, from the goals page's form with its parent picker.
    await page.goto(`${ws}/goals`);
    await settled(page, 'Goals');
    await page.getByRole('button', { name: 'New goal', exact: true }).click();
    dialog = page.getByRole('dialog', { name: 'New goal' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(GOAL2);
    await choose(page, dialog.getByRole('combobox', { name: 'Parent goal' }), GOAL1, 'Grow online');
    await choose(page, dialog.getByRole('combobox', { name: 'Theme' }), THEME);
    await choose(page, dialog.getByRole('combobox', { name: 'Status' }), 'Active');
    await dialog.getByRole('textbox', { name: 'Weight' }).fill('40');
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    await expect(dialog).toBeHidden();
    await settled(page, GOAL2);
    ids.goal2 = idInUrl(page);
    await expect(page.getByRole('region', { name: 'Goal tree' })).toContainText(`Contributes to ${GOAL1}`);

    // The tree: the first goal at the top, the second below it once expanded.
    await page.goto(`${ws}/goals?view=tree`);
    await settled(page, 'Goals');
    const tree = page.getByRole('table', { name: 'Goal tree' });
    await expect(tree.getByRole('link', { name: GOAL1 })).toBeVisible();
    await expect(tree.getByRole('link', { name: GOAL2 })).toHaveCount(0);
    await tree.getByRole('button', { name: `Show the 1 goal under ${GOAL1}` }).click();
    await expect(tree.getByRole('link', { name: GOAL2 })).toBeVisible();
    await expectAccessible(page, 'goal tree');

    // A key result on the company goal: the goal's progress starts at 0 and moves with a check-in.
    await tree.getByRole('link', { name: GOAL1 }).click();
    await settled(page, GOAL1);
    const krSection = page.getByRole('region', { name: 'Key results' });
    await expect(krSection).toContainText('No progress measured yet');
    await krSection.getByRole('button', { name: 'Add key result' }).click();
    const krDialog = page.getByRole('dialog', { name: 'New key result' });
    await krDialog.getByRole('textbox', { name: 'Metric' }).fill(KR);
    await krDialog.getByRole('textbox', { name: 'Baseline' }).fill('10');
    await krDialog.getByRole('textbox', { name: 'Target' }).fill('12');
    await krDialog.getByRole('textbox', { name: 'Unit' }).fill('M€');
    await krDialog.getByRole('button', { name: 'Add key result' }).click();
    await expect(krDialog).toBeHidden();
    const goalProgress = krSection.getByRole('progressbar', { name: `Progress of ${GOAL1}` });
    await expect(goalProgress).toHaveAttribute('aria-valuenow', '0');

    await krSection.getByRole('row', { name: new RegExp(`^${KR}`) }).getByRole('button', { name: 'Check in' }).click();
    const checkIn = page.getByRole('dialog', { name: `Check in: ${KR}` });
    await checkIn.getByRole('textbox', { name: 'New value (M€)' }).fill('11');
    await checkIn.getByRole('textbox', { name: 'Comment' }).fill('The new checkout is live in two countries.');
    await checkIn.getByRole('button', { name: 'Check in' }).click();
    await expect(checkIn).toBeHidden();
    // (11 − 10) / (12 − 10) = 50 %, for the key result and the goal (its only key result).
    await expect(krSection.getByRole('progressbar', { name: `Progress of ${KR}` })).toHaveAttribute('aria-valuenow', '50');
    await expect(goalProgress).toHaveAttribute('aria-valuenow', '50');
    await page.getByRole('button', { name: `Show the check-in history of ${KR}` }).click();
    await expect(krSection).toContainText('The new checkout is live in two countries.');
    await expect(krSection).toContainText('1 check-in;');
  });

  test('three initiatives with dates, cost and effort', async ({ page }) => {
    for (const key of Object.keys(INI) as Key[]) {
      const i = INI[key];
      await page.goto(`${ws}/initiatives`);
      await settled(page, 'Initiatives');
      await page.getByRole('button', { name: 'New initiative', exact: true }).click();
      const dialog = page.getByRole('dialog', { name: 'New initiative' });
      await dialog.getByRole('textbox', { name: 'Title' }).fill(i.title);
      await choose(page, dialog.getByRole('combobox', { name: 'Status' }), i.status);
      await dialog.getByRole('textbox', { name: 'Capital expense' }).fill(String(i.capex));
      await dialog.getByRole('textbox', { name: 'Operating expense' }).fill(String(i.opex));
      await dialog.getByRole('textbox', { name: 'Effort' }).fill(String(i.effort));
      await dialog.getByRole('textbox', { name: 'Start date' }).fill(i.start);
      await dialog.getByRole('textbox', { name: 'End date' }).fill(i.end);
      await dialog.getByRole('button', { name: 'Create initiative' }).click();
      await expect(dialog).toBeHidden();
      await settled(page, i.title);
      ids[key] = idInUrl(page);
      await expect(page.getByText(`€${(i.capex + i.opex).toLocaleString('en-US')}`).first()).toBeVisible();
      await expect(page.getByText(range(i.start, i.end))).toBeVisible();
    }
    await page.goto(`${ws}/initiatives`);
    await settled(page, 'Initiatives');
    for (const i of Object.values(INI)) await expect(page.getByRole('link', { name: i.title })).toBeVisible();
  });

  test('links from the goal page, the overview, and the orphan linked from the matrix', async ({ page }) => {
    // Two initiatives serve the company goal; the clean-up serves nothing yet, and the returns goal has no initiative.
    await page.goto(`${ws}/goals/${ids.goal1}`);
    await settled(page, GOAL1);
    for (const [key, strength] of [['shop', 'Strong'], ['returns', 'Medium']] as const) {
      await page.getByRole('button', { name: 'Link initiative' }).click();
      const dialog = page.getByRole('dialog', { name: 'Link an initiative' });
      await choose(page, dialog.getByRole('combobox', { name: 'Initiative' }), INI[key].title, INI[key].title.slice(0, 8));
      await dialog.getByText(strength, { exact: true }).click();
      await expect(dialog.getByRole('radio', { name: strength })).toBeChecked();
      await dialog.getByRole('textbox', { name: 'Rationale' }).fill(`${INI[key].title} brings customers online.`);
      await dialog.getByRole('button', { name: 'Link', exact: true }).click();
      await expect(dialog).toBeHidden();
      const row = page.getByRole('row', { name: new RegExp(escape(INI[key].title)) });
      await expect(row.getByRole('combobox', { name: `Strength of the link to ${INI[key].title}` })).toHaveValue(strength);
    }
    await expect(page.getByRole('heading', { name: /Linked initiatives/ })).toContainText('(2)');

    await page.goto(`${ws}/alignment`);
    await settled(page, 'Alignment');
    // By hand, from what was entered (all three initiatives are in the portfolio: planned or in progress):
    //   cost: shop 120,000 + 30,000 = 150,000; returns 40,000 + 10,000 = 50,000; clean-up 0 + 50,000 = 50,000
    //   portfolio spend 250,000; aligned (shop, returns) 200,000 → 100 × 200,000 / 250,000 = 80 %
    //   effort: 200 + 80 + 100 = 380 days; aligned 200 + 80 = 280 → 100 × 280 / 380 = 73.68… → "73.7%"
    //   coverage: active goals 2, linked from a portfolio initiative 1 (the company goal) → 50 %
    //   strategic value = 100 × Σ weight × strength / 3 / Σ weights (60 + 40 = 100):
    //     shop 100 × 60 × 3/3 / 100 = 60; returns 100 × 60 × 2/3 / 100 = 40; clean-up 0
    await expectFigures(page, {
      spend: ['80%', '€200,000 of €250,000 (capex + opex)', '2 of 3 portfolio initiatives aligned'],
      effort: ['73.7%', '280 days of 380 days', '1 orphan initiative'],
      coverage: ['50%', '1 of 2 active goals supported', '1 without a portfolio initiative'],
    });
    const orphans = page.getByRole('region', { name: 'Orphan initiatives' });
    await expect(orphans.getByRole('listitem')).toHaveCount(1);
    await expect(orphans.getByRole('link', { name: INI.data.title })).toBeVisible();
    await expect(orphans).toContainText('€50,000');
    const unsupported = page.getByRole('region', { name: 'Unsupported goals' });
    await expect(unsupported.getByRole('listitem')).toHaveCount(1);
    await expect(unsupported.getByRole('link', { name: GOAL2 })).toBeVisible();
    await expect(unsupported).toContainText('Weight 40');
    await expectValues(page, { shop: '60', returns: '40', data: '0' });
    // The theme holds both goals: half of them covered; its share of spend and effort is the aligned one.
    const themeRow = page.getByRole('region', { name: 'By theme' }).getByRole('row').filter({ has: page.getByRole('button', { name: `Focus on ${THEME}` }) });
    await expect(themeRow.getByRole('cell')).toHaveText(['', '2', '50%', '1', '2', '80%', '73.7%'].map((t, k) => (k === 0 ? new RegExp(escape(THEME)) : t)));
    await expectAccessible(page, 'alignment overview');

    // The matrix: the company goal's links show; the returns goal × the clean-up is linked in place.
    await page.getByRole('link', { name: 'Open the matrix' }).click();
    await settled(page, 'Alignment matrix');
    const grid = page.getByRole('grid', { name: 'Goals and the initiatives that serve them' });
    await expect(await cell(grid, GOAL1, INI.shop.title)).toHaveAccessibleName('Strong link');
    await expect(await cell(grid, GOAL1, INI.returns.title)).toHaveAccessibleName('Medium link');
    await expect(await cell(grid, GOAL1, INI.data.title)).toHaveAccessibleName('Not linked');
    await expectAccessible(page, 'alignment matrix');
    const target = await cell(grid, GOAL2, INI.data.title);
    await expect(target).toHaveAccessibleName('Not linked');
    await target.click();
    const editor = page.getByRole('dialog', { name: new RegExp(`${escape(GOAL2)}.*served by ${escape(INI.data.title)}`) });
    await editor.getByText('Strong', { exact: true }).click();
    await editor.getByRole('textbox', { name: 'Rationale' }).fill('Clean addresses make returns collectable.');
    const linked = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/goal-links') && r.request().method() === 'POST');
    await editor.getByRole('button', { name: 'Link', exact: true }).click();
    expect((await linked).status()).toBe(201);
    await expect(editor).toBeHidden();
    // The columns are sorted by links and may change places when the grid refetches: look the cell up afresh each try.
    await expect(async () => expect(await cell(grid, GOAL2, INI.data.title)).toHaveAccessibleName('Strong link', { timeout: 1000 })).toPass();

    // Back on the overview: everything is aligned and every goal covered.
    //   spend 250,000 of 250,000 = 100 %; effort 380 of 380 = 100 %; coverage 2 of 2 = 100 %
    //   clean-up's value: 100 × 40 × 3/3 / 100 = 40
    await page.goto(`${ws}/alignment`);
    await settled(page, 'Alignment');
    await expectFigures(page, {
      spend: ['100%', '€250,000 of €250,000 (capex + opex)', '3 of 3 portfolio initiatives aligned'],
      effort: ['100%', '380 days of 380 days', '0 orphan initiatives'],
      coverage: ['100%', '2 of 2 active goals supported', '0 without a portfolio initiative'],
    });
    await expect(page.getByRole('region', { name: 'Orphan initiatives' })).toContainText('No orphans');
    await expect(page.getByRole('region', { name: 'Unsupported goals' })).toContainText('No unsupported goals');
    await expectValues(page, { shop: '60', returns: '40', data: '40' });
    // The API gives the same figures.
    const summary = await call(page.request, 'GET', `${api}/alignment/summary`);
    expect([summary.alignedSpendPct, summary.alignedEffortPct, summary.goalCoveragePct, summary.orphanCount, summary.unsupportedGoalCount]).toEqual([100, 100, 100, 0, 0]);

    // The graph: one theme, two goals, three initiatives, no gaps left.
    await page.goto(`${ws}/alignment/graph`);
    await settled(page, 'Alignment graph');
    await expect(page.getByText('1 theme · 2 goals · 3 initiatives · 0 goals without an initiative · 0 orphan initiatives')).toBeVisible();
    await expectAccessible(page, 'alignment graph');
  });

  test('a capability on the map, linked to the goal it serves', async ({ page }) => {
    await page.goto(`${ws}/capabilities`);
    await settled(page, 'Capability map');
    await expect(page.getByText('No capabilities yet')).toBeVisible();
    await page.getByRole('button', { name: 'New capability' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New capability' });
    const name = `Online returns handling (${run})`;
    await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
    await choose(page, dialog.getByRole('combobox', { name: 'Current maturity' }), '1 – Initial');
    await choose(page, dialog.getByRole('combobox', { name: 'Target maturity' }), '4 – Managed');
    await dialog.getByRole('button', { name: 'Create capability' }).click();
    await expect(dialog).toBeHidden();
    // The new capability opens in its drawer: link it to the returns goal.
    const drawer = page.getByRole('dialog', { name });
    await expect(drawer).toContainText('Gap 3');
    const served = drawer.getByRole('region', { name: 'Goals it serves' });
    await expect(served).toContainText('No goal linked yet.');
    await choose(page, served.getByRole('combobox', { name: 'Link a goal' }), GOAL2, 'Launch self');
    await served.getByRole('button', { name: 'Add', exact: true }).click();
    await expect(served.getByRole('link', { name: GOAL2 })).toBeVisible();
    await expect(served.getByRole('heading')).toHaveText('Goals it serves (1)');
    await drawer.getByRole('button', { name: 'Close' }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('list', { name: 'Capability map' })).toContainText(name);
    await expectAccessible(page, 'capability map');
  });

  test('the roadmap: a drag saved, a drag that breaks a dependency refused', async ({ page }) => {
    // The returns portal waits for the web shop (it starts 2026-05-04, after the shop ends 2026-04-30).
    await page.goto(`${ws}/initiatives/${ids.returns}`);
    await settled(page, INI.returns.title);
    await page.getByRole('button', { name: 'Add dependency' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add a dependency' });
    await choose(page, dialog.getByRole('combobox', { name: 'Depends on' }), INI.shop.title, INI.shop.title.slice(0, 8));
    await dialog.getByRole('button', { name: 'Add dependency' }).click();
    await expect(dialog).toBeHidden();
    const dependsOn = page.getByRole('table', { name: 'Depends on (1)' });
    await expect(dependsOn.getByRole('link', { name: INI.shop.title })).toBeVisible();

    // Six months from January 2026 hold all three.
    await page.goto(`${ws}/roadmap?zoom=months&from=2026-01-01`);
    await settled(page, 'Roadmap');
    await expect(page.getByText('3 initiatives in this window.')).toBeVisible();
    for (const i of Object.values(INI)) await expect(bar(page, i.title, i.status, i.start, i.end)).toBeVisible();
    await expectAccessible(page, 'roadmap');

    // Drag the clean-up two weeks later. The scale is read from the bar: its width covers its days.
    const d = INI.data;
    const moved = { start: addDays(d.start, 14), end: addDays(d.end, 14) };
    const before = await dragBar(page, bar(page, d.title, d.status, d.start, d.end), daysInclusive(d.start, d.end), 14, ids.data, 200);
    await page.reload();
    await settled(page, 'Roadmap');
    const after = bar(page, d.title, d.status, moved.start, moved.end);
    await expect(after).toBeVisible();
    // On screen: two weeks further right, as long as before (within a pixel of rounding).
    const box = (await after.boundingBox())!;
    expect(Math.abs(box.x - before.x - 14 * (before.width / daysInclusive(d.start, d.end)))).toBeLessThan(1);
    expect(Math.abs(box.width - before.width)).toBeLessThan(1);
    const saved = await call(page.request, 'GET', `${api}/initiatives/${ids.data}`);
    expect([saved.startDate, saved.endDate]).toEqual([moved.start, moved.end]); // 2026-03-16 – 2026-06-12

    // Drag the returns portal a week earlier: it would start before the web shop ends. Refused, and it snaps back.
    const r = INI.returns;
    await dragBar(page, bar(page, r.title, r.status, r.start, r.end), daysInclusive(r.start, r.end), -7, ids.returns, 409);
    // The server names what is in the way; the page shows its reason.
    const alert = page.getByRole('alert').filter({ hasText: 'must start on or after' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText(INI.shop.title);
    await expect(alert).toContainText('Nothing was changed.');
    await expect(bar(page, r.title, r.status, r.start, r.end)).toBeVisible();
    await page.reload();
    await settled(page, 'Roadmap');
    await expect(bar(page, r.title, r.status, r.start, r.end)).toBeVisible();
    const unchanged = await call(page.request, 'GET', `${api}/initiatives/${ids.returns}`);
    expect([unchanged.startDate, unchanged.endDate]).toEqual([r.start, r.end]);
  });

  test('the goal and initiative pages, as built, pass axe', async ({ page }) => {
    await page.goto(`${ws}/goals/${ids.goal1}`);
    await settled(page, GOAL1);
    await page.getByRole('button', { name: `Show the check-in history of ${KR}` }).click();
    await expect(page.getByRole('region', { name: 'Key results' })).toContainText('1 check-in;');
    await expect(page.getByRole('heading', { name: /Linked initiatives/ })).toContainText('(2)');
    await expectAccessible(page, 'goal with a key result, its history and linked initiatives');
    await page.goto(`${ws}/initiatives/${ids.returns}`);
    await settled(page, INI.returns.title);
    await expect(page.getByRole('table', { name: 'Depends on (1)' })).toBeVisible();
    await expectAccessible(page, 'initiative with a dependency and a linked goal');
  });
});

/** The three headline figures of the alignment overview: value, amounts, counts. */
async function expectFigures(page: Page, f: Record<'spend' | 'effort' | 'coverage', [string, string, string]>) {
  const cards = { spend: 'Aligned spend', effort: 'Aligned effort', coverage: 'Goal coverage' };
  for (const [key, label] of Object.entries(cards) as [keyof typeof cards, string][]) {
    const [value, detail, counts] = f[key];
    const card = page.getByRole('region', { name: label, exact: true });
    await expect(card.getByRole('progressbar', { name: `${label}: ${value}` })).toBeVisible();
    await expect(card).toContainText(detail);
    await expect(card).toContainText(counts);
  }
}

/** The strategic value column of the overview, per initiative. */
async function expectValues(page: Page, values: Record<Key, string>) {
  const table = page.getByRole('region', { name: 'Strategic value' });
  for (const [key, value] of Object.entries(values) as [Key, string][]) {
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: INI[key].title }) });
    await expect(row.getByRole('cell').last()).toHaveText(value);
  }
}

/** The matrix cell of a goal (row) and an initiative (column), found through the grid's headers. */
async function cell(grid: Locator, goal: string, initiative: string): Promise<Locator> {
  await expect(grid.getByRole('columnheader', { name: initiative })).toBeVisible();
  // The column's position among the headers; the first header is the corner.
  const heads = (await grid.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const column = heads.indexOf(initiative);
  expect(column, `column of ${initiative} in ${heads.join(' | ')}`).toBeGreaterThan(0);
  const row = grid.getByRole('row').filter({ has: grid.page().getByRole('rowheader').filter({ hasText: goal }) });
  return row.getByRole('gridcell').nth(column - 1).getByRole('button');
}

/** A roadmap bar, found by its accessible name: title, status and dates. */
function bar(page: Page, title: string, status: string, start: string, end: string): Locator {
  return page.getByRole('button', { name: `${title}, ${status}, ${range(start, end)}`, exact: true });
}

/**
 * Drags a bar by `days` with the mouse (grabbed in its middle, so it moves rather than
 * resizes), the pixels per day read from the bar's width over its `span` days. Returns the
 * bar's box before the drag, once the PATCH has answered with `status`.
 */
async function dragBar(page: Page, target: Locator, span: number, days: number, id: string, status: number) {
  await target.scrollIntoViewIfNeeded();
  const box = (await target.boundingBox())!;
  const perDay = box.width / span;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const saved = page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/initiatives/${id}`) && r.request().method() === 'PATCH');
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + (days * perDay) / 2, y, { steps: 4 });
  await page.mouse.move(x + days * perDay, y, { steps: 4 });
  await page.mouse.up();
  const res = await saved;
  expect(res.status(), await res.text()).toBe(status);
  return box;
}
