import { PNG } from 'pngjs';
import type { Page } from '@playwright/test';
import type { RecordRow } from '../../shared/domain/population';
import { repairEligibility } from '../../shared/rules/repairEligibility';
import { DEFAULT_PROFILE_ID, shippedProfile } from '../../shared/rules/loadProfile';
import { demoPersonWith } from './demoPeople';
import { framePdf, pdfFlatText } from './pdfFrame';
import { E2E_NOW, dayOf, ConsolePage as ConsolePageClass, demoConsoleFixture, expect, test as shared, type ConsolePage, type ConsoleServer } from './fixtures';

// A console of its own: cases leave lookups, reports and a changed rule profile behind, which other
// specs sharing the worker's console (e.g. the query-log count in console.spec) must not see. A
// different worker-fixture definition also gives these tests their own worker.
const test = shared.extend<object, { server: ConsoleServer }>({ server: demoConsoleFixture() });

// Objections and credit repair end to end in browser mode: intake at the counter with a printed
// receipt, the annotation on the subject view and on the report, the manager's queue and decision,
// and the annotation gone afterwards. Bad input in the dialogs is refused with a specific sentence.

const TODAY = dayOf(E2E_NOW);
const PROFILE = shippedProfile(DEFAULT_PROFILE_ID)!;
const published = (r: RecordRow) => r.status === 'active' && r.publicityStart <= TODAY && r.publicityEnd !== null && r.publicityEnd > TODAY;
const penalty = (r: RecordRow) => r.category === 'admin_penalty' && r.severity !== null && published(r);
/** As the core judges it (repairService.eligibilityOf), under the demo office's default profile. */
const eligibility = (r: RecordRow) =>
  repairEligibility({ category: r.category, severity: r.severity, decidedOn: r.decidedOn, domain: r.domain, published: r.publicityEnd === null || r.publicityEnd > r.publicityStart }, PROFILE, TODAY).status;

// Two different people, so the repair journey does not meet the objection journey's case.
const objector = demoPersonWith((b) => b.subject.kind === 'person' && b.records.some(penalty));

