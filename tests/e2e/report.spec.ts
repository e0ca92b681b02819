import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { PNG } from 'pngjs';
import type { RecordRow } from '../../shared/domain/population';
import { hiddenReason } from '../../shared/domain/publication';
import { REPORT_SECTION_OF } from '../../shared/domain/record';
import { DEFAULT_PROFILE_ID, shippedProfile } from '../../shared/rules/loadProfile';
import { chinaDate } from '../../shared/calendar/dates';
import { demoPersonWith } from './demoPeople';
import { expect, test } from './fixtures';

// The printed report end to end in browser mode: issue at the counter, preview in the frame, print
// (the copy is registered, then the frame prints), turn the very document into a PDF with Chromium
// and read it back with poppler; an agent's report holds only the authorized sections; the verify
// screen accepts the genuine code, a QR image, and rejects a one-character change.

const OUT = join(process.cwd(), 'test-results', 'report');
// A real 1×1 PNG: uploads are decoded and re-encoded, a bare signature is refused.
const PNG_1PX = PNG.sync.write(new PNG({ width: 1, height: 1 }));
const TODAY = chinaDate(new Date());
// The core's own publication rule with the demo office's profile (the longest-period cut included),
// not a copy of it: a subject picked here has those records on the printed report.
const RULES = shippedProfile(DEFAULT_PROFILE_ID)!;
const published = (r: RecordRow) => hiddenReason(r, TODAY, RULES) === null;

const subject = demoPersonWith(
  (b) =>
    b.subject.kind === 'person' &&
    b.records.some((r) => REPORT_SECTION_OF[r.category] === 'licences' && published(r)) &&
    b.records.some((r) => REPORT_SECTION_OF[r.category] === 'penalties' && published(r)),
);

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

