import { expect, test } from './fixtures';

// Issue 28: a reload logged the clerk out, and a second browser window needed a restart. The launch
// key is taken up once for this browser's cookie, and the session is kept for the tab's life
// (docs/security.md, "Browser mode"); another browser, or another origin, is still refused.
test('a reload keeps the clerk signed in on the same screen; another window of the browser opens the console', async ({ consolePage: c, page, context }) => {
  await c.loginAs('clerk');
  await page.getByTestId('nav-verify').click();
  await expect(page.getByTestId('verify-tab-code')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('whoami')).toContainText('王窗口');
  await expect(page.getByTestId('verify-tab-code')).toBeVisible();
  await expect(page.getByTestId('nav-verify')).toHaveAttribute('data-active', 'true');
  await page.reload();
  await expect(page.getByTestId('verify-tab-code')).toBeVisible();

  // A second window of the same browser, at the bare address: the console's login, no restart.
  const second = await context.newPage();
  await second.goto(c.server.url.split('#')[0]!);
  await expect(second.getByTestId('login-username')).toBeVisible();
  await expect(second.getByTestId('error')).toHaveCount(0);
  await second.close();

  // Logging out ends what a reload would resume.
  await c.logout();
  await page.reload();
  await expect(page.getByTestId('login-username')).toBeVisible();
});

test('attack: another browser replaying the used launch link, and another origin, are refused', async ({ browser, consolePage: c }) => {
  const other = await browser.newContext();
  try {
    const page = await other.newPage();
    await page.goto(c.server.url); // the launch link with its key, already taken up
    // Said as what happened, not as a page without a key (issue 26).
    await expect(page.getByTestId('error')).toContainText('已在另一个浏览器中打开过');
    await expect(page.getByTestId('login-username')).toHaveCount(0);
  } finally {
    await other.close();
  }
  // The same browser at another origin (localhost instead of 127.0.0.1): the cookie is not sent.
  await c.open();
  await expect(c.page.getByTestId('login-username')).toBeVisible();
  await c.page.goto(c.server.url.split('#')[0]!.replace('127.0.0.1', 'localhost'));
  await expect(c.page.getByTestId('error')).toContainText('open-console.html');
});
