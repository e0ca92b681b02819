import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { RecordRow, SubjectBundle } from '../../shared/domain/population';
import { hiddenReason } from '../../shared/domain/publication';
import { REPORT_SECTION_OF } from '../../shared/domain/record';
import { DEFAULT_PROFILE_ID, shippedProfile } from '../../shared/rules/loadProfile';
import { demoPeopleWith } from './demoPeople';
import { framePdf } from './pdfFrame';
import { E2E_NOW, dayOf, expect, test } from './fixtures';

// The printed report end to end in browser mode: issue at the counter, preview the PDF (the core's
// bytes, in the browser's viewer), print (the clerk confirms the copy came out, then it is counted
// and the next copy is a reprint), read the PDF back with poppler; an agent's report holds only the
// authorized sections; the verify screen accepts the genuine code and a 300-dpi scan of a printed
// page, and rejects a one-character change.

const OUT = join(process.cwd(), 'test-results', 'report');
// A real image: uploads are decoded and re-encoded, so a bare PNG signature is refused.
const PNG_1PX = PNG.sync.write(new PNG({ width: 1, height: 1 }));
const TODAY = dayOf(E2E_NOW);
// The core's own publication rule (longest-period cut included), not a copy of it.
const RULES = shippedProfile(DEFAULT_PROFILE_ID)!;
const published = (r: RecordRow) => hiddenReason(r, TODAY, RULES) === null;

// One person per test: the tests share one console, and each report counts against its person's
// free reports of the year.
const [selfQuery, closedPreview, agentQuery, expiredAgent, verified] = demoPeopleWith(
  (b) =>
    b.subject.kind === 'person' &&
    b.records.some((r) => REPORT_SECTION_OF[r.category] === 'licences' && published(r)) &&
    b.records.some((r) => REPORT_SECTION_OF[r.category] === 'penalties' && published(r)),
  5,
) as [SubjectBundle, SubjectBundle, SubjectBundle, SubjectBundle, SubjectBundle];

test.beforeAll(() => mkdirSync(OUT, { recursive: true }));
test.beforeEach(async ({ page }) => {
  // Headless Chromium has no print dialog: count the calls instead, in every frame.
  await page.addInitScript(() => {
    window.print = () => {
      const top = window.top as unknown as { __prints?: number };
      top.__prints = (top.__prints ?? 0) + 1;
    };
  });
});

