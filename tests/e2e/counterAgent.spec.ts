import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { demoPeopleWith } from './demoPeople';
import { expect, test } from './fixtures';

// The agent's query (issue 28): the form takes the width the screen has, every error is shown at
// once where the eye is, naming what is missing, and the purpose list answers the keyboard.

const SHOTS = process.env.COUNTER_SHOTS ?? join(process.cwd(), 'test-results', 'screenshots');
const [person, englishPerson, tabsPerson] = demoPeopleWith((b) => b.subject.kind === 'person' && b.records.length >= 2, 3);
// An agent who is someone else than the subjects above (any valid number will do: the letter is checked, not the person).
const AGENT_ID = '11010519491231002X';

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function toAgent(page: Page, lang: 'zh' | 'en'): Promise<void> {
  await page.getByTestId('applicant-kind').getByText(lang === 'zh' ? '代理人' : 'Agent', { exact: true }).click();
  await expect(page.getByTestId('agent-id')).toBeVisible();
}

async function choosePurpose(page: Page, name: RegExp): Promise<void> {
  await page.getByTestId('purpose').click();
  await page.getByRole('option', { name }).click();
}

const box = async (l: Locator) => (await l.boundingBox())!;

test('screenshots: the agent form and the English counter, in both languages at 1024 and 1366 px', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  for (const lang of ['zh', 'en'] as const) {
    if (lang === 'en') await page.getByTestId('language').click();
    await toAgent(page, lang);
    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 768 });
      await settle(page);
      await page.screenshot({ path: join(SHOTS, `counter-agent-${lang}-${width}.png`) });
    }
    await page.getByTestId('applicant-kind').getByText(lang === 'zh' ? '本人' : 'The subject in person', { exact: true }).click();
  }
  // The English counter with a subject on screen (the truncated buttons of issue 28).
  await page.setViewportSize({ width: 1366, height: 768 });
  await c.lookup(englishPerson!.subject.idNumber, englishPerson!.subject.name, /Self check/);
  await expect(page.getByTestId('subject-view')).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'counter-en-1366.png') });
  await page.getByTestId('language').click();
});

for (const lang of ['zh', 'en'] as const) {
  test(`the agent's query uses the width: subject, agent and letter side by side at 1366 px, stacked at 1024 px (${lang})`, async ({ consolePage: c, page }) => {
    await c.loginAs('clerk');
    if (lang === 'en') await page.getByTestId('language').click();
    await toAgent(page, lang);
    const parts = ['request-subject', 'request-agent', 'request-letter'].map((id) => page.getByTestId(id));

    await page.setViewportSize({ width: 1366, height: 768 });
    await settle(page);
    const [s, a, l] = await Promise.all(parts.map(box));
    // Side by side: one row, left to right, each a real column (not a 300 px strip).
    expect(Math.abs(a!.y - s!.y), 'agent beside subject').toBeLessThan(4);
    expect(Math.abs(l!.y - s!.y), 'letter beside subject').toBeLessThan(4);
    expect(s!.x + s!.width).toBeLessThanOrEqual(a!.x);
    expect(a!.x + a!.width).toBeLessThanOrEqual(l!.x);
    for (const p of [s!, a!, l!]) expect(p.width, 'column width').toBeGreaterThan(280);
    expect(l!.x + l!.width - s!.x, 'the form spans the screen').toBeGreaterThan(900);
    // The whole request is on the first screen, the lookup button included.
    await expect(page.getByTestId('lookup')).toBeInViewport({ ratio: 1 });

    await page.setViewportSize({ width: 1024, height: 768 });
    await settle(page);
    const [s2, a2, l2] = await Promise.all(parts.map(box));
    // Stacked: one under the other, each as wide as the screen allows.
    expect(a2!.y).toBeGreaterThanOrEqual(s2!.y + s2!.height - 1);
    expect(l2!.y).toBeGreaterThanOrEqual(a2!.y + a2!.height - 1);
    for (const p of [s2!, a2!, l2!]) expect(p.width, 'stacked width').toBeGreaterThan(700);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    if (lang === 'en') await page.getByTestId('language').click();
  });
}

