import { mkdirSync } from 'node:fs';
import { PNG } from 'pngjs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_ENTITIES, demoEntities } from '../../electron/demo/demoEntities';
import type { SubjectBundle } from '../../shared/domain/population';
import { framePdf, pdfFlatText } from './pdfFrame';
import { E2E_NOW, dayOf, demoConsoleFixture, expect, test } from './fixtures';
import { shootWidths } from './screens';

// Issue 24 at the counter: an organisation's objection, repair application and statement. The
// intake forms group the records under the entity report's sections, the receipt names the
// organisation, its code and its legal representative, the statement form says only the legal
// representative in person makes one, and the manager's queue and case page show the organisation
// by name and code with 法定代表人申请. Screens in Chinese and English at 1024 and 1366 px (SHOTS).
const SHOTS = process.env.CREDITDESK_SHOTS_DIR ?? join(process.cwd(), 'test-results', 'entity-cases');

// A console of this file's own: the objection taken here must not annotate the records other files print.
test.use({ server: demoConsoleFixture() });
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

const entities = new Map<string, SubjectBundle>(demoEntities(dayOf(E2E_NOW), 'DEMO-').map((b, i) => [DEMO_ENTITIES[i]!.key, b]));
const company = entities.get('penalties')!;
const shoot = (page: Page, name: string) => shootWidths(page, SHOTS, name);

async function lookUp(page: Page, en: boolean): Promise<void> {
  await page.getByTestId('subject-kind').getByText(en ? 'Organisation' : '单位').click();
  await page.getByTestId('entity-code').fill(company.subject.idNumber);
  await page.getByTestId('entity-name').fill(company.subject.name);
  await page.getByTestId('entity-purpose').click();
  await page.getByRole('option', { name: en ? /Financing/ : /融资/ }).click();
  await page.getByTestId('legal-rep-id').fill(company.subject.registration!.legalRepIdNumber!);
  await page.getByTestId('legal-rep-name').fill(company.subject.legalRepresentative!);
  await page.getByTestId('legal-rep-licence').check();
  await page.getByTestId('entity-lookup').click();
  await expect(page.getByTestId('entity-facts')).toBeVisible();
}

test("an organisation's objection: records under the report's sections, the receipt names the company and its legal representative; the manager sees it by name", async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await lookUp(page, false);
  await expect(page.getByTestId('case-intake-entity')).toContainText('法定代表人本人');
  await expect(page.getByTestId('statement-form')).toContainText('主体声明');
  await expect(page.getByTestId('statement-entity-hint')).toContainText('法定代表人本人');
  await page.getByTestId('open-objection').click();
  const form = page.getByTestId('objection-form');
  await expect(form.getByTestId('objection-section').first()).toBeVisible();
  await expect(form.getByTestId('objection-section')).toContainText(['行政处罚信息']);
  await shoot(page, 'entity-objection-form-zh');
  const penalty = company.records.find((r) => r.category === 'admin_penalty')!;
  await form.getByRole('checkbox', { name: penalty.documentNo }).check();
  await form.getByTestId('objection-description').fill('处罚决定已被复议机关撤销，申请核查。');
  await form.getByTestId('objection-submit').click();
  const receipt = page.getByTestId('receipt-preview');
  await expect(receipt).toBeVisible();
  const text = pdfFlatText(await framePdf(receipt));
  for (const needle of [company.subject.name, company.subject.idNumber, '统一社会信用代码', `法定代表人${company.subject.legalRepresentative!}`]) expect(text, needle).toContain(needle);
  expect(text).not.toContain('信息主体本人');
  await shoot(page, 'entity-objection-receipt-zh');
  await page.getByTestId('case-dialog-done').click();

  await page.getByTestId('open-repair').click();
  await expect(page.getByTestId('repair-form')).toBeVisible();
  await page.getByTestId('repair-record').click();
  await expect(page.getByRole('listbox')).toContainText('行政处罚信息');
  await shoot(page, 'entity-repair-form-zh');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await c.logout();

  await c.loginAs('manager');
  await page.getByTestId('nav-cases').click();
  const row = page.locator('[data-testid="queue-row"]', { hasText: company.subject.idNumber });
  await expect(row).toContainText(company.subject.name);
  await shoot(page, 'entity-queue-zh');
  await row.click();
  await expect(page.getByTestId('case-subject')).toContainText(`${company.subject.name} ${company.subject.idNumber}`);
  await expect(page.getByTestId('case-subject')).toContainText('法定代表人申请');
  await shoot(page, 'entity-case-page-zh');
});

test("in English: the organisation's intake and statement read as such", async ({ consolePage: c, page }) => {
  await c.loginAs('clerk');
  await page.getByTestId('language').click();
  await lookUp(page, true);
  await expect(page.getByTestId('statement-form')).toContainText('Statement of the organisation');
  await shoot(page, 'entity-counter-cases-en');
  await page.getByTestId('open-objection').click();
  await expect(page.getByTestId('objection-form').getByTestId('objection-section')).toContainText(['Administrative penalties']);
  await shoot(page, 'entity-objection-form-en');
  await page.keyboard.press('Escape');
  await page.getByTestId('statement-record').click();
  await expect(page.getByRole('listbox')).toContainText('Administrative penalties');
  await shoot(page, 'entity-statement-en');
});

test("an organisation's agent with a letter: the objection's receipt names the agent and the letter, and no statement is offered", async ({ consolePage: c, page }) => {
  const today = dayOf(E2E_NOW);
  await c.loginAs('clerk');
  await page.getByTestId('subject-kind').getByText('单位').click();
  await page.getByTestId('entity-code').fill(company.subject.idNumber);
  await page.getByTestId('entity-name').fill(company.subject.name);
  await page.getByTestId('entity-purpose').click();
  await page.getByRole('option', { name: /融资/ }).click();
  await page.getByTestId('entity-applicant').getByText(/经办人/).click();
  await page.getByTestId('agent-id').fill('11010519491231002X');
  await page.getByTestId('agent-name').fill('周经办');
  await page.getByTestId('agent-doc').fill('WT-E2E-024');
  await page.getByTestId('agent-from').fill(today);
  await page.getByTestId('agent-to').fill(today);
  await page.getByTestId('agent-to').press('Tab');
  await page.getByTestId('scope-full').check();
  await page.locator('[data-testid=agent-form] input[type=file]').setInputFiles({ name: 'letter.png', mimeType: 'image/png', buffer: PNG.sync.write(new PNG({ width: 1, height: 1 })) });
  await expect(page.getByTestId('agent-letter-ok')).toBeVisible();
  await page.getByTestId('entity-lookup').click();
  await expect(page.getByTestId('entity-facts')).toBeVisible();
  await expect(page.getByTestId('case-intake')).toBeVisible();
  await expect(page.getByTestId('statement-form')).toHaveCount(0);
  await page.getByTestId('open-objection').click();
  const form = page.getByTestId('objection-form');
  const licence = company.records.find((r) => r.category === 'admin_licence')!;
  await form.getByRole('checkbox', { name: licence.documentNo }).check();
  await form.getByTestId('objection-description').fill('许可信息登记的有效期有误。');
  await form.getByTestId('objection-submit').click();
  const text = pdfFlatText(await framePdf(page.getByTestId('receipt-preview')));
  for (const needle of [company.subject.name, '经办人周经办', 'WT-E2E-024', `有效期${today}至${today}`, '已附扫描件']) expect(text, needle).toContain(needle);
  await shoot(page, 'entity-agent-receipt-zh');
});