/** Issues the report, prints copy 1 (confirmed as printed) and returns that copy's PDF. */
async function issueAndPrint(page: Page): Promise<{ pdf: Buffer; reportNo: string; code: string }> {
  await page.getByTestId('report-issue').click();
  await expect(page.getByTestId('pdf-frame')).toBeVisible();
  await expect(page.getByTestId('report-copy')).toHaveAttribute('data-copy-no', '1');
  const issued = (await page.getByTestId('report-issued').textContent()) ?? '';
  const [, reportNo, code] = /([0-9A-Z-]+-\d{8}-\d{5})\D+([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(issued) ?? [];
  expect(reportNo, issued).toBeTruthy();
  const pdf = await framePdf(page);
  // A print the clerk says did not come out is not counted: still copy 1.
  await page.getByTestId('pdf-print').click();
  await page.getByTestId('pdf-ask-no').click();
  await expect(page.getByTestId('report-copies')).toContainText('0');
  await expect(page.getByTestId('report-copy')).toHaveAttribute('data-copy-no', '1');
  await page.getByTestId('pdf-print').click();
  await page.getByTestId('pdf-ask-yes').click();
  await expect(page.getByTestId('report-copies')).toContainText('1');
  // The next preview is copy 2, a reprint.
  await expect(page.getByTestId('report-copy')).toHaveAttribute('data-copy-no', '2');
  // The A4 preview opens over the counter; close it to go on.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('pdf-frame')).toHaveCount(0);
  return { pdf, reportNo: reportNo!, code: code! };
}

function textOf(pdf: Buffer, name: string): string {
  const file = join(OUT, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-png', file, join(OUT, `${name}-page`)]);
  return execFileSync('pdftotext', ['-layout', file, '-']).toString('utf8');
}

test('self query: the preview is the PDF; a print counts once confirmed; the PDF shows the name, the number and the section titles', async ({ consolePage: c, page }) => {
  // Two languages, two PDFs read back with poppler: slow on a shared 2-core machine.
  test.setTimeout(240_000);
  await c.loginAs('clerk');
  await c.lookup(selfQuery.subject.idNumber, selfQuery.subject.name, /本人了解/);
  await expect(page.getByTestId('report-quota')).toContainText('免费 2 份');
  const { pdf, reportNo } = await issueAndPrint(page);
  await c.screenshot('report-preview-zh');
  const text = textOf(pdf, 'self');
  for (const needle of [selfQuery.subject.name, reportNo, '个人公共信用信息报告', '身份信息', '信息概要', '基本信息', '行政许可信息', '行政处罚信息', '本人声明', '查询记录（近两年）', '报告说明', '正本']) {
    expect(text, needle).toContain(needle);
  }
  const pages = [...text.replace(/[ \t]+/g, '').matchAll(/第(\d+)页\/共(\d+)页/g)].map((m) => `${m[1]}/${m[2]}`);
  expect(pages.length).toBeGreaterThan(0);
  expect(pages).toEqual(pages.map((_, i) => `${i + 1}/${pages.length}`));
  // English console: bilingual labels, Chinese first; the copy now showing is the reprint.
  await page.getByTestId('language').click();
  await expect(page.getByTestId('report-preview')).toHaveText('Preview');
  await page.getByTestId('report-preview').click();
  await expect.poll(async () => textOf(await framePdf(page), 'self-en')).toContain('行政处罚信息 Administrative penalties');
  await c.screenshot('report-preview-en');
  const en = textOf(await framePdf(page), 'self-en');
  expect(en).toContain('重印件 第 2 份');
  expect(en).toContain('Reprint');
  await page.keyboard.press('Escape');
  await page.getByTestId('language').click();
});

test('a preview closed while its saved copy is still being counted stays closed; Tab never enters the PDF frame', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await c.lookup(closedPreview.subject.idNumber, closedPreview.subject.name, /本人了解/);
  await page.getByTestId('report-issue').click();
  await expect(page.getByTestId('pdf-frame')).toBeVisible();
  await expect(page.getByTestId('pdf-counted')).toContainText('另存为 PDF');
  // Keys pressed in the viewer never reach the console: Tab skips the frame.
  await expect(page.getByTestId('pdf-frame')).toHaveAttribute('tabindex', '-1');
  // The count is held until the preview is closed, as a slow save dialog would hold it.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/report.printed', async (route) => {
    await held;
    await route.continue();
  });
  const download = page.waitForEvent('download');
  await page.getByTestId('pdf-save').click();
  await download;
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('pdf-frame')).toHaveCount(0);
  const nextCopy = page.waitForResponse('**/api/report.preview');
  release();
  await nextCopy;
  await expect(page.getByTestId('report-copies')).toContainText('1');
  // Two frames after the next copy arrived: React has applied it; the preview must not reopen.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await expect(page.getByTestId('pdf-frame')).toHaveCount(0);
  // Opened again by hand, it shows the next copy, a reprint.
  await page.getByTestId('report-preview').click();
  await expect(page.getByTestId('report-copy')).toHaveAttribute('data-copy-no', '2');
});

