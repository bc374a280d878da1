import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** The owner the first-run spec creates; the other specs sign in as this person. */
export const OWNER = { name: 'Ada Lovelace', email: 'ada@example.com', password: 'analytical-engine-1843' };
export const WORKSPACE = { name: 'Northwind IT', slug: 'northwind-it' };
export const ORIGIN = 'http://127.0.0.1:3210';

/** Signs in through the API; the cookie lands in the request context (a page's context shares it). */
export async function signIn(request: APIRequestContext, who: { email: string; password: string } = OWNER) {
  const res = await request.post('/api/v1/auth/login', { data: { email: who.email, password: who.password } });
  expect(res.status(), await res.text()).toBe(200);
}

/** A JSON call with the same-origin header writes need; fails the test on an unexpected status. */
export async function call(request: APIRequestContext, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, data?: unknown) {
  const res = await request.fetch(`/api/v1${path}`, { method, data, headers: { origin: ORIGIN } });
  expect(res.ok(), `${method} ${path}: ${res.status()} ${await res.text()}`).toBe(true);
  return res.status() === 204 ? null : await res.json();
}

/** The page has settled: its single <h1> is shown and nothing is loading. */
export async function settled(page: Page, heading?: string | RegExp) {
  const h1 = page.getByRole('heading', { level: 1 });
  if (heading) await expect(h1).toHaveText(heading);
  else await expect(h1).toBeVisible();
  await expect(h1).toHaveCount(1);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join('\n  ')}`);
  expect(report, `${what}: accessibility violations`).toEqual([]);
}