/** Mantine's Select: open, pick, and wait until the choice shows in the field. */
async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
  await expect(page.getByTestId(testId)).toHaveValue(new RegExp(option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}

async function openPenalties(page: Page, documentNo: string) {
  await page.getByTestId('tab-penalties').click();
  return page.locator(`[data-testid="record-row"][data-document-no="${documentNo}"]`);
}

async function findCase(c: ConsolePage, caseNo: string) {
  const { page } = c;
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('case-queue')).toBeVisible();
  await page.getByTestId('queue-due').getByText('即将到期').click();
  const row = page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`);
  await expect(row).toBeVisible();
  return row;
}

test('objection: intake with receipt, annotation on the view and the report, decided by the manager, annotation gone', async ({ consolePage: c, page, browser }) => {
  const person = objector;
  const record = person.records.find(penalty)!;

  await c.loginAs('clerk');
  await c.lookup(person.subject.idNumber, person.subject.name, /本人了解/);
  await expect(page.getByTestId('subject-view')).toBeVisible();
  await expect((await openPenalties(page, record.documentNo)).getByTestId('record-annotation')).toHaveCount(0);

  // Bad input: each problem has its own sentence, and nothing is sent.
  await page.getByTestId('open-objection').click();
  const form = page.getByTestId('objection-form');
  await form.getByTestId('objection-submit').click();
  await expect(form).toContainText('请至少选择一条异议涉及的信息。');
  await expect(form).toContainText('请填写申请人陈述。');
  await form.getByRole('checkbox', { name: record.documentNo }).check();
  await form.getByTestId('objection-description').fill('罚'.repeat(2001));
  await expect(form).toContainText('申请人陈述不能超过 2000 字，现为 2001 字。');
  await form.locator('input[type="file"]').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: Buffer.alloc(9 * 1024 * 1024, 1) });
  await expect(form).toContainText('附件“scan.png”为 9216 KB，超过 8192 KB 的上限');
  await form.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('x') });
  await expect(form).toContainText('附件“notes.txt”不是 PNG、JPEG 或 PDF 文件。');
  await form.getByTestId('objection-submit').click();
  await expect(page.getByTestId('receipt-preview')).toHaveCount(0);
  await c.screenshot('cases-objection-errors-zh');

  // A valid objection: a small scan, a real description; accepted with a receipt that prints.
  await form.locator('input[type="file"]').setInputFiles({ name: 'decision-copy.png', mimeType: 'image/png', buffer: PNG.sync.write(new PNG({ width: 1, height: 1 })) });
  await expect(form.getByTestId('objection-attachments')).toContainText('decision-copy.png');
  // A file's name is shown as it is, not in capitals (a badge's default).
  expect(await form.getByTestId('objection-attachments').evaluate((el) => (el as HTMLElement).innerText)).toContain('decision-copy.png');
  await form.getByTestId('objection-description').fill('处罚决定书载明的违法事实与本人情况不符，申请核查更正。');
  await form.getByTestId('objection-scope').click();
  await page.getByRole('option', { name: '信息错误' }).click();
  await form.getByTestId('objection-submit').click();
  const receipt = page.getByTestId('receipt-preview');
  await expect(receipt).toBeVisible();
  const caseNo = ((await receipt.getByTestId('receipt-case-no').textContent()) ?? '').replace(/^.*[:：]\s*/, '').trim();
  expect(caseNo).toMatch(/\d{8}/);
  const text = pdfFlatText(await framePdf(receipt));
  for (const needle of [caseNo, '异议申请受理回执', record.documentNo, '转送提供单位时限', '异议处理时限', 'decision-copy.png']) expect(text, needle).toContain(needle.replace(/\s+/g, ''));
  await expect(receipt.getByTestId('receipt-copies')).toHaveText('已打印 0 份');
  // Browser mode: the viewer prints, the clerk confirms the copy came out; only then is it counted.
  await receipt.getByTestId('pdf-print').click();
  await receipt.getByTestId('pdf-ask-yes').click();
  await expect(receipt.getByTestId('receipt-copies')).toHaveText('已打印 1 份');
  expect(pdfFlatText(await framePdf(receipt))).toContain('重印件第2份');
  await c.screenshot('cases-objection-receipt-zh');
  await page.getByTestId('case-dialog-done').click();

  // The annotation at once on the subject view, and on the report issued now.
  await expect((await openPenalties(page, record.documentNo)).getByTestId('record-annotation')).toHaveText('异议处理中');
  await c.screenshot('cases-subject-annotated-zh');
  await page.getByTestId('report-issue').click();
  await expect.poll(async () => pdfFlatText(await framePdf(page.getByTestId('report-preview-modal')))).toContain('异议标注');
  // The A4 preview opens over the counter; close it to go on.
  await page.keyboard.press('Escape');

  // The same objection cannot be taken twice: the record is offered, but disabled and labelled.
  await page.getByTestId('open-objection').click();
  await expect(page.getByTestId('objection-form').getByRole('checkbox', { name: record.documentNo })).toBeDisabled();
  await page.keyboard.press('Escape');
  await c.logout();

  // The manager: among due-soon cases; illegal steps are not offered; through to a decision.
  await c.loginAs('manager');
  const row = await findCase(c, caseNo);
  await c.screenshot('cases-queue-zh');
  await row.click();
  const casePage = page.getByTestId('case-page');
  await expect(casePage.getByTestId('case-no')).toHaveText(caseNo);
  await expect(casePage.getByTestId('case-state')).toHaveText('已受理');
  await expect(casePage.getByTestId('record-now-status')).toHaveText('异议处理中');
  // Two more managers have the same case open at other windows (one reads English); the first one
  // moves it on; their steps, decided on the case as it was, are refused by the core (CASE_CHANGED)
  // with a sentence saying who did what and when, and the page shows the case as it is now.
  const other = new ConsolePageClass(await page.context().newPage(), c.server);
  await other.loginAs('manager');
  await (await findCase(other, caseNo)).click();
  await expect(other.page.getByTestId('case-state')).toHaveText('已受理');
  const otherEn = new ConsolePageClass(await (await browser.newContext()).newPage(), c.server);
  await otherEn.loginAs('manager');
  await otherEn.page.getByTestId('language').click();
  await otherEn.page.getByTestId('nav-cases').click();
  await otherEn.page.getByTestId('queue-search').fill(caseNo);
  await otherEn.page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`).click();
  await expect(otherEn.page.getByTestId('case-state')).toHaveText('Accepted');
  await casePage.getByTestId('case-action-verify').first().click();
  await expect(casePage.getByTestId('case-state')).toHaveText('核查中');
  // The words the second manager typed are not lost with the refusal.
  await other.page.getByTestId('case-reason').fill('已调取处罚决定书原件。');
  await other.page.getByTestId('case-action-verify').first().click();
  await expect(other.page.getByTestId('case-page').getByTestId('error')).toHaveText(
    new RegExp(`^案件 ${caseNo} 在您打开后已由李科长于 ${TODAY} \\d{2}:\\d{2}（北京时间）办理：“异议：开始核查”。本次操作未执行，页面已显示案件的最新状态，请核对后再办理。$`),
  );
  await expect(other.page.getByTestId('case-state')).toHaveText('核查中');
  await expect(other.page.getByTestId('case-reason')).toHaveValue('已调取处罚决定书原件。');
  await other.screenshotAt('cases-case-changed-zh', [1024, 1366]);
  await otherEn.page.getByTestId('case-action-verify').first().click();
  await expect(otherEn.page.getByTestId('case-page').getByTestId('error')).toHaveText(
    new RegExp(`^Case ${caseNo} was changed after you opened it: "Objection verification started" by 李科长 at ${TODAY} \\d{2}:\\d{2} \\(Beijing time\\)\\. Nothing was done`),
  );
  await expect(otherEn.page.getByTestId('case-state')).toHaveText('Verifying');
  await otherEn.screenshotAt('cases-case-changed-en', [1024, 1366]);
  await otherEn.page.context().close();
  await other.page.close();
  await page.bringToFront();
  // A decision needs a reason: refused on the spot, the case stays where it is.
  await casePage.getByTestId('case-action-decide').click();
  await expect(casePage).toContainText('“作出决定”须填写理由。');
  await expect(casePage.getByTestId('case-state')).toHaveText('核查中');
  await c.screenshot('cases-case-page-zh');
  await casePage.getByTestId('case-reason').fill('经核查，处罚决定书内容与提供单位记录一致，维持原信息。');
  // A correction without its corrected content is refused at that field, not at the (filled) reason.
  await casePage.getByTestId('decide-outcome').click();
  await page.getByRole('option', { name: '更正', exact: true }).click();
  await casePage.getByTestId('case-action-decide').click();
  await expect(casePage.getByTestId('decide-content')).toHaveAttribute('aria-invalid', 'true');
  await expect(casePage).toContainText('更正或补充须填写更正后的内容。');
  await expect(casePage.getByTestId('case-reason')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(casePage.getByTestId('case-state')).toHaveText('核查中');
  await casePage.getByTestId('decide-outcome').click();
  await page.getByRole('option', { name: '维持' }).click();
  await casePage.getByTestId('case-action-decide').click();
  await expect(casePage.getByTestId('case-state')).toHaveText('已决定');
  await expect(casePage.getByTestId('case-outcome')).toContainText('维持');
  await expect(casePage.getByTestId('record-now-status')).toHaveText('正常');
  await casePage.getByTestId('case-action-notify').click();
  await expect(casePage.getByTestId('case-state')).toHaveText('已告知');
  await casePage.getByTestId('case-action-close').click();
  await expect(casePage.getByTestId('case-state')).toHaveText('已办结');
  await expect(casePage.getByTestId('case-no-actions')).toBeVisible();
  await expect(casePage.getByTestId('case-history')).toContainText('已告知 → 已办结');
  await c.screenshot('cases-case-closed-zh');

  // English: the same case page, labels not codes (the switch is in the header, behind the drawer).
  await page.keyboard.press('Escape');
  await page.getByTestId('language').click();
  // A closed case leaves the working queue; a search finds it whatever its state.
  await page.getByTestId('queue-due').getByText('All open').click();
  await page.getByTestId('queue-search').fill(caseNo);
  await expect(row).toBeVisible();
  await c.screenshot('cases-queue-en');
  await row.click();
  await expect(casePage.getByTestId('case-state')).toHaveText('Closed');
  await expect(casePage.getByTestId('record-now-status')).toHaveText('active');
  await c.screenshot('cases-case-closed-en');
  await page.keyboard.press('Escape');
  await page.getByTestId('language').click();
  await c.logout();

  // The clerk again: the annotation is gone.
  await c.loginAs('clerk');
  await c.lookup(person.subject.idNumber, person.subject.name, /本人了解/);
  await expect(page.getByTestId('subject-view')).toBeVisible();
  const after = await openPenalties(page, record.documentNo);
  await expect(after).toBeVisible();
  await expect(after.getByTestId('record-annotation')).toHaveCount(0);
});

