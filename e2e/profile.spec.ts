import { expect, request as playwrightRequest, test } from '@playwright/test';
import { ORIGIN, OWNER, settled, signIn } from './support';

test('create an API token (its secret shown once) and revoke it', async ({ page, playwright }) => {
  await signIn(page.request, OWNER);
  await page.goto('/profile');
  await settled(page, 'Profile and security');

  await page.getByRole('button', { name: 'Create token' }).click();
  const dialog = page.getByRole('dialog', { name: 'Create an API token' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Reporting export');
  await dialog.getByRole('radio', { name: 'Read and write' }).check();
  await dialog.getByRole('button', { name: 'Create token' }).click();

  const shown = page.getByRole('dialog', { name: 'Copy your new token' });
  await expect(shown.getByText('This is the only time the token is shown')).toBeVisible();
  const secret = await shown.getByRole('textbox', { name: 'Token' }).inputValue();
  expect(secret).toMatch(/^tdm_/);
  await expect(shown.getByRole('button', { name: 'Copy token' })).toBeVisible();

  // The token works…
  const api = await playwright.request.newContext({ baseURL: ORIGIN, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await api.get('/api/v1/me')).status()).toBe(200);

  await shown.getByRole('button', { name: 'I have copied it' }).click();
  const tokens = page.getByRole('table', { name: 'API tokens' });
  const row = tokens.getByRole('row', { name: /Reporting export/ });
  await expect(row).toContainText('Read and write');
  await expect(row).toContainText('Active');
  await expect(page.getByText(secret)).toHaveCount(0);

  await row.getByRole('button', { name: 'Revoke Reporting export' }).click();
  await page.getByRole('dialog', { name: 'Revoke “Reporting export”?' }).getByRole('button', { name: 'Revoke token' }).click();
  await expect(page.getByText('Token revoked')).toBeVisible();
  await expect(row).toHaveCount(0);
  // …and no longer once revoked.
  expect((await api.get('/api/v1/me')).status()).toBe(401);
  await api.dispose();
});

test('sign out every other session', async ({ page }) => {
  // A second session, as from another device.
  const elsewhere = await playwrightRequest.newContext({ baseURL: ORIGIN });
  await signIn(elsewhere, OWNER);
  expect((await elsewhere.get('/api/v1/me')).status()).toBe(200);

  await signIn(page.request, OWNER);
  await page.goto('/profile');
  await settled(page, 'Profile and security');
  const sessions = page.getByRole('table', { name: 'Sessions' });
  // The header row, this session and at least the one elsewhere.
  await expect.poll(() => sessions.getByRole('row').count()).toBeGreaterThanOrEqual(3);

  await page.getByRole('button', { name: 'Sign out other sessions' }).click();
  await page.getByRole('dialog', { name: 'Sign out other sessions?' }).getByRole('button', { name: 'Sign out others' }).click();
  await expect(page.getByText(/Signed out \d+ other sessions?/)).toBeVisible();
  // Header row and this session's row.
  await expect(sessions.getByRole('row')).toHaveCount(2);
  await expect(sessions).toContainText('This session');
  expect((await elsewhere.get('/api/v1/me')).status()).toBe(401);
  await elsewhere.dispose();
});
