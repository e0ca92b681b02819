import { expect, test } from './fixtures';
import { demoPersonWith } from './demoPeople';

// The journey a clerk does a hundred times a day, and the auditor's check of it afterwards.
test('clerk looks up a demo subject, sees records and lists; the auditor sees the lookup', async ({ consolePage: c, page }) => {
  const person = demoPersonWith((b) => b.listEntries.some((l) => l.status === 'active' && l.measureCodes.length > 0) && b.records.length >= 3);

  await c.loginAs('clerk');
  await expect(page.getByTestId('id-number')).toBeFocused();
  await c.screenshot('counter-zh');

  // A wrong check digit is caught as typed, before any query.
  const wrong = person.subject.idNumber.slice(0, 17) + (person.subject.idNumber.endsWith('0') ? '1' : '0');
  await page.getByTestId('id-number').fill(wrong);
  await expect(page.getByText('校验位不正确，请核对号码。')).toBeVisible();

  await c.lookup(person.subject.idNumber, person.subject.name, /贷款申请/);
  const view = page.getByTestId('subject-view');
  await expect(view).toBeVisible();
  await expect(page.getByTestId('subject-id-shown')).toHaveText(/^\d{6}\*{8}[\dX]{4}$/);
  await expect(page.getByTestId('list-entries')).toBeVisible();
  await c.screenshot('subject-view-zh');

  await page.getByTestId('reveal-id').click();
  await expect(page.getByTestId('subject-id-shown')).toHaveText(person.subject.idNumber);

  // English switch keeps the clerk's place.
  await page.getByTestId('language').click();
  await expect(page.getByText('Credit records')).toBeVisible();
  await c.screenshot('subject-view-en');
  await page.getByTestId('language').click();

  // An ID that is valid but not in the cache gives the plain "no record" state.
  await page.getByTestId('end-visit').click();
  await c.lookup('11010519491231002X', '张三', /本人了解/);
  await expect(page.getByTestId('no-record')).toContainText('没有该身份证号码的信用记录');
  await c.logout();

  await c.loginAs('auditor');
  await page.getByTestId('nav-querylog').click();
  // The demo office has a month of lookups behind it: the auditor narrows to this clerk's two.
  const rows = page.getByTestId('querylog-row');
  await page.getByTestId('querylog-id').fill('11010519491231002X');
  await page.getByTestId('querylog-search').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('110105********002X');
  await page.getByTestId('querylog-id').fill(person.subject.idNumber);
  await page.getByTestId('querylog-search').click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`${person.subject.idNumber.slice(0, 6)}********${person.subject.idNumber.slice(14)}`);
  await expect(rows.first()).toContainText('王窗口');
  await c.screenshot('querylog-zh');
  await page.getByTestId('nav-audit').click();
  await page.getByTestId('audit-verify').click();
  await expect(page.getByTestId('audit-verify-result')).toContainText('哈希链完整');
  await c.screenshot('audit-zh');
});

test('a wrong password is refused with a plain message and the login stays', async ({ consolePage: c, page }) => {
  await c.open();
  await page.getByTestId('login-username').fill('clerk');
  await page.getByTestId('login-password').fill('not-the-password-1');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('error')).toHaveText('用户名或密码错误。');
  await c.screenshot('login-error-zh');
  // The password field's show/hide button is read out in the console's language.
  await expect(page.getByRole('button', { name: '显示或隐藏密码' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Toggle password visibility' })).toHaveCount(0);
});
