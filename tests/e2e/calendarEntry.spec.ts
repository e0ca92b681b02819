import type { Page } from '@playwright/test';
import { NOTICE_2026, NOTICE_2027_ITEMS, NOTICE_2027_NO } from '../support/arrangementNotices';
import { ConsolePage, expect, startConsole, stopConsole, test } from './fixtures';

// Issue 27, a calendar staff can enter: on 10 December 2026 the State Council's 2027 arrangement is
// not loaded (the built-in calendar ends with 2026), so administrators and managers are warned. The
// administrator pastes the notice, sees it month by month and submits it; a manager checks it and
// confirms it; the year is covered and the warning goes. In each language on an office of its own,
// since a confirmed year cannot be entered twice.
const NOW = '2026-12-10T10:00:00+08:00';
test.describe.configure({ timeout: 300_000 });

/** Back at the top before a full-page screenshot, so the fixed header is drawn where it belongs. */
const top = (page: Page) => page.evaluate(() => window.scrollTo(0, 0));
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const WORDS = {
  zh: {
    warning: '2027 年的国务院放假安排尚未载入',
    builtin: /2004–2026 年\s*内置数据（chinese-days）/,
    wrongYear: '第 1 行：这是 2026 年的放假安排通知，所填年份是 2027 年。',
    required: '此项为必填项。',
    qingming: '2027-04-05（清明节）是法定节假日，安排中必须列为放假。',
    summary: '放假 29 天，调休上班 5 天',
    waiting: '等待另一名管理员或科长确认',
    through: '已载入至 2027 年',
    manual: /2027 年\s*人工录入（第 1 号录入，已确认）/,
  },
  en: {
    warning: "The State Council's holiday arrangement for 2027 is not loaded",
    builtin: /2004–2026\s*Built in \(chinese-days\)/,
    wrongYear: 'Line 1: this is the holiday notice for 2026, but the year entered is 2027.',
    required: 'This field is required.',
    qingming: '2027-04-05 (Qingming Festival) is a statutory holiday: list it among the holidays.',
    summary: '29 days off, 5 make-up working days',
    waiting: 'Waiting for a second person',
    through: 'Loaded through 2027',
    manual: /2027\s*Entered by hand \(entry 1, confirmed\)/,
  },
} as const;

for (const lang of ['zh', 'en'] as const) {
  const w = WORDS[lang];
  test(`${lang}: an administrator pastes the 2027 notice, a manager confirms it, and the year is covered`, async ({ page }) => {
    const { server, child } = await startConsole({ demo: true, now: NOW });
    try {
      const c = new ConsolePage(page, server);
      await c.loginAs('admin');
      if (lang === 'en') await page.getByTestId('language').click();
      await expect(page.getByTestId('calendar-warning')).toContainText(w.warning);
      await page.getByTestId('nav-calendar').click();
      await expect(page.getByTestId('calendar-coverage')).toContainText(w.builtin);
      await expect(page.getByTestId('calendar-missing')).toContainText('2027');
      await expect(page.getByTestId('calendar-year')).toHaveValue('2027');
      await expect(page.getByTestId('calendar-no-pending')).toBeVisible();

      // Last year's notice pasted by mistake: said at the text, nothing can be submitted.
      const text = page.getByTestId('calendar-text');
      await text.fill(NOTICE_2026);
      await expect(page.getByTestId('calendar-problems')).toContainText(w.wrongYear);
      await expect(page.getByTestId('calendar-submit')).toBeDisabled();

      // Qingming left out, and no notice number: the core's refusals come back to their fields.
      await text.fill(NOTICE_2027_ITEMS.split('\n').filter((l) => !l.startsWith('三、')).join('\n'));
      await page.getByTestId('calendar-submit').click();
      // The sentence is the field's own description (aria-describedby), not a banner elsewhere.
      await expect(page.getByTestId('calendar-notice')).toHaveAccessibleDescription(new RegExp(escape(w.required)));
      await page.getByTestId('calendar-notice').fill(NOTICE_2027_NO);
      await page.getByTestId('calendar-submit').click();
      await expect(text).toHaveAccessibleDescription(new RegExp(escape(w.qingming)));

      await text.fill(NOTICE_2027_ITEMS);
      await expect(page.getByTestId('calendar-preview-summary')).toHaveText(w.summary);
      const preview = page.getByTestId('calendar-preview-months');
      await expect(preview.locator('[data-kind="holiday"]')).toHaveCount(29);
      await expect(preview.locator('[data-kind="workday"]')).toHaveCount(5);
      await expect(preview.locator('[data-date="2027-02-20"]')).toHaveAttribute('data-kind', 'workday');
      await top(page);
      await c.screenshotAt(`calendar-propose-${lang}`, [1024, 1366]);
      await page.getByTestId('calendar-submit').click();
      await expect(page.getByTestId('calendar-pending')).toContainText(NOTICE_2027_NO);
      await expect(page.getByTestId('calendar-waiting')).toContainText(w.waiting);
      await expect(page.getByTestId('calendar-confirm')).toHaveCount(0);
      await expect(page.getByTestId('calendar-warning')).toBeVisible();
      await c.logout();

      await c.loginAs('manager');
      await page.getByTestId('nav-calendar').click();
      const pending = page.getByTestId('calendar-pending');
      await expect(pending).toContainText(NOTICE_2027_NO);
      // What was stored: the weekday holidays and the make-up days (weekends off need no entry).
      await expect(pending.locator('[data-kind="holiday"]')).toHaveCount(18);
      await expect(pending.locator('[data-kind="workday"]')).toHaveCount(5);
      await top(page);
      await c.screenshotAt(`calendar-confirm-${lang}`, [1024, 1366]);
      await page.getByTestId('calendar-confirm').click();
      await expect(page.getByTestId('calendar-through')).toHaveText(w.through);
      await expect(page.getByTestId('calendar-coverage')).toContainText(w.manual);
      await expect(page.getByTestId('calendar-missing')).toHaveCount(0);
      await expect(page.getByTestId('calendar-pending')).toHaveCount(0);
      await expect(page.getByTestId('calendar-warning')).toHaveCount(0);
      // The cases whose provisional date the arrangement moved are listed, each with both dates.
      await expect(page.getByTestId('calendar-recounts')).toBeVisible();
      for (const row of await page.getByTestId('calendar-recount').all()) {
        const cells = await row.locator('td').allTextContents();
        expect(cells[2]).not.toBe(cells[3]);
      }
      await top(page);
      await c.screenshotAt(`calendar-covered-${lang}`, [1024, 1366]);
      if (lang === 'en') await page.getByTestId('language').click();
    } finally {
      await stopConsole(server, child);
    }
  });
}

test('a clerk has no calendar screen', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await expect(page.getByTestId('nav-counter')).toBeVisible();
  await expect(page.getByTestId('nav-calendar')).toHaveCount(0);
});
