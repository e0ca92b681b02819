import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_ENTITIES, demoEntities } from '../../electron/demo/demoEntities';
import type { SubjectBundle } from '../../shared/domain/population';
import { framePdf, pdfFlatText } from './pdfFrame';
import { E2E_NOW, dayOf, expect, test, type ConsolePage } from './fixtures';
import { shootWidths } from './screens';

// Issue 24 end to end: a bidding clerk's journey. A company's legal representative asks for the
// special credit report (专项信用报告) for a bid: the clerk types the unified social credit code,
// checks the legal representative, chooses the fields and keeps the period, prints; the PDF is
// read back with poppler and its QR, rasterised at 150 dpi, is read by zbar and verified on the
// verify screen as a special report. In Chinese and in English, at 1024 and 1366 px (SHOTS).
const OUT = join(process.cwd(), 'test-results', 'entity-report');
const SHOTS = process.env.CREDITDESK_SHOTS_DIR ?? join(OUT, 'screens');

// The demo office's organisations, as the console made them on the suite's day.
const entities = new Map<string, SubjectBundle>(demoEntities(dayOf(E2E_NOW), 'DEMO-').map((b, i) => [DEMO_ENTITIES[i]!.key, b]));
const entity = (key: string) => entities.get(key)!;

test.beforeAll(() => {
  mkdirSync(OUT, { recursive: true });
  mkdirSync(SHOTS, { recursive: true });
});
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.print = () => {
      const top = window.top as unknown as { __prints?: number };
      top.__prints = (top.__prints ?? 0) + 1;
    };
  });
});

const shoot = (page: Page, name: string) => shootWidths(page, SHOTS, name);

/** The clerk asks for an organisation's report, its legal representative at the window. */
async function lookUpEntity(c: ConsolePage, page: Page, b: SubjectBundle, report: 'full' | 'special', purpose: RegExp): Promise<void> {
  await page.getByTestId('subject-kind').getByText(/单位|Organisation/).click();
  await page.getByTestId('entity-code').fill(b.subject.idNumber);
  await page.getByTestId('entity-name').fill(b.subject.name);
  await page.getByTestId('entity-report-kind').getByText(report === 'full' ? /公共信用信息报告|Public credit report/ : /专项信用报告|Special credit report/).click();
  await page.getByTestId('entity-purpose').click();
  await page.getByRole('option', { name: purpose }).click();
  await page.getByTestId('legal-rep-id').fill(b.subject.registration!.legalRepIdNumber!);
  await page.getByTestId('legal-rep-name').fill(b.subject.legalRepresentative!);
  await page.getByTestId('legal-rep-licence').check();
  await page.getByTestId('entity-lookup').click();
  await expect(page.getByTestId('entity-facts')).toBeVisible();
}

test("the bidding clerk's journey: a company's special report, printed, read back, its QR verified at 150 dpi", async ({ consolePage: c, page }) => {
  const company = entity('penalties');
  await c.loginAs('clerk');
  await page.getByTestId('subject-kind').getByText('单位').click();
  // A scanner types the whole text of the licence's QR into the field: the code inside it is taken.
  await page.getByTestId('entity-code').fill(`http://www.gsxt.gov.cn/index.html?uniscid=${company.subject.idNumber}`);
  await expect(page.getByTestId('entity-code')).toHaveValue(company.subject.idNumber);
  await page.getByTestId('entity-code').fill('http://www.gsxt.gov.cn/index.html');
  await expect(page.getByTestId('request-entity')).toContainText('请手工输入');
  // A mistyped code is said at the field before anything is looked up.
  const wrong = company.subject.idNumber.slice(0, 17) + (company.subject.idNumber[17] === '1' ? '2' : '1');
  await page.getByTestId('entity-code').fill(wrong);
  await expect(page.getByTestId('request-entity')).toContainText('校验位');
  await shoot(page, 'entity-request-zh');
  await page.getByTestId('subject-kind').getByText('个人').click();

  await lookUpEntity(c, page, company, 'special', /参与招投标/);
  await expect(page.getByTestId('entity-facts')).toContainText('企业');
  await expect(page.getByTestId('special-options')).toBeVisible();
  await expect(page.getByTestId('report-issue')).toBeDisabled();
  // Two fields: one where the company was fined, one where it was not.
  const fields = page.getByTestId('special-fields').getByRole('checkbox');
  const labels = await page.getByTestId('special-fields').locator('label').allTextContents();
  expect(labels.length).toBeGreaterThan(2);
  await fields.nth(0).check();
  await fields.nth(1).check();
  await expect(page.getByTestId('entity-freshness')).toBeVisible();
  await shoot(page, 'entity-special-zh');

  await page.getByTestId('report-issue').click();
  const pdf = await framePdf(page);
  await page.getByTestId('pdf-print').click();
  await page.getByTestId('pdf-ask-yes').click();
  await expect(page.getByTestId('report-copies')).toContainText('1');
  await page.keyboard.press('Escape');

  const text = pdfFlatText(pdf);
  expect(text).toContain('专项信用报告');
  expect(text).toContain(company.subject.name);
  expect(text).toContain(company.subject.idNumber);
  expect(text).toContain(labels[0]!.replace(/\s+/g, ''));
  expect(text).toMatch(/无违法违规记录|有以下记录/);

  // The QR of page 1 at 150 dpi, read by zbar, verifies as a special report on the verify screen.
  const file = join(OUT, 'special.pdf');
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-r', '150', '-f', '1', '-l', '1', '-png', '-singlefile', file, join(OUT, 'special-150dpi')]);
  const qr = execFileSync('zbarimg', ['--raw', '-q', join(OUT, 'special-150dpi.png')]).toString('utf8').trim();
  expect(qr.length).toBeGreaterThan(20);
  await page.getByTestId('nav-verify').click();
  await page.getByTestId('verify-tab-image').click();
  await page.locator('input[type=file]').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: readFileSync(join(OUT, 'special-150dpi.png')) });
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-genuine', 'true', { timeout: 30_000 });
  await expect(page.getByTestId('verify-result')).toContainText('专项信用报告');
  await shoot(page, 'entity-verify-zh');
});

test("in English: a company's full report, the registration and the report's sections on screen", async ({ consolePage: c, page }) => {
  const company = entity('abnormal');
  await c.loginAs('clerk');
  await page.getByTestId('language').click();
  await lookUpEntity(c, page, company, 'full', /Bidding/);
  await expect(page.getByTestId('entity-facts')).toContainText('Registration');
  await expect(page.getByTestId('entity-sections')).toContainText('Abnormal-operation lists 1');
  await shoot(page, 'entity-full-en');
  await page.getByTestId('report-issue').click();
  const pdf = await framePdf(page);
  await page.keyboard.press('Escape');
  const text = pdfFlatText(pdf);
  expect(text).toContain('法人和非法人组织公共信用信息报告');
  expect(text).toContain('经营异常名录');
  await page.getByTestId('language').click();
});
