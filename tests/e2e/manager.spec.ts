import type { Page } from '@playwright/test';
import { OBJECTION_WORKFLOW } from '../../shared/cases/caseTypes';
import { E2E_NOW, dayOf, demoConsoleFixture, expect, test as shared, type ConsolePage, type ConsoleServer } from './fixtures';

// The manager's and the auditor's screens on the demo office, which holds a month of work: the
// dashboard they land on, the queue they search and sort, evidence opened in the console, the
// audit log and the query register with filters and exports. Chinese and English; screenshots at
// 1024, 1366 and 1920 px under test-results/screens/.
const test = shared.extend<object, { server: ConsoleServer }>({ server: demoConsoleFixture() });
// Each test takes full-page screenshots at three widths in two languages: more than the default 90 s on a busy machine.
test.describe.configure({ timeout: 300_000 });

const TODAY = dayOf(E2E_NOW);
const WIDTHS = [1024, 1366, 1920] as const;

const shots = (c: ConsolePage, name: string) => c.screenshotAt(name, WIDTHS);

async function pick(page: Page, testId: string, option: string | RegExp) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

async function pickDay(page: Page, testId: string, day: string) {
  await page.getByTestId(testId).click();
  const dayButton = page.getByRole('button', { name: day, exact: true });
  await dayButton.click();
  // The calendar closes on a pick, so the next picker's calendar is the only one open.
  await expect(dayButton).toHaveCount(0);
}

test('the manager lands on the office dashboard: today, deadlines, on-time rate, 30 days of charts; exports it', async ({ consolePage: c, page }) => {
  await c.loginAs('manager');
  const dash = page.getByTestId('dashboard');
  await expect(dash).toHaveAttribute('data-scope', 'office');
  await expect(page.getByTestId('stat-overdue-value')).not.toHaveText('0');
  await expect(page.getByTestId('stat-visits-value')).not.toHaveText('0');
  await expect(page.getByTestId('stat-on-time-value')).toHaveText(/^\d+%$/);
  await expect(page.locator('.recharts-surface')).toHaveCount(3);
  await expect(page.getByTestId('chart-counter').locator('.recharts-bar-rectangle').first()).toBeVisible();
  await shots(c, 'dashboard-zh');
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export-csv').click()]);
  expect(csv.suggestedFilename()).toBe(`工作台统计-office-${TODAY}.csv`);
  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dashboard-export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  await page.getByTestId('language').click();
  await expect(page.getByRole('heading', { name: 'Office overview' })).toBeVisible();
  await shots(c, 'dashboard-en');
  await page.getByTestId('language').click();
});

test('a clerk sees their own day, not the office', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.getByTestId('nav-dashboard').click();
  await expect(page.getByTestId('dashboard')).toHaveAttribute('data-scope', 'mine');
  await expect(page.getByRole('heading', { name: '我的今日工作' })).toBeVisible();
  await expect(page.getByTestId('stat-on-time')).toHaveCount(0);
  await c.screenshot('dashboard-clerk-zh-1366');
});