test('one press shows every error at once, each naming what is missing, and takes the eye to the first', async ({ consolePage: c, page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await c.loginAs('clerk');
  await toAgent(page, 'zh');
  await page.getByTestId('id-number').fill(person!.subject.idNumber);
  await page.getByTestId('subject-name').fill(person!.subject.name);
  await choosePurpose(page, /其他（须说明）/);
  await page.getByTestId('lookup').click();

  // The first field at fault has the focus and is on screen, its message with it.
  await expect(page.getByTestId('purpose-text')).toBeFocused();
  await expect(page.getByTestId('purpose-text')).toBeInViewport({ ratio: 1 });
  await expect(page.getByText('请填写用途说明。')).toBeInViewport();
  // The agent's fields are marked by the same press, each naming what is missing.
  const form = page.getByTestId('agent-form');
  for (const message of ['请输入代理人身份证号码。', '请输入代理人姓名。', '请输入授权书编号。', '请填写授权起始日期。', '请填写授权截止日期。', '请勾选授权书写明的查询范围（至少一项）。', '请上传授权书扫描件。']) {
    await expect(form.getByText(message, { exact: true }), message).toBeVisible();
  }
  await expect(page.getByTestId('counter')).not.toContainText('此项为必填项');
  await expect(page.getByTestId('counter')).not.toContainText('日期应为');
  await page.screenshot({ path: join(SHOTS, 'counter-agent-errors-zh-1366.png') });

  // In English the same sentences, naming the field.
  await page.getByTestId('language').click();
  await expect(form.getByText('Enter the date the authorization is valid from.', { exact: true })).toBeVisible();
  await expect(form.getByText("Enter the agent's ID number.", { exact: true })).toBeVisible();
  await page.screenshot({ path: join(SHOTS, 'counter-agent-errors-en-1366.png') });
  await page.getByTestId('language').click();

  // Filled in one by one, each message goes with its field; the first left is the one focused next.
  await page.getByTestId('purpose-text').fill('租房');
  await page.getByTestId('agent-id').fill(AGENT_ID);
  await page.getByTestId('agent-name').fill('张三');
  await page.getByTestId('agent-doc').fill('授权-001');
  await page.setViewportSize({ width: 1024, height: 600 });
  await page.getByTestId('lookup').click();
  await expect(page.getByTestId('agent-from')).toBeFocused();
  await expect(page.getByTestId('agent-from')).toBeInViewport({ ratio: 1 });
  await expect(form.getByText('请填写授权起始日期。', { exact: true })).toBeInViewport();
  await expect(form.getByText('请输入代理人姓名。')).toHaveCount(0);
});

test('the purpose list: typing leaves one option, Enter takes it, the next Enter looks up', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.getByTestId('id-number').fill(tabsPerson!.subject.idNumber);
  await page.getByTestId('subject-name').fill(tabsPerson!.subject.name);
  await page.getByTestId('purpose').click();
  await page.getByTestId('purpose').pressSequentially('就业');
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('purpose')).toHaveValue('就业或资格审查');
  await expect(page.getByRole('option')).toHaveCount(0);
  await expect(page.getByText('请选择查询用途。')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('subject-view')).toBeVisible();
});

test('the subject view tabs fit on one or two lines, in both languages at 1024 and 1366 px', async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await c.lookup(tabsPerson!.subject.idNumber, tabsPerson!.subject.name, /本人了解/);
  await expect(page.getByTestId('subject-view')).toBeVisible();
  const found: string[] = [];
  for (const lang of ['zh', 'en'] as const) {
    if (lang === 'en') await page.getByTestId('language').click();
    for (const width of [1024, 1366]) {
      await page.setViewportSize({ width, height: 768 });
      await settle(page);
      const tops = await page.locator('[data-testid="subject-view"] [role=tab]').evaluateAll((tabs) => [...new Set(tabs.map((t) => Math.round(t.getBoundingClientRect().top)))]);
      if (tops.length > 2) found.push(`${lang} ${width}px: ${tops.length} lines`);
      await page.screenshot({ path: join(SHOTS, `counter-tabs-${lang}-${width}.png`) });
    }
  }
  expect(found).toEqual([]);
});
