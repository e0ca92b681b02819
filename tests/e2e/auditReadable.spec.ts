import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { latinLeftIn } from '../support/refusalLanguage';
import { expect, test } from './fixtures';

// Issue 28: the auditor read codes (`clerkId: 2`, `loan_application`), and in Chinese at 1024 px a
// case number broke in the middle. The demo office's month of work is read as the auditor reads it.
const SHOTS = process.env.AUDIT_SHOTS_DIR ?? join(tmpdir(), 'creditdesk-audit-shots');

test('the audit log reads as sentences, and a case number never breaks across lines', async ({ consolePage: c, page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await c.loginAs('auditor');
  await page.getByTestId('nav-audit').click();
  // Case events, whose targets and details carry case numbers.
  await page.getByTestId('audit-filter-action').click();
  await page.getByRole('option', { name: '异议（全部）' }).click();
  await page.getByTestId('audit-search').click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: join(SHOTS, `audit-zh-${width}.png`) });
    // Every case number is one unbroken line (one client rectangle), at both widths.
    const broken = await page.getByTestId('audit-table').evaluate((table) => {
      const out: string[] = [];
      const walker = document.createTreeWalker(table, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        for (const m of (n.textContent ?? '').matchAll(/[A-Z]{1,3}\d{8}-\d{4}/g)) {
          const range = document.createRange();
          range.setStart(n, m.index);
          range.setEnd(n, m.index + m[0].length);
          const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
          if (tops.size > 1) out.push(m[0]);
        }
      }
      return out;
    });
    expect(broken, `case numbers broken at ${width} px`).toEqual([]);
  }
  await page.getByTestId('language').click();
  await expect(page.getByTestId('audit-table')).toContainText('Objection');
  await page.screenshot({ path: join(SHOTS, 'audit-en-1366.png') });
  await page.setViewportSize({ width: 1024, height: 900 });
  await page.screenshot({ path: join(SHOTS, 'audit-en-1024.png') });
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.getByTestId('language').click();

  // The whole log's first pages in Chinese: no raw key, code or English word in any detail.
  await page.getByTestId('audit-reset').click();
  await expect(page.getByTestId('audit-row').first()).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'audit-all-zh-1366.png') });
  const details = await page.getByTestId('audit-detail').allInnerTexts();
  const codes = /\b[a-z]+(?:_[a-z]+)+\b|\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g;
  const unreadable = details.filter((d) => codes.test(d) || latinLeftIn(d.replace(codes, ' ')).length > 0);
  expect(unreadable).toEqual([]);

  // An export's date filter reads as dates, not as a case's states (原状态/新状态).
  await page.getByTestId('audit-filter-from').fill('2026-11-01');
  await page.getByTestId('audit-search').click();
  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export-csv').click();
  await download;
  await page.getByTestId('audit-reset').click();
  const exported = page.locator('[data-testid="audit-row"][data-action="audit.exported"]').first();
  await expect(exported).toContainText('筛选条件：起始日期：2026-11-01');
  await expect(exported).not.toContainText('原状态');
});
