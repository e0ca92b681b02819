import { demoConsoleFixture, expect, test as shared, type ConsoleServer } from './fixtures';

// The accounts screen changes passwords, so it gets a demo console of its own.
const test = shared.extend<object, { server: ConsoleServer }>({ server: demoConsoleFixture() });

test('the administrator resets a clerk, who must choose a new password before anything else; disabling oneself says why', async ({ consolePage: c, page }) => {
  await c.loginAs('admin');
  await page.getByTestId('nav-accounts').click();
  await expect(page.getByRole('heading', { name: '账户' })).toBeVisible();

  // 停用 on oneself: a specific sentence, not "操作与当前状态冲突".
  await page.locator('tr[data-username="admin"]').getByTestId('account-actions').click();
  await page.getByTestId('action-disable').click();
  await expect(page.getByTestId('error')).toHaveText('不能停用自己的账户，请由另一名管理员办理。');

  // A reset with a password containing the user name is refused at the field, in Chinese.
  await page.locator('tr[data-username="clerk"]').getByTestId('account-actions').click();
  await page.getByTestId('action-reset').click();
  await page.getByTestId('reset-password').fill('clerk-2026-pass');
  await page.getByTestId('reset-confirm').fill('clerk-2026-pass');
  await page.getByTestId('dialog-submit').click();
  await expect(page.getByText('密码不能与用户名相同，也不能包含用户名。')).toBeVisible();
  await c.screenshot('accounts-reset-zh');
  await page.getByTestId('reset-password').fill('Harbour-lamp-2048');
  await page.getByTestId('reset-confirm').fill('Harbour-lamp-2048');
  await page.getByTestId('dialog-submit').click();
  await expect(page.locator('tr[data-username="clerk"]')).toContainText('须改密码');
  await page.setViewportSize({ width: 1024, height: 768 });
  await c.screenshot('accounts-zh-1024');
  await page.getByTestId('language').click();
  await expect(page.locator('tr[data-username="clerk"]')).toContainText('must change password');
  await c.screenshot('accounts-en-1024');
  await page.setViewportSize({ width: 1366, height: 900 });
  await c.screenshot('accounts-en-1366');
  await page.getByTestId('language').click();
  await c.logout();

  // The clerk logs in with the reset password and meets the forced change first.
  await page.getByTestId('login-username').fill('clerk');
  await page.getByTestId('login-password').fill('Harbour-lamp-2048');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('forced-change')).toBeVisible();
  await expect(page.getByTestId('nav-counter')).toHaveCount(0);
  await page.getByTestId('change-current').fill('Harbour-lamp-2048');
  await page.getByTestId('change-new').fill('password123');
  await page.getByTestId('change-confirm').fill('password123');
  await page.getByTestId('change-submit').click();
  await expect(page.getByText('这是最常见的弱密码之一，攻击者会最先尝试，请换一个不常见的密码。')).toBeVisible();
  await c.screenshot('forced-change-zh');
  await page.getByTestId('change-new').fill('Quiet-meadow-7311');
  await page.getByTestId('change-confirm').fill('Quiet-meadow-7311');
  await page.getByTestId('change-submit').click();
  await expect(page.getByTestId('id-number')).toBeVisible();
  // Any time later: the account menu has the self-service change.
  await page.getByTestId('account-menu').click();
  await page.getByTestId('change-password').click();
  await expect(page.getByTestId('change-current')).toBeVisible();
  await page.setViewportSize({ width: 1024, height: 768 });
  await c.screenshot('change-password-zh-1024');
});
