import { demoPersonWith } from './demoPeople';
import { expect, test } from './fixtures';
import { startFakeEvaluationDevice, type FakeEvaluationDevice } from '../support/fakeEvaluationDevice';

// Hall integration (issue 23), as the hall's people use it: the administrator points the
// evaluation device hook (好差评) at the hall's device; the clerk types the queue ticket and scans
// the hall's case number (a scanner types it and presses Enter: the number lands in its field and
// nothing is looked up), looks the applicant up and ends the visit — the device hears of it with
// both numbers; the manager reads them in the query register and finds the visit by its case number.

const person = demoPersonWith((b) => b.subject.kind === 'person' && b.records.length > 0);
const TICKET = 'A017';
const CASE_NO = '330102-2026-000123';

let device: FakeEvaluationDevice;
test.beforeAll(async () => {
  device = await startFakeEvaluationDevice('127.0.23.51');
});
test.afterAll(async () => device.close());

test('the administrator sets the evaluation device; a bad address is refused on its field', async ({ consolePage: c, page }) => {
  await c.loginAs('admin');
  await page.getByTestId('nav-hallEvaluation').click();
  await expect(page.getByTestId('hall-evaluation-settings')).toBeVisible();
  await page.getByTestId('hall-adapter').click();
  await page.getByRole('option', { name: '网络推送（发送到评价器地址）' }).click();
  await page.getByTestId('hall-url').fill('ftp://192.168.1.20/evaluate');
  await page.getByTestId('hall-save').click();
  await expect(page.getByText('评价器地址须以 http:// 或 https:// 开头。')).toBeVisible();
  await page.getByTestId('hall-url').fill(device.url);
  await page.getByTestId('hall-test').click();
  await expect(page.getByTestId('hall-tested')).toHaveAttribute('data-delivered', 'true');
  expect((await device.next()).body.test).toBe(true);
  await page.getByTestId('hall-save').click();
  await expect(page.getByTestId('hall-saved')).toBeVisible();
  await c.screenshotAt('hall-evaluation-settings-zh', [1024, 1366]);
  await page.getByTestId('language').click();
  await expect(page.getByTestId('hall-delivery-counts')).toContainText('delivered');
  await c.screenshotAt('hall-evaluation-settings-en', [1024, 1366]);
  await page.getByTestId('language').click();
});

test('the clerk types the ticket and scans the case number, looks up and ends the visit; the device hears of it; the register shows both', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.getByTestId('id-number').fill(person.subject.idNumber);
  await page.getByTestId('subject-name').fill(person.subject.name);
  await page.getByTestId('purpose').click();
  await page.getByRole('option', { name: /本人了解/ }).click();
  // A ticket with a space in it: said on its field, and 查询 looks nothing up.
  await page.getByTestId('queue-ticket').fill('A 017');
  await expect(page.getByText('只能包含英文字母、数字和连字符“-”，请核对或重新扫描。')).toBeVisible();
  await page.getByTestId('lookup').click();
  await expect(page.getByTestId('queue-ticket')).toBeFocused();
  await expect(page.getByTestId('counter-empty')).toBeVisible();
  // Typed, then Enter: on to the case number. The scanner types the case number and presses Enter:
  // the focus goes to 查询, and nothing is looked up until the clerk presses it.
  await page.getByTestId('queue-ticket').fill('');
  await page.keyboard.type(TICKET);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hall-case-no')).toBeFocused();
  await page.keyboard.type(CASE_NO);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('lookup')).toBeFocused();
  await expect(page.getByTestId('hall-case-no')).toHaveValue(CASE_NO);
  await expect(page.getByTestId('counter-empty')).toBeVisible();
  await c.screenshotAt('hall-counter-form-zh', [1024, 1366]);
  await page.getByTestId('language').click();
  await expect(page.getByTestId('hall-numbers')).toContainText('Queue ticket');
  await c.screenshotAt('hall-counter-form-en', [1024, 1366]);
  await page.getByTestId('language').click();

  device.skipReceived();
  await page.getByTestId('lookup').click();
  await expect(page.getByTestId('subject-view')).toBeVisible();
  // The visit keeps the numbers it was opened with.
  await expect(page.getByTestId('queue-ticket')).toHaveAttribute('readonly', '');
  await page.getByTestId('end-visit').click();
  await expect(page.getByTestId('counter-empty')).toBeVisible();
  await expect(page.getByTestId('queue-ticket')).toHaveValue('');
  const told = await device.next();
  expect(told.body).toMatchObject({ type: 'creditdesk.visit_ended', test: false, queueTicket: TICKET, hallCaseNo: CASE_NO, windowNumber: null, clerk: { username: 'clerk' } });
  expect(told.body.serviceItems).toEqual([{ code: 'lookup', name: '信用信息查询', count: 1 }]);
  await expect(page.getByTestId('end-visit-failed')).toHaveCount(0);
  await c.logout();

  await c.loginAs('manager');
  await page.getByTestId('nav-querylog').click();
  const row = page.getByTestId('querylog-row').filter({ has: page.getByTestId('querylog-ticket') }).first();
  await expect(row.getByTestId('querylog-ticket')).toHaveText(`排队号 ${TICKET}`);
  await expect(row.getByTestId('querylog-hall-case-cell')).toHaveText(`办件编号 ${CASE_NO}`);
  await page.getByTestId('querylog-hall-case').fill(CASE_NO);
  await page.getByTestId('querylog-search').click();
  await expect(page.getByTestId('querylog-row')).toHaveCount(1);
  await c.screenshotAt('hall-querylog-zh', [1024, 1366]);
  await page.getByTestId('language').click();
  await expect(page.getByTestId('querylog-hall-case-cell')).toHaveText(`Hall case no. ${CASE_NO}`);
  await c.screenshotAt('hall-querylog-en', [1024, 1366]);
  await page.getByTestId('language').click();
});
