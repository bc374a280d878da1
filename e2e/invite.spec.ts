import { expect, test } from '@playwright/test';
import { OWNER, settled, signIn, WORKSPACE } from './support';

test('an admin invites a member by link, who accepts it in another browser', async ({ page, browser }) => {
  await signIn(page.request, OWNER);
  await page.goto(`/w/${WORKSPACE.slug}/members`);
  await settled(page, 'Members');

  await page.getByRole('button', { name: 'Invite people' }).click();
  const dialog = page.getByRole('dialog', { name: `Invite people to ${WORKSPACE.name}` });
  await dialog.getByRole('textbox', { name: 'E-mail' }).fill('grace@example.com');
  await expect(dialog.getByRole('combobox', { name: 'Role' })).toHaveValue('Member');
  await dialog.getByRole('button', { name: 'Create invitation' }).click();

  const created = page.getByRole('dialog', { name: 'Invitation created' });
  const link = created.getByRole('textbox', { name: 'Invitation link' });
  await expect(link).toHaveValue(/\/invite\/[\w-]+$/);
  const url = await link.inputValue();
  await expect(created.getByRole('button', { name: 'Copy invitation link' })).toBeVisible();
  await created.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByRole('table', { name: 'Open invitations' })).toContainText('grace@example.com');

  // The invitee, in a browser of their own.
  const other = await browser.newContext();
  const guest = await other.newPage();
  await guest.goto(new URL(url).pathname);
  await settled(guest, `Join ${WORKSPACE.name}`);
  await expect(guest.getByText(`${OWNER.name} invited you to join`)).toBeVisible();
  await expect(guest.getByRole('textbox', { name: 'E-mail' })).toHaveValue('grace@example.com');
  await guest.getByRole('textbox', { name: 'Your name' }).fill('Grace Hopper');
  await guest.getByRole('textbox', { name: 'Password' }).fill('short');
  await guest.getByRole('button', { name: 'Create account and join' }).click();
  await expect(guest.getByText('must be at least 10 characters')).toBeVisible();
  await guest.getByRole('textbox', { name: 'Password' }).fill('compiler-pioneer-1952');
  await guest.getByRole('button', { name: 'Create account and join' }).click();
  await expect(guest).toHaveURL(`/w/${WORKSPACE.slug}`);
  await settled(guest, WORKSPACE.name);
  await expect(guest.getByRole('button', { name: /Switch workspace/ })).toContainText('Member');
  // A member may edit strategy but not manage people.
  await guest.goto(`/w/${WORKSPACE.slug}/members`);
  await settled(guest, 'Members');
  await expect(guest.getByRole('button', { name: 'Invite people' })).toHaveCount(0);
  await other.close();

  // The owner sees the new member, and the invitation is used up.
  await page.reload();
  await settled(page, 'Members');
  await expect(page.getByRole('table', { name: 'Members' })).toContainText('Grace Hopper');
  await expect(page.getByRole('combobox', { name: 'Role of Grace Hopper' })).toHaveValue('Member');
  await expect(page.getByRole('table', { name: 'Open invitations' }).getByText('grace@example.com')).toHaveCount(0);
});
