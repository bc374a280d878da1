import { expect, test } from '@playwright/test';
import { OWNER, settled, signIn, WORKSPACE } from './support';

test.use({ viewport: { width: 375, height: 740 } });

test('on a phone, the menu button opens the sidebar', async ({ page }) => {
  await signIn(page.request, OWNER);
  await page.goto(`/w/${WORKSPACE.slug}`);
  await settled(page, WORKSPACE.name);

  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  const goals = nav.getByRole('link', { name: 'Goals', exact: true });
  // Closed, the sidebar sits off-screen and out of the tab order.
  await expect(goals).not.toBeInViewport();
  await expect(nav).toHaveAttribute('inert', '');

  await page.getByRole('button', { name: 'Open navigation' }).click();
  await expect(goals).toBeInViewport();
  await expect(nav).not.toHaveAttribute('inert');
  await goals.click();
  await expect(page).toHaveURL(`/w/${WORKSPACE.slug}/goals`);
  await settled(page, 'Goals');
  // Following a link closes the menu again.
  await expect(goals).not.toBeInViewport();
  await expect(page.getByRole('button', { name: 'Open navigation' })).toBeVisible();
});
