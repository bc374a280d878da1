import { expect, test } from '@playwright/test';
import { expectAccessible, OWNER, settled, WORKSPACE } from './support';

// Runs first (its own project): the setup page exists only until the first owner is created.
test.describe.serial('first run', () => {
  test('every path leads to the setup page, which is accessible', async ({ page }) => {
    await page.goto('/w/anything/goals');
    await expect(page).toHaveURL(/\/setup$/);
    await settled(page, 'Set up Tandem');
    await expect(page).toHaveTitle('Set up Tandem · Tandem');
    await expectAccessible(page, 'setup');
  });

  test('set up, sign out, sign in, create a goal and an initiative, and link them', async ({ page }) => {
    await page.goto('/setup');
    await settled(page, 'Set up Tandem');
    // Empty form: the contract's rules show next to the fields.
    await page.getByRole('button', { name: 'Create account and workspace' }).click();
    await expect(page.getByText('must be at least 10 characters')).toBeVisible();

    await page.getByRole('textbox', { name: 'Your name' }).fill(OWNER.name);
    await page.getByRole('textbox', { name: 'E-mail' }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    await page.getByRole('textbox', { name: 'Workspace name' }).fill(WORKSPACE.name);
    await page.getByRole('checkbox', { name: 'Load the demo workspace Acme Logistics' }).check();
    await page.getByRole('button', { name: 'Create account and workspace' }).click();
    await expect(page).toHaveURL(`/w/${WORKSPACE.slug}`);
    await settled(page, WORKSPACE.name);

    // The demo workspace is there too.
    await page.getByRole('button', { name: /Switch workspace/ }).click();
    await expect(page.getByRole('menuitem', { name: /Acme Logistics/ })).toBeVisible();
    await page.keyboard.press('Escape');

    // Sign out, and back in.
    await page.getByRole('button', { name: `Account: ${OWNER.name}` }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await settled(page, 'Sign in to Tandem');
    await page.getByRole('textbox', { name: 'E-mail' }).fill(OWNER.email);
    await page.getByRole('textbox', { name: 'Password' }).fill('not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByRole('alert')).toContainText('The e-mail or password is not right.');
    await page.getByRole('textbox', { name: 'Password' }).fill(OWNER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`/w/${WORKSPACE.slug}`);
    await settled(page, WORKSPACE.name);

    // A goal.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Goals', exact: true }).click();
    await settled(page, 'Goals');
    await page.getByRole('button', { name: 'New goal' }).first().click();
    const goalDialog = page.getByRole('dialog', { name: 'New goal' });
    await goalDialog.getByRole('button', { name: 'Create goal' }).click();
    await expect(goalDialog.getByText('must not be empty')).toBeVisible();
    await goalDialog.getByRole('textbox', { name: 'Title' }).fill('Ship every order within 24 hours');
    await goalDialog.getByRole('textbox', { name: 'Start date' }).fill('2026-03-01');
    await goalDialog.getByRole('textbox', { name: 'End date' }).fill('2026-01-01');
    await goalDialog.getByRole('button', { name: 'Create goal' }).click();
    await expect(goalDialog.getByText('must not be before startDate')).toBeVisible();
    await goalDialog.getByRole('textbox', { name: 'End date' }).fill('2026-12-31');
    await goalDialog.getByRole('button', { name: 'Create goal' }).click();
    await expect(goalDialog).toBeHidden();
    await settled(page, 'Ship every order within 24 hours');
    await expect(page.getByText('No initiative is linked yet')).toBeVisible();

    // An initiative.
    await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Initiatives', exact: true }).click();
    await settled(page, 'Initiatives');
    await page.getByRole('button', { name: 'New initiative' }).first().click();
    const initDialog = page.getByRole('dialog', { name: 'New initiative' });
    await initDialog.getByRole('textbox', { name: 'Title' }).fill('Warehouse robotics pilot');
    await initDialog.getByRole('textbox', { name: 'Capital expense' }).fill('250000');
    await initDialog.getByRole('textbox', { name: 'Effort' }).fill('120');
    await initDialog.getByRole('button', { name: 'Create initiative' }).click();
    await expect(initDialog).toBeHidden();
    await settled(page, 'Warehouse robotics pilot');
    await expect(page.getByText('€250,000').first()).toBeVisible();

    // Link them from the initiative's side, strongly.
    await page.getByRole('button', { name: 'Link goal' }).click();
    const linkDialog = page.getByRole('dialog', { name: 'Link a goal' });
    await linkDialog.getByRole('combobox', { name: 'Goal' }).fill('Ship every');
    await page.getByRole('option', { name: 'Ship every order within 24 hours' }).click();
    await linkDialog.getByText('Strong', { exact: true }).click();
    await expect(linkDialog.getByRole('radio', { name: 'Strong' })).toBeChecked();
    await linkDialog.getByRole('textbox', { name: 'Rationale' }).fill('Robots pick faster at peak.');
    await linkDialog.getByRole('button', { name: 'Link', exact: true }).click();
    await expect(linkDialog).toBeHidden();

    const goalRow = page.getByRole('row', { name: /Ship every order within 24 hours/ });
    await expect(goalRow.getByRole('combobox', { name: 'Strength of the link to Ship every order within 24 hours' })).toHaveValue('Strong');
    await expect(goalRow).toContainText('Robots pick faster at peak.');

    // …and see it from the goal's side.
    await goalRow.getByRole('link', { name: 'Ship every order within 24 hours' }).click();
    await settled(page, 'Ship every order within 24 hours');
    await expect(page.getByRole('heading', { name: /Linked initiatives/ })).toContainText('(1)');
    const initRow = page.getByRole('row', { name: /Warehouse robotics pilot/ });
    await expect(initRow.getByRole('combobox', { name: 'Strength of the link to Warehouse robotics pilot' })).toHaveValue('Strong');
  });
});