test('credit repair: not yet eligible shows the earliest date; an eligible record is accepted with a receipt', async ({ consolePage: c, page }) => {
  const other = (b: typeof objector) => b.subject.kind === 'person' && b.subject.idNumber !== objector.subject.idNumber;
  const early = demoPersonWith((b) => other(b) && b.records.some((r) => penalty(r) && eligibility(r) === 'not_yet'));
  const earlyRecord = early.records.find((r) => penalty(r) && eligibility(r) === 'not_yet')!;
  const ready = demoPersonWith((b) => other(b) && b.records.some((r) => penalty(r) && eligibility(r) === 'eligible'));
  const readyRecord = ready.records.find((r) => penalty(r) && eligibility(r) === 'eligible')!;

  await c.loginAs('clerk');
  await c.lookup(early.subject.idNumber, early.subject.name, /本人了解/);
  await page.getByTestId('open-repair').click();
  await pick(page, 'repair-record', earlyRecord.documentNo);
  await expect(page.getByTestId('repair-eligibility')).toHaveAttribute('data-status', 'not_yet');
  await expect(page.getByTestId('repair-eligibility')).toContainText(/最早可于 \d{4}-\d{2}-\d{2} 申请/);
  await expect(page.getByTestId('repair-submit')).toBeDisabled();
  await c.screenshot('cases-repair-not-yet-zh');
  await page.keyboard.press('Escape');
  // English: the same dialogs (the language switch sits behind an open dialog).
  await page.getByTestId('language').click();
  await page.getByTestId('open-repair').click();
  await pick(page, 'repair-record', earlyRecord.documentNo);
  await expect(page.getByTestId('repair-eligibility')).toContainText(/earliest application on \d{4}-\d{2}-\d{2}/);
  await c.screenshot('cases-repair-not-yet-en');
  await page.keyboard.press('Escape');
  await page.getByTestId('open-objection').click();
  await page.getByTestId('objection-submit').click();
  await expect(page.getByTestId('objection-form')).toContainText('Choose at least one record the objection concerns.');
  await c.screenshot('cases-objection-errors-en');
  await page.keyboard.press('Escape');
  await page.getByTestId('language').click();
  await page.getByTestId('end-visit').click();

  await c.lookup(ready.subject.idNumber, ready.subject.name, /本人了解/);
  await page.getByTestId('open-repair').click();
  await pick(page, 'repair-record', readyRecord.documentNo);
  await expect(page.getByTestId('repair-eligibility')).toHaveAttribute('data-status', 'eligible');
  // Conditions unconfirmed: a plain sentence names what is missing; nothing is accepted.
  await page.getByTestId('repair-submit').click();
  await expect(page.getByTestId('repair-missing')).toContainText('已签署信用承诺书');
  await expect(page.getByTestId('receipt-preview')).toHaveCount(0);
  await page.getByTestId('repair-obligations').check();
  await page.getByTestId('repair-commitment').check();
  await c.screenshot('cases-repair-eligible-zh');
  await page.getByTestId('repair-submit').click();
  const receipt = page.getByTestId('receipt-preview');
  await expect(receipt).toBeVisible();
  const caseNo = ((await receipt.getByTestId('receipt-case-no').textContent()) ?? '').replace(/^.*[:：]\s*/, '').trim();
  expect(pdfFlatText(await framePdf(receipt))).toContain(caseNo);
  await receipt.getByTestId('pdf-print').click();
  await receipt.getByTestId('pdf-ask-yes').click();
  await expect(receipt.getByTestId('receipt-copies')).toHaveText('已打印 1 份');
  await c.screenshot('cases-repair-receipt-zh');
  await page.getByTestId('case-dialog-done').click();
  await c.logout();

  // The manager sees it under repairs and approves it with a reason.
  await c.loginAs('manager');
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('queue-kind').getByText('信用修复').click();
  await page.getByTestId('queue-search').fill(caseNo);
  await page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`).click();
  const casePage = page.getByTestId('case-page');
  await expect(casePage.getByTestId('case-state')).toHaveText('已受理');
  await expect(casePage.getByTestId('case-eligibility')).toContainText('已满足最短公示期');
  await casePage.getByTestId('case-reason').fill('已履行行政处罚决定，已提交信用承诺书，准予修复。');
  await casePage.getByTestId('case-action-approve').click();
  await expect(casePage.getByTestId('case-state')).toHaveText('准予修复');
  await expect(casePage.getByTestId('record-now-status')).toHaveText('已修复');
  await c.screenshot('cases-repair-approved-zh');

  // The queue's filters, answered by the core: state, received-date range, provider.
  await page.keyboard.press('Escape');
  await page.getByTestId('queue-search').fill('');
  const mine = page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`);
  await expect(mine).toBeHidden(); // decided cases leave the working queue
  await page.getByTestId('queue-states').click();
  await page.getByRole('option', { name: '准予修复' }).click();
  await page.keyboard.press('Escape');
  await expect(mine).toBeVisible();
  await page.getByTestId('queue-from').fill(TODAY);
  await expect(mine).toBeVisible();
  const [y, m, d] = TODAY.split('-').map(Number) as [number, number, number];
  const tomorrow = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  await page.getByTestId('queue-from').fill(tomorrow);
  await expect(page.getByTestId('queue-empty')).toBeVisible();
  await page.getByTestId('queue-from').fill('');
  await page.getByTestId('queue-provider').fill(readyRecord.providerUnit);
  await expect(mine).toBeVisible();
  await expect(page.getByTestId('queue-total')).toHaveText('共 1 件');
  await c.screenshot('cases-queue-filters-zh');
});

