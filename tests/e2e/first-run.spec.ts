import { ConsolePage, expect, startConsole, stopConsole, test } from './fixtures';

// A fresh data directory: the console creates its database and asks for the first administrator.
test('first start asks for the administrator, refuses a weak password, then the admin creates a clerk', async ({ page }) => {
  const { server, child } = await startConsole({ demo: false });
  try {
    const c = new ConsolePage(page, server);
    await c.open();
    await expect(page.getByTestId('setup-name')).toBeVisible();
    await c.screenshot('first-run-zh');
    await page.getByTestId('setup-name').fill('陈管理');
    await page.getByTestId('setup-password').fill('short1');
    await page.getByTestId('setup-confirm').fill('short1');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('error')).toHaveText('密码至少需要 10 位。');
    await page.getByTestId('setup-password').fill('office-keeper-2026');
    await page.getByTestId('setup-confirm').fill('office-keeper-2026');
    await page.getByTestId('setup-submit').click();
    await expect(page.getByTestId('whoami')).toContainText('陈管理');
    // An admin manages accounts and does not serve the counter.
    await expect(page.getByTestId('nav-counter')).toHaveCount(0);
    await page.getByTestId('language').click();
    await page.getByTestId('nav-accounts').click();
    await expect(page.getByRole('heading', { name: 'Accounts' })).toBeVisible();
    await page.getByTestId('account-username').fill('wang');
    await page.getByTestId('account-name').fill('王窗口');
    await page.getByTestId('account-password').fill('counter-clerk-7');
    await page.getByTestId('account-create').click();
    await expect(page.getByRole('row', { name: /wang/ })).toContainText('Clerk');
    await c.screenshot('accounts-en');
    await page.getByTestId('logout').click();
    await expect(page.getByTestId('login-username')).toBeVisible();
    await c.screenshot('login-en');
  } finally {
    await stopConsole(server, child);
  }
});

test('the console locks itself on request and only the password unlocks it', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.getByRole('button', { name: '锁定' }).click();
  await expect(page.getByTestId('unlock-password')).toBeVisible();
  await c.screenshot('lock-zh');
  await page.getByTestId('unlock-password').fill('wrong-password-1');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('error')).toHaveText('用户名或密码错误。');
  await page.getByTestId('unlock-password').fill(c.server.passwords.clerk ?? '');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('id-number')).toBeVisible();
});
