import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { REPORT_SECTION_OF } from '../../shared/domain/record';
import { demoPersonWith } from './demoPeople';
import { apiHeaders, E2E_NOW, dayOf, expect, test, type ConsoleServer } from './fixtures';

// The one-screen counter as a clerk uses it all day, in Chinese and in English: everything needed
// for a visit visible at 1366×768, one visit however often Enter is pressed, the previous person
// gone when the ID changes, badges that agree, and the visit kept across a lock and a reload.

const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
const TODAY = dayOf(E2E_NOW);
const published = (r: { status: string; publicityStart: string; publicityEnd: string | null }) =>
  r.status === 'active' && r.publicityStart <= TODAY && (r.publicityEnd === null || r.publicityEnd >= TODAY);
const hidden = (r: { status: string; publicityStart: string; publicityEnd: string | null }) => !published(r) && r.status !== 'under_objection';

// Someone with records in two sections and at least one record that is no longer shown: the case
// where badge and tab counts used to disagree.
const person = demoPersonWith(
  (b) =>
    b.subject.kind === 'person' &&
    new Set(b.records.filter(published).map((r) => REPORT_SECTION_OF[r.category])).size >= 2 &&
    b.records.some(hidden),
);
const other = demoPersonWith((b) => b.subject.kind === 'person' && b.subject.idNumber !== person.subject.idNumber && b.records.length > 0);

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Query-log rows for one ID number, read through the API as the auditor would (another session). */
async function queryLogRows(server: ConsoleServer, idNumber: string): Promise<number> {
  const base = server.url.split('#')[0]!.replace(/\/$/, '');
  const post = async (method: string, body: unknown, token?: string) => {
    const res = await fetch(`${base}/api/${method}`, {
      method: 'POST',
      headers: { ...apiHeaders(server), ...(token ? { 'x-creditdesk-session': token } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as { ok: boolean; value?: unknown; error?: unknown };
    if (!json.ok) throw new Error(`${method}: ${JSON.stringify(json.error)}`);
    return json.value;
  };
  const session = (await post('auth.login', { username: 'auditor', password: server.passwords.auditor })) as { token: string };
  const page = (await post('querylog.list', { idNumber }, session.token)) as { rows: unknown[] };
  await post('auth.logout', {}, session.token);
  return page.rows.length;
}

async function fillRequest(page: Page, idNumber: string, name: string, purpose: RegExp): Promise<void> {
  await page.getByTestId('id-number').fill(idNumber);
  await page.getByTestId('subject-name').fill(name);
  await page.getByTestId('purpose').click();
  await page.getByRole('option', { name: purpose }).click();
}

async function expectInViewport(page: Page, testId: string): Promise<void> {
  const box = await page.getByTestId(testId).boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, testId).not.toBeNull();
  expect(box!.y + Math.min(box!.height, 120), `${testId} starts within the first screen`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, `${testId} fits the width`).toBeLessThanOrEqual(viewport.width + 1);
}

for (const lang of ['zh', 'en'] as const) {
  test(`one screen at 1024, 1366 and 1920 px (${lang}): request, subject and actions side by side, badges agree with tabs`, async ({ consolePage: c, page }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await c.loginAs('clerk');
    if (lang === 'en') await page.getByTestId('language').click();
    await expect(page.getByTestId('counter-empty')).toBeVisible();
    // The line under the ID field is reserved: typing a complete number does not move the form.
    const before = await page.getByTestId('subject-name').boundingBox();
    await page.getByTestId('id-number').fill(person.subject.idNumber);
    await expect(page.getByTestId('id-number')).toHaveAccessibleDescription(lang === 'zh' ? /出生/ : /born/);
    const after = await page.getByTestId('subject-name').boundingBox();
    expect(after!.y).toBe(before!.y);

    await fillRequest(page, person.subject.idNumber, person.subject.name, lang === 'zh' ? /本人了解/ : /Self check/);
    await page.getByTestId('lookup').click();
    await expect(page.getByTestId('subject-view')).toBeVisible();
    for (const id of ['report-panel', 'case-intake', 'statement-form', 'subject-view']) await expectInViewport(page, id);
    await expectInViewport(page, 'report-issue');
    await expectInViewport(page, 'open-objection');

    // Each summary badge counts what its tab counts.
    for (const s of ['basic', 'licences', 'penalties', 'dishonesty', 'honours', 'other']) {
      const badge = await page.getByTestId(`summary-${s}`).getAttribute('data-count');
      await expect(page.getByTestId(`tab-${s}`)).toHaveAttribute('data-count', badge!);
      await expect(page.getByTestId(`tab-${s}`)).toContainText(`(${badge})`);
    }

    for (const width of [1024, 1366, 1920]) {
      await page.setViewportSize({ width, height: width === 1920 ? 1080 : 768 });
      await expect(page.getByTestId('report-panel')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `no horizontal scroll at ${width}px`).toBeLessThanOrEqual(0);
      await shot(page, `counter-${lang}-${width}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });

    // The free-report badge counts the report just issued.
    const quota = page.getByTestId('report-quota');
    const used = Number(/(\d+)/.exec(((await quota.textContent()) ?? '').replace(/^\D*\d{4}\D+/, ''))?.[1] ?? NaN);
    await page.getByTestId('report-issue').click();
    await expect(page.getByTestId('pdf-frame')).toBeVisible();
    await shot(page, `counter-${lang}-preview-1366`);
    await page.keyboard.press('Escape');
    await expect(quota).toContainText(lang === 'zh' ? `已出具 ${used + 1} 份` : `${used + 1} of`);
    await shot(page, `counter-${lang}-issued-1366`);
    if (lang === 'en') await page.getByTestId('language').click();
  });
}

test('Enter pressed twice and 查询 clicked again open one visit and one query-log line', async ({ consolePage: c, page, server }) => {
  await c.loginAs('clerk');
  const rowsBefore = await queryLogRows(server, other.subject.idNumber);
  await fillRequest(page, other.subject.idNumber, other.subject.name, /贷款申请/);
  // Back in the name field with everything filled in: Enter looks up; a second Enter at once must not.
  await page.getByTestId('subject-name').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('subject-view')).toBeVisible();
  await expect(page.getByTestId('lookup')).toBeDisabled();
  await page.getByTestId('lookup').click({ force: true });
  await page.getByTestId('subject-name').press('Enter');
  await expect(page.getByTestId('visit-no')).toBeVisible();
  expect(await queryLogRows(server, other.subject.idNumber)).toBe(rowsBefore + 1);
  // The subject's own query history shows this visit once.
  await expect(page.getByTestId('subject-view')).toContainText('贷款申请');

  // Another purpose is another query: the button comes back for it.
  await page.getByTestId('purpose').click();
  await page.getByRole('option', { name: /就业或资格审查/ }).click();
  await expect(page.getByTestId('lookup')).toBeEnabled();
  await shot(page, 'counter-zh-double-enter');
});

test('editing the ID after a lookup clears the previous person', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await fillRequest(page, person.subject.idNumber, person.subject.name, /本人了解/);
  await page.getByTestId('lookup').click();
  await expect(page.getByTestId('subject-view')).toBeVisible();
  await page.getByTestId('id-number').fill(person.subject.idNumber.slice(0, 17));
  await expect(page.getByTestId('subject-view')).toHaveCount(0);
  await expect(page.getByTestId('report-panel')).toHaveCount(0);
  await expect(page.getByTestId('counter-empty')).toBeVisible();
});

test('keyboard: F1 lists the shortcuts, Alt+N starts a new visit, Alt+V issues and previews the report', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.keyboard.press('F1');
  await expect(page.getByTestId('shortcut-list')).toBeVisible();
  for (const text of ['Alt + N', 'Alt + S', 'Alt + V', 'Alt + P', '新的接待']) await expect(page.getByTestId('shortcut-list')).toContainText(text);
  await shot(page, 'counter-zh-shortcuts');
  await page.keyboard.press('F1');
  await fillRequest(page, '11010519491231002X', '张三', /本人了解/);
  await page.keyboard.press('Alt+S');
  await expect(page.getByTestId('no-record')).toBeVisible();
  await page.keyboard.press('Alt+V');
  await expect(page.getByTestId('pdf-frame')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Alt+N');
  await expect(page.getByTestId('no-record')).toHaveCount(0);
  await expect(page.getByTestId('id-number')).toHaveValue('');
  await expect(page.getByTestId('id-number')).toBeFocused();
});

test('a manual lock says so and keeps the visit; a reload keeps it too, without another query-log line', async ({ consolePage: c, page, server }) => {
  await c.loginAs('clerk');
  await fillRequest(page, person.subject.idNumber, person.subject.name, /办理行政许可/);
  await page.getByTestId('lookup').click();
  await expect(page.getByTestId('subject-view')).toBeVisible();
  const visit = (await page.getByTestId('visit-no').textContent()) ?? '';
  const rows = await queryLogRows(server, person.subject.idNumber);

  await page.getByTestId('lock').click();
  await expect(page.getByTestId('lock-reason')).toHaveAttribute('data-reason', 'manual');
  await expect(page.getByText('工作台已由您手动锁定')).toBeVisible();
  await expect(page.getByText('在长时间无操作后')).toHaveCount(0);
  await expect(page.getByTestId('lock-visit-kept')).toBeVisible();
  await shot(page, 'lock-manual-zh');
  await page.getByTestId('unlock-password').fill(server.passwords.clerk ?? '');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('visit-no')).toHaveText(visit);
  await expect(page.getByTestId('subject-view')).toBeVisible();
  await expect(page.getByTestId('id-number')).toHaveValue(person.subject.idNumber);
  await expect(page.getByTestId('lookup')).toBeDisabled();

  // A reload keeps the session too (issue 28): no second login.
  await page.reload();
  await expect(page.getByTestId('whoami')).toBeVisible();
  await expect(page.getByTestId('visit-no')).toHaveText(visit);
  await expect(page.getByTestId('subject-view')).toBeVisible();
  expect(await queryLogRows(server, person.subject.idNumber)).toBe(rows);

  // Logging out ends the visit: the next clerk starts with an empty counter.
  await c.logout();
  await c.loginAs('clerk');
  await expect(page.getByTestId('counter-empty')).toBeVisible();
});

test('messages name the field: end before start, a wrong attachment type, in the console language', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.getByTestId('applicant-kind').getByText('代理人').click();
  await page.getByTestId('agent-from').fill('2026-03-10');
  await page.getByTestId('agent-to').fill('2026-03-01');
  await page.getByTestId('agent-name').click();
  await expect(page.getByTestId('agent-form')).toContainText('截止日期不能早于起始日期。');
  await page.locator('[data-testid=agent-form] input[type=file]').setInputFiles({ name: 'letter.txt', mimeType: 'text/plain', buffer: Buffer.from('not a scan') });
  await expect(page.getByTestId('agent-form')).toContainText('文件“letter.txt”不是 PNG、JPEG 图片或 PDF 文件，请重新选择。');
  await shot(page, 'counter-zh-agent-errors');
  await page.getByTestId('language').click();
  await expect(page.getByTestId('agent-form')).toContainText('The end date cannot be before the start date.');
  await page.getByTestId('language').click();

  // The date pickers speak the console's language, not the browser's.
  await page.getByTestId('agent-from').click();
  await expect(page.locator('.mantine-DateInput-weekday').first()).toHaveText('一');
  await expect(page.locator('.mantine-DateInput-calendarHeaderLevel')).toContainText('月');
});

test('an impossible date is refused at its field, naming it, and never rolled over to another real date', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.getByTestId('applicant-kind').getByText('代理人').click();
  await page.getByTestId('agent-from').fill('2026-03-01');
  await page.getByTestId('agent-to').fill('2026-02-30');
  await page.getByTestId('agent-name').click();
  await expect(page.getByTestId('agent-form')).toContainText('2026-02-30 不是日历上的日期（例如 2 月没有 30 日），请改正。');
  await expect(page.getByTestId('agent-to')).not.toHaveValue('2026-03-02');
  // A real date typed over it clears the message and is taken as typed.
  await page.getByTestId('agent-to').fill('2026-3-9');
  await page.getByTestId('agent-name').click();
  await expect(page.getByTestId('agent-to')).toHaveValue('2026-03-09');
  await expect(page.getByTestId('agent-form')).not.toContainText('不是日历上的日期');
  // The same field in English.
  await page.getByTestId('agent-to').fill('2026-13-45');
  await page.getByTestId('language').click();
  await expect(page.getByTestId('agent-form')).toContainText('2026-13-45 is not a calendar date');
  await page.getByTestId('language').click();
});
