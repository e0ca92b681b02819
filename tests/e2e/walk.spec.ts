import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { demoPersonWith } from './demoPeople';
import { expect, test } from './fixtures';

// Every screen of every role, in Chinese and in English: what a person reads must never be an
// internal code (SESSION_LOCKED, auth.login), raw JSON, or — in the Chinese console — an English
// sentence. The counter is walked with a subject on screen, where most text comes from data.

const SHOTS = join(process.cwd(), 'test-results', 'screenshots');
const ROLES = ['clerk', 'manager', 'operator', 'auditor', 'admin'] as const;
const person = demoPersonWith((b) => b.subject.kind === 'person' && b.records.length >= 2 && b.listEntries.length > 0);

// Words that are names, not English prose or codes: the product, file formats, the language switch.
const ALLOWED_WORDS = /\b(CreditDesk|English|PDF|PNG|JPEG|QR|SHA-256|SQLite|Alt|Enter|Esc|F1|CSV|Excel|ID)\b/g;

export function internalTextProblems(text: string, lang: 'zh' | 'en'): string[] {
  const cleaned = text.replace(ALLOWED_WORDS, ' ');
  const problems: string[] = [];
  for (const m of cleaned.matchAll(/\b[A-Z][A-Z_]{3,}\b/g)) {
    // Upper-case words in running English (a heading in capitals) are fine; codes have underscores or no vowels.
    if (m[0].includes('_') || lang === 'zh') problems.push(`code-like word "${m[0]}"`);
  }
  for (const m of cleaned.matchAll(/\b[a-z]+\.[a-z][A-Za-z]+\b/g)) {
    if (!/\.(png|jpe?g|pdf|json|cdbundle|txt|csv|xlsx)$/i.test(m[0])) problems.push(`method-like name "${m[0]}"`);
  }
  for (const m of cleaned.matchAll(/[{}]|"[A-Za-z_]+"\s*:/g)) problems.push(`raw JSON "${m[0]}"`);
  if (lang === 'zh') {
    // Three or more English words in a row inside the Chinese console is a sentence that was not translated.
    for (const m of cleaned.matchAll(/\b[A-Za-z]{2,}(?:[ ,'’-]+[A-Za-z]{2,}){2,}\b/g)) problems.push(`English in Chinese UI "${m[0]}"`);
    // A label in Chinese takes the full-width colon (性别：女), not the ASCII one.
    for (const m of cleaned.matchAll(/[\u4e00-\u9fff]: /gu)) problems.push(`ASCII colon in Chinese "${m[0]}"`);
  }
  return problems;
}

/** What a person reads as sentences: a command to type, shown as code, is not prose to translate. */
async function visibleText(page: Page): Promise<string> {
  return page.evaluate(() => {
    let text = document.body.innerText;
    for (const code of document.querySelectorAll<HTMLElement>('code')) text = text.replace(code.innerText, ' ');
    return text;
  });
}

async function problemsOn(page: Page, lang: 'zh' | 'en'): Promise<string[]> {
  await page.waitForLoadState('networkidle');
  // The screen's first requests have landed when no loader is left on it.
  await expect(page.locator('.mantine-Loader-root:not([data-pdf-loader])')).toHaveCount(0);
  return internalTextProblems(await visibleText(page), lang);
}

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test('the internal-text check itself catches codes, method names, JSON and English in Chinese', () => {
  expect(internalTextProblems('操作失败：SESSION_LOCKED', 'zh')).not.toEqual([]);
  expect(internalTextProblems('操作 auth.login 成功', 'zh')).not.toEqual([]);
  expect(internalTextProblems('详情 {"visitId":3}', 'zh')).not.toEqual([]);
  expect(internalTextProblems('平台信任文件无效：the trust file is not valid JSON', 'zh')).not.toEqual([]);
  expect(internalTextProblems('【基本信息 basic】', 'zh')).toEqual([]);
  expect(internalTextProblems('性别: 女', 'zh')).not.toEqual([]);
  expect(internalTextProblems('性别：女 · 出生年份：1966', 'zh')).toEqual([]);
  expect(internalTextProblems('请上传 PNG、JPEG 图片或 PDF 文件：letter.png', 'zh')).toEqual([]);
  expect(internalTextProblems('Valid number: born 1966-06-10, female', 'en')).toEqual([]);
});

for (const lang of ['zh', 'en'] as const) {
  for (const role of ROLES) {
    test(`every ${role} screen reads as plain ${lang === 'zh' ? 'Chinese' : 'English'}`, async ({ consolePage: c, page }) => {
      await c.loginAs(role);
      if (lang === 'en') await page.getByTestId('language').click();
      const nav = page.locator('[data-testid^="nav-"]');
      const keys = await nav.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')!));
      expect(keys.length).toBeGreaterThan(0);
      const found: Record<string, string[]> = {};
      const check = async (where: string) => {
        const problems = await problemsOn(page, lang);
        if (problems.length > 0) found[where] = [...new Set(problems)];
      };
      for (const key of keys) {
        await page.getByTestId(key).click();
        await check(key);
        if (key === 'nav-counter') {
          await page.getByTestId('id-number').fill(person.subject.idNumber);
          await page.getByTestId('subject-name').fill(person.subject.name);
          await page.getByTestId('purpose').click();
          await page.getByRole('option').first().click();
          await page.getByTestId('lookup').click();
          await expect(page.getByTestId('subject-view')).toBeVisible();
          await check('counter with a subject');
          // Every records tab, since each shows other data.
          for (const tab of await page.locator('[data-testid^="tab-"]').all()) {
            await tab.click();
            await check(`counter ${(await tab.getAttribute('data-testid')) ?? 'tab'}`);
          }
          await page.getByTestId('end-visit').click();
        }
      }
      expect(found, `${role} (${lang})`).toEqual({});
      await page.screenshot({ path: join(SHOTS, `walk-${role}-${lang}.png`) });
      if (lang === 'en') await page.getByTestId('language').click();
    });
  }
}