test('agent with a valid letter: only the authorized sections are printed', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.getByTestId('applicant-kind').getByText('代理人').click();
  await page.getByTestId('agent-id').fill('11010519491231002X');
  await page.getByTestId('agent-name').fill('周代理');
  await page.getByTestId('agent-doc').fill('SQ-E2E-001');
  await page.getByTestId('agent-from').fill(TODAY);
  await page.getByTestId('agent-to').fill(TODAY);
  // Tab on, as a clerk does: the date's open calendar covers the checkboxes below it until then.
  await page.getByTestId('agent-to').press('Tab');
  await page.getByTestId('scope-licences').check();
  await page.locator('[data-testid=agent-form] input[type=file]').setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: PNG_1PX });
  await expect(page.getByTestId('agent-letter-ok')).toBeVisible();
  await c.lookup(agentQuery.subject.idNumber, agentQuery.subject.name, /贷款申请/);
  await expect(page.getByTestId('subject-view')).toBeVisible();
  await c.screenshot('agent-counter-zh');
  const { pdf } = await issueAndPrint(page);
  const text = textOf(pdf, 'agent');
  expect(text).toContain('代理查询');
  expect(text).toContain('SQ-E2E-001');
  const headings = new Set(text.split('\n').map((l) => l.trim()));
  expect(headings.has('行政许可信息')).toBe(true);
  for (const absent of ['行政处罚信息', '基本信息', '查询记录（近两年）', '守信激励（红名单）及表彰荣誉信息']) expect(headings.has(absent), absent).toBe(false);
});

test('an expired authorization is refused in plain words', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.getByTestId('applicant-kind').getByText('代理人').click();
  await page.getByTestId('agent-id').fill('11010519491231002X');
  await page.getByTestId('agent-name').fill('周代理');
  await page.getByTestId('agent-doc').fill('SQ-E2E-002');
  await page.getByTestId('agent-from').fill('2020-01-01');
  await page.getByTestId('agent-to').fill('2020-12-31');
  // Tab on, as a clerk does: the date's open calendar covers the checkboxes below it until then.
  await page.getByTestId('agent-to').press('Tab');
  await page.getByTestId('scope-licences').check();
  await page.locator('[data-testid=agent-form] input[type=file]').setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: PNG_1PX });
  await expect(page.getByTestId('agent-letter-ok')).toBeVisible();
  await c.lookup(expiredAgent.subject.idNumber, expiredAgent.subject.name, /贷款申请/);
  await expect(page.getByTestId('error')).toBeVisible();
  await expect(page.getByTestId('subject-view')).toHaveCount(0);
});

test('verify screen: the genuine code and a 300-dpi scan of a printed page are accepted, a one-character change is not', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await c.lookup(verified.subject.idNumber, verified.subject.name, /本人了解/);
  // Run after the others, this person's two free reports are used: the counter asks for confirmation.
  await expect(page.getByTestId('report-quota')).toBeVisible();
  if (/已出具 [2-9]/.test((await page.getByTestId('report-quota').textContent()) ?? '')) {
    await expect(page.getByTestId('report-issue')).toBeDisabled();
    await page.getByTestId('confirm-beyond').check();
  }
  const { pdf, reportNo, code } = await issueAndPrint(page);

  await page.getByTestId('nav-verify').click();
  await page.getByTestId('verify-no').fill(reportNo);
  await page.getByTestId('verify-code').fill(code);
  await page.getByTestId('verify-submit').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-genuine', 'true');
  await expect(page.getByTestId('verify-result')).toContainText(reportNo);
  await c.screenshot('verify-genuine-zh');

  const last = code.at(-1)!;
  await page.getByTestId('verify-code').fill(code.slice(0, -1) + (last === '7' ? '8' : '7'));
  await page.getByTestId('verify-submit').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-genuine', 'false');
  await expect(page.getByTestId('verify-result')).toContainText('验证码与报告编号不符');
  await c.screenshot('verify-rejected-zh');
  await page.getByTestId('language').click();
  await expect(page.getByTestId('verify-result')).toContainText('The verification code does not match the report number.');
  await c.screenshot('verify-rejected-en');
  await page.getByTestId('language').click();

  // A full A4 page scanned at 300 dpi (2480 × 3508 px), given to the screen at that resolution.
  const file = join(OUT, 'printed.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '300', '-f', '1', '-l', '1', '-png', '-singlefile', file, join(OUT, 'scan-300dpi')]);
  const scan = readFileSync(join(OUT, 'scan-300dpi.png'));
  await page.getByTestId('verify-tab-image').click();
  await page.locator('input[type=file]').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: scan });
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-genuine', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('verify-result')).toContainText(reportNo);
  await c.screenshot('verify-scan-zh');
});