test('rule profile: the administrator picks the office rules; the manager sees which rules the queue counts by', async ({ consolePage: c, page }) => {
  await c.loginAs('admin');
  await page.getByTestId('nav-ruleProfile').click();
  await expect(page.getByTestId('profile-default')).toBeVisible();
  await expect(page.getByTestId('profile-save')).toBeDisabled();
  await page.getByTestId('profile-zhejiang').click();
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-saved')).toBeVisible();
  await c.screenshot('cases-rule-profile-zh');
  await page.getByTestId('language').click();
  await expect(page.getByTestId('rule-profile')).toContainText('Rules for objections and credit repair');
  await c.screenshot('cases-rule-profile-en');
  await page.getByTestId('language').click();
  await c.logout();

  // A case received under Zhejiang's rules offers the extension (up to 20 working days in total).
  const zj = demoPersonWith((b) => b.subject.kind === 'person' && b.subject.idNumber !== objector.subject.idNumber && b.records.some(penalty));
  const zjRecord = zj.records.find(penalty)!;
  await c.loginAs('clerk');
  await c.lookup(zj.subject.idNumber, zj.subject.name, /本人了解/);
  await page.getByTestId('open-objection').click();
  await page.getByTestId('objection-form').getByRole('checkbox', { name: zjRecord.documentNo }).check();
  await page.getByTestId('objection-description').fill('处罚金额与决定书不一致。');
  await page.getByTestId('objection-submit').click();
  const caseNo = ((await page.getByTestId('receipt-case-no').textContent()) ?? '').replace(/^.*[:：]\s*/, '').trim();
  expect(pdfFlatText(await framePdf(page.getByTestId('receipt-preview')))).toContain('经批准延长后最迟');
  await page.getByTestId('case-dialog-done').click();
  await c.logout();

  await c.loginAs('manager');
  await page.getByTestId('nav-cases').click();
  await expect(page.getByTestId('queue-rules')).toContainText('浙江');
  await page.getByTestId('queue-search').fill(caseNo);
  await page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`).click();
  const clock = page.getByTestId('case-clock');
  await expect(clock).toContainText('经批准延长后最迟');
  await expect(clock.getByTestId('clock-pause')).toHaveCount(0); // Zhejiang does not stop the clock
  await clock.getByTestId('clock-days').fill('20');
  await clock.getByTestId('clock-extend').click();
  await expect(clock).toContainText('延长时限或暂停计时须填写理由。');
  await clock.getByTestId('clock-reason').fill('案情复杂，需调取原始执法卷宗，经负责人批准延长。');
  await clock.getByTestId('clock-extend').click();
  await expect(clock).toContainText('已延长至共 20 个工作日');
  await c.screenshot('cases-clock-extended-zh');
  await page.keyboard.press('Escape');

  // Assign: tick the row, choose a person, the row and the workload name them.
  const row = page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`);
  await row.getByRole('checkbox').check();
  await page.getByTestId('queue-assignee').click();
  const who = ((await page.getByRole('option').first().textContent()) ?? '').trim();
  await page.getByRole('option').first().click();
  await page.getByTestId('queue-assign').click();
  await expect(row).toContainText(who);
  await expect(page.getByTestId('queue-workload')).toContainText(who);
  await c.logout();

  // Back to the default, so later journeys on this console count by the rules they expect.
  await c.loginAs('admin');
  await page.getByTestId('nav-ruleProfile').click();
  await page.getByTestId('profile-default').click();
  await page.getByTestId('profile-save').click();
  await expect(page.getByTestId('profile-saved')).toBeVisible();
});