async function issueAndPrint(page: Page): Promise<{ html: string; reportNo: string; code: string }> {
  await page.getByTestId('report-issue').click();
  await expect(page.getByTestId('report-frame')).toBeVisible();
  const issued = (await page.getByTestId('report-issued').textContent()) ?? '';
  const [, reportNo, code] = /([0-9A-Z-]+-\d{8}-\d{5})\D+([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(issued) ?? [];
  expect(reportNo, issued).toBeTruthy();
  await page.getByTestId('report-print').click();
  await expect(page.getByTestId('report-copies')).toContainText('1');
  await expect(page.getByTestId('report-panel')).toHaveAttribute('data-print-calls', '1');
  const html = (await page.getByTestId('report-frame').getAttribute('srcdoc')) ?? '';
  // The preview opens over the counter; close it to go on.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('report-frame')).toHaveCount(0);
  return { html, reportNo: reportNo!, code: code! };
}

/** The printed document through Chromium's own PDF engine, then poppler: what paper would carry. */
async function pdfOf(browser: Browser, html: string, name: string): Promise<string> {
  const page = await browser.newPage();
  await page.setContent(html, { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const overflowing = await page.evaluate(() => [...document.querySelectorAll('.pb')].filter((el) => el.scrollHeight > el.clientHeight + 1).length);
  expect(overflowing, 'no page body overflows its box').toBe(0);
  const pdf = join(OUT, `${name}.pdf`);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await page.close();
  execFileSync('pdftoppm', ['-r', '80', '-f', '1', '-l', '1', '-png', pdf, join(OUT, `${name}-page`)]);
  return execFileSync('pdftotext', ['-layout', pdf, '-']).toString('utf8');
}

test('self query: preview, print, PDF shows the name, the report number and the Chinese section titles', async ({ consolePage: c, page, browser }) => {
  await c.loginAs('clerk');
  await c.lookup(subject.subject.idNumber, subject.subject.name, /本人了解/);
  await expect(page.getByTestId('report-quota')).toContainText('免费 2 份');
  const { html, reportNo } = await issueAndPrint(page);
  await c.screenshot('report-preview-zh');
  const text = await pdfOf(browser, html, 'self');
  for (const needle of [subject.subject.name, reportNo, '个人公共信用信息报告', '身份信息', '信息概要', '基本信息', '行政许可信息', '行政处罚信息', '本人声明', '查询记录（近两年）', '报告说明']) {
    expect(text, needle).toContain(needle);
  }
  const pages = [...text.matchAll(/第(\d+)页\/共(\d+)页/g)].map((m) => `${m[1]}/${m[2]}`);
  expect(pages.length).toBeGreaterThan(0);
  expect(pages).toEqual(pages.map((_, i) => `${i + 1}/${pages.length}`));
  // English console: bilingual labels, Chinese first.
  await page.getByTestId('language').click();
  await expect(page.getByTestId('report-preview')).toHaveText('Preview');
  await page.getByTestId('report-preview').click();
  await expect.poll(async () => (await page.getByTestId('report-frame').getAttribute('srcdoc')) ?? '').toContain('Administrative penalties');
  await c.screenshot('report-preview-en');
  const en = await pdfOf(browser, (await page.getByTestId('report-frame').getAttribute('srcdoc'))!, 'self-en');
  expect(en).toContain('行政处罚信息 Administrative penalties');
  expect(en).toContain('重印件 Reprint');
  await page.keyboard.press('Escape');
  await page.getByTestId('language').click();
});

test('agent with a valid letter: only the authorized sections are printed', async ({ consolePage: c, page, browser }) => {
  await c.loginAs('clerk');
  await page.getByTestId('applicant-kind').getByText('代理人').click();
  await page.getByTestId('agent-id').fill('11010519491231002X');
  await page.getByTestId('agent-name').fill('周代理');
  await page.getByTestId('agent-doc').fill('SQ-E2E-001');
  await page.getByTestId('agent-from').fill(TODAY);
  await page.getByTestId('agent-to').fill(TODAY);
  await page.getByTestId('scope-licences').check();
  await page.locator('[data-testid=agent-form] input[type=file]').setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: PNG_1PX });
  await expect(page.getByTestId('agent-letter-ok')).toBeVisible();
  await c.lookup(subject.subject.idNumber, subject.subject.name, /贷款申请/);
  await expect(page.getByTestId('subject-view')).toBeVisible();
  await c.screenshot('agent-counter-zh');
  const { html } = await issueAndPrint(page);
  const text = await pdfOf(browser, html, 'agent');
  expect(text).toContain('代理查询');
  expect(text).toContain('SQ-E2E-001');
  expect(text).toContain('行政许可信息');
  expect(html).toContain('class="h2">行政许可信息<');
  for (const absent of ['行政处罚信息', '基本信息', '查询记录（近两年）', '守信激励（红名单）及表彰荣誉信息']) expect(html, absent).not.toContain(`class="h2">${absent}<`);
  expect(text).not.toContain('查询记录（近两年）');
});

test('an expired authorization is refused in plain words', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.getByTestId('applicant-kind').getByText('代理人').click();
  await page.getByTestId('agent-id').fill('11010519491231002X');
  await page.getByTestId('agent-name').fill('周代理');
  await page.getByTestId('agent-doc').fill('SQ-E2E-002');
  await page.getByTestId('agent-from').fill('2020-01-01');
  await page.getByTestId('agent-to').fill('2020-12-31');
  await page.getByTestId('scope-licences').check();
  await page.locator('[data-testid=agent-form] input[type=file]').setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: PNG_1PX });
  await expect(page.getByTestId('agent-letter-ok')).toBeVisible();
  await c.lookup(subject.subject.idNumber, subject.subject.name, /贷款申请/);
  await expect(page.getByTestId('error')).toBeVisible();
  await expect(page.getByTestId('subject-view')).toHaveCount(0);
});

test('verify screen: the genuine code and the QR image are accepted, a one-character change is not', async ({ consolePage: c, page, browser }) => {
  await c.loginAs('clerk');
  await c.lookup(subject.subject.idNumber, subject.subject.name, /本人了解/);
  // Run after the others, this person's two free reports are used: the counter asks for confirmation.
  await expect(page.getByTestId('report-quota')).toBeVisible();
  if (/已出具 [2-9]/.test((await page.getByTestId('report-quota').textContent()) ?? '')) {
    await expect(page.getByTestId('report-issue')).toBeDisabled();
    await page.getByTestId('confirm-beyond').check();
  }
  const { html, reportNo, code } = await issueAndPrint(page);

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

  // The QR as a photo of the paper would give it: a screenshot of the printed page's QR.
  const printed = await browser.newPage({ deviceScaleFactor: 4 });
  await printed.setContent(html, { waitUntil: 'load' });
  const qrPng = await printed.locator('.page .qr').first().screenshot({ scale: 'device' });
  await printed.close();
  writeFileSync(join(OUT, 'qr.png'), qrPng);
  await page.getByTestId('verify-tab-image').click();
  await page.locator('input[type=file]').setInputFiles({ name: 'qr.png', mimeType: 'image/png', buffer: qrPng });
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-genuine', 'true');
  await expect(page.getByTestId('verify-result')).toContainText(reportNo);
});