test('queue: search by name, some ID digits and case number; sortable columns; evidence opens in a viewer', async ({ consolePage: c, page }) => {
  await c.loginAs('manager');
  await page.getByTestId('nav-cases').click();
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  await shots(c, 'queue-zh');

  // Case number: exactly that case.
  const caseNo = (await rows.first().getAttribute('data-case-no'))!;
  await page.getByTestId('queue-search').fill(caseNo);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute('data-case-no', caseNo);

  // Name: the masked name still shows the surname; searching by it finds only people with that surname.
  const subject = rows.first().getByTestId('queue-subject');
  const masked = (await subject.locator('p').first().textContent())!.trim();
  const idMasked = (await subject.locator('p').nth(1).textContent())!.trim();
  await page.getByTestId('queue-search').fill(masked.slice(0, 1));
  await expect(page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`)).toBeVisible();
  for (const name of await page.getByTestId('queue-subject').locator('p:first-child').allTextContents()) expect(name.startsWith(masked.slice(0, 1))).toBe(true);

  // The last four digits of the ID number.
  await page.getByTestId('queue-search').fill(idMasked.slice(-4));
  await expect(page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`)).toBeVisible();
  for (const id of await page.getByTestId('queue-subject').locator('p:nth-child(2)').allTextContents()) expect(id.endsWith(idMasked.slice(-4))).toBe(true);
  await page.getByTestId('queue-search').fill('12');
  await expect(page.getByTestId('error')).toHaveText('按身份证号码部分查找时，请至少输入 4 位数字。');
  // Nothing of the previous search stays under the message as if it were the answer.
  await expect(page.getByTestId('queue-row')).toHaveCount(0);
  await expect(page.getByTestId('queue-total')).toHaveText('共 0 件');
  await page.getByTestId('queue-search').fill('');

  // Sorting by received date: newest first on the first click, oldest first on the second.
  const received = () => page.getByTestId('queue-received').allTextContents();
  await page.getByTestId('sort-received').click();
  await expect(page.getByTestId('sort-received')).toHaveAttribute('data-dir', 'desc');
  await expect.poll(async () => { const r = await received(); return r.length > 1 && r.every((d, i) => i === 0 || r[i - 1]! >= d); }).toBe(true);
  await page.getByTestId('sort-received').click();
  await expect(page.getByTestId('sort-received')).toHaveAttribute('data-dir', 'asc');
  await expect.poll(async () => { const r = await received(); return r.length > 1 && r.every((d, i) => i === 0 || r[i - 1]! <= d); }).toBe(true);
  // State sorts by how far a case has come in its workflow, not by the codes' alphabet.
  await page.getByTestId('sort-state').click();
  const stage = (state: string) => OBJECTION_WORKFLOW.indexOf(state as (typeof OBJECTION_WORKFLOW)[number]);
  await expect.poll(async () => {
    const s = (await page.getByTestId('queue-state').evaluateAll((els) => els.map((e) => e.getAttribute('data-state')!))).map(stage);
    return s.length > 1 && s.every((x) => x >= 0) && s.every((x, i) => i === 0 || s[i - 1]! <= x);
  }).toBe(true);

  // "My cases": none are assigned to this manager in the demo office.
  await page.getByTestId('queue-mine').click();
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await page.getByTestId('queue-mine').click();

  // The new objection received today carries a photo and a PDF: both open inside the console.
  await pick(page, 'queue-states', '已接收');
  await page.keyboard.press('Escape');
  await rows.first().click();
  const drawer = page.getByTestId('case-page');
  await expect(drawer.getByTestId('case-attachments')).toBeVisible();
  await expect(drawer.getByTestId('case-history')).toContainText('王窗口');
  await expect(drawer.getByTestId('case-history')).not.toContainText('clerk');
  await drawer.getByTestId('attachment-open').filter({ hasText: '缴款凭证.png' }).click();
  const img = page.getByTestId('attachment-image');
  await expect(img).toBeVisible();
  expect(await img.evaluate((e: HTMLImageElement) => e.naturalWidth)).toBe(320);
  await c.screenshot('attachment-image-zh-1366');
  // Escape closes the top layer only: the viewer goes, the case drawer underneath stays.
  await page.keyboard.press('Escape');
  await expect(img).toHaveCount(0);
  await expect(drawer.getByTestId('case-attachments')).toBeVisible();
  await drawer.getByTestId('attachment-open').filter({ hasText: '情况说明.pdf' }).click();
  await expect(page.getByTestId('attachment-pdf')).toBeVisible();
  expect(await page.getByTestId('attachment-pdf').getAttribute('src')).toMatch(/^blob:/);
  await c.screenshot('attachment-pdf-zh-1366');
  await page.locator('.mantine-Modal-close').click();
  await page.keyboard.press('Escape');

  await page.getByTestId('language').click();
  await expect(page.getByTestId('sort-received')).toContainText('Received');
  await shots(c, 'queue-en');
  await page.getByTestId('language').click();
});

