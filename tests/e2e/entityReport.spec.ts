import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { idCheckChar } from '../../shared/validators/idNumber';
import { creditCode } from '../support/entityWorld';
import { pdfText } from '../support/pdf';
import { apiHeaders, E2E_NOW, expect, startConsole, stopConsole, test as shared, type ConsoleServer } from './fixtures';

// An entity's special report end to end (issue 24), until the counter has entity screens: the legal
// representative's lookup and the special report through the console's API as the counter will call
// them, the PDF read back with poppler, then the verify screen in Chinese and English, which must
// say that the number and code are a special report's, with its period and fields.

const root = process.cwd();
const NAME = '淄博市鲁中建设工程有限公司';
const SERIAL = 4242;
const REP_ID = `37030319800315001${idCheckChar('37030319800315001')}`;

const test = shared.extend<object, { server: ConsoleServer }>({
  server: [
    async ({}, use) => {
      const first = await startConsole({ demo: true });
      await stopConsole(first.server, first.child, { keepDataDir: true });
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'tests', 'e2e', 'support', 'seedEntity.ts'), first.server.dataDir, E2E_NOW, String(SERIAL), NAME, REP_ID], { cwd: root, env: { ...process.env, CREDITDESK_QUIET: '1' } });
      const again = await startConsole({ demo: true, dataDir: first.server.dataDir });
      await use({ ...again.server, passwords: first.server.passwords });
      await stopConsole(again.server, again.child);
    },
    { scope: 'worker', timeout: 300_000 },
  ],
});
test.describe.configure({ timeout: 180_000 });

async function api(server: ConsoleServer, method: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const res = await fetch(`${server.url.split('#')[0]!.replace(/\/$/, '')}/api/${method}`, {
    method: 'POST',
    headers: { ...apiHeaders(server), ...(token ? { 'x-creditdesk-session': token } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as { ok: boolean; value?: Record<string, unknown>; error?: unknown };
  if (!json.ok) throw new Error(`${method}: ${JSON.stringify(json.error)}`);
  return json.value!;
}

test('a special report for a bid: issued, read back, and told apart on the verify screen in Chinese and English', async ({ consolePage: c, page, server }) => {
  const session = (await api(server, 'auth.login', { username: 'clerk', password: server.passwords.clerk })) as { token: string };
  const visit = await api(server, 'counter.lookup', {
    subjectKind: 'entity', creditCode: creditCode(SERIAL), name: NAME, reportKind: 'special', purposeCode: 'bidding',
    applicant: { kind: 'legal_rep', idNumber: REP_ID, name: '王建国', licenceSighted: true },
  }, session.token);
  const visitId = visit.visitId as number;
  const options = await api(server, 'report.specialOptions', { visitId }, session.token);
  expect(options.freshness).toMatchObject({ stale: false });
  const issued = await api(server, 'report.issueSpecial', { visitId, fields: ['market_regulation', 'tax'] }, session.token);
  expect(issued.kind).toBe('special');
  const doc = (await api(server, 'report.preview', { reportId: issued.reportId, lang: 'zh' }, session.token)) as { pdfBase64: string };
  const text = pdfText(doc).replace(/\s+/g, '');
  expect(text).toContain('专项信用报告');
  expect(text).toMatch(/1\.市场监管.*未按规定公示年度报告.*2\.税务.*该主体在上述期间内于本领域无违法违规记录/);
  await api(server, 'auth.logout', {}, session.token);

  await c.loginAs('clerk');
  await page.getByTestId('nav-verify').click();
  await page.getByTestId('verify-no').fill(issued.reportNo as string);
  await page.getByTestId('verify-code').fill(issued.verifyCode as string);
  await page.getByTestId('verify-submit').click();
  await expect(page.getByTestId('verify-result')).toHaveAttribute('data-genuine', 'true');
  await expect(page.getByTestId('verify-kind')).toHaveAttribute('data-kind', 'special');
  await expect(page.getByTestId('verify-result')).toContainText('专项信用报告');
  await expect(page.getByTestId('verify-result')).toContainText('市场监管 1；税务 0');
  await c.screenshotAt('verify-special-zh', [1024, 1366]);
  await page.getByTestId('language').click();
  await expect(page.getByTestId('verify-result')).toContainText('Special credit report');
  await expect(page.getByTestId('verify-result')).toContainText('Market regulation 1；Tax 0');
  await c.screenshotAt('verify-special-en', [1024, 1366]);
});