test('auditor: audit log filtered by who, what and when, readable, exported (and the export is logged)', async ({ consolePage: c, page }) => {
  await c.loginAs('auditor');
  await page.getByTestId('nav-audit').click();
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();
  // No internal action code or raw JSON on screen.
  for (const a of await page.getByTestId('audit-action').allTextContents()) expect(a).not.toMatch(/^[a-z_]+\.[a-z_]+$/);
  await expect(page.getByTestId('audit-table')).not.toContainText('{"');
  await shots(c, 'audit-zh');

  await pick(page, 'audit-filter-actor', '王窗口（clerk）');
  await pick(page, 'audit-filter-action', '出具信用报告');
  await page.getByTestId('audit-search').click();
  await expect(rows.first()).toHaveAttribute('data-action', 'report.issue');
  const actions = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')));
  expect(new Set(actions)).toEqual(new Set(['report.issue']));
  await expect(rows.first().getByTestId('audit-detail')).toContainText('报告编号：');
  await c.screenshot('audit-filtered-zh-1366');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export-xlsx').click()]);
  expect(xlsx.suggestedFilename()).toBe(`审计日志-${TODAY}.xlsx`);
  await page.getByTestId('audit-reset').click();
  // The newest export row, not the newest row: the minute's overdue sweep may log after it.
  const exported = page.locator('[data-testid="audit-row"][data-action="audit.exported"]').first();
  await expect(exported.getByTestId('audit-action')).toHaveText('导出审计日志');
  await expect(exported).toContainText('auditor');

  // Reversed dates: said at the field, not answered with an empty table.
  const first = `${TODAY.slice(0, 8)}01`;
  const [from, to] = TODAY === first ? [`${TODAY.slice(0, 8)}02`, first] : [TODAY, first];
  await pickDay(page, 'audit-filter-from', from);
  await pickDay(page, 'audit-filter-to', to);
  await page.getByTestId('audit-search').click();
  await expect(page.getByText('截止日期早于起始日期，请调换或更正日期。')).toBeVisible();
  await c.screenshot('audit-reversed-zh-1366');

  await page.getByTestId('language').click();
  await page.getByTestId('audit-reset').click();
  await expect(exported.getByTestId('audit-action')).toHaveText('Exported the audit log');
  await shots(c, 'audit-en');
  await page.getByTestId('language').click();
});

test('auditor: query register filters by clerk and purpose; a too-short ID or reversed dates say why', async ({ consolePage: c, page }) => {
  await c.loginAs('auditor');
  await page.getByTestId('nav-querylog').click();
  const rows = page.getByTestId('querylog-row');
  await expect(rows.first()).toBeVisible();
  await pick(page, 'querylog-clerk', '王窗口');
  await pick(page, 'querylog-purpose', /贷款申请/);
  await page.getByTestId('querylog-search').click();
  await expect(rows.first()).toContainText('王窗口');
  await shots(c, 'querylog-zh');

  await page.getByTestId('querylog-id').fill('123');
  await page.getByTestId('querylog-search').click();
  await expect(page.getByText('按身份证号码部分查找时，请至少输入 4 位数字。')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await c.screenshot('querylog-short-id-zh-1366');
  await page.getByTestId('language').click();
  await page.getByTestId('querylog-search').click();
  await expect(page.getByText('To search by part of an ID number, type at least 4 digits.')).toBeVisible();
  await c.screenshot('querylog-short-id-en-1366');
  await page.getByTestId('querylog-reset').click();
  await expect(rows.first()).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('querylog-export-csv').click()]);
  expect(csv.suggestedFilename()).toBe(`query-register-${TODAY}.csv`);
  await shots(c, 'querylog-en');
  await page.getByTestId('language').click();
});
