import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { TEST_PASSPHRASE } from '../support/core';
import { demoPersonWith } from './demoPeople';
import { ConsolePage, E2E_NOW, expect, startConsole, stopConsole, test } from './fixtures';
import { shootWidths } from './screens';

// Issue 23, a service hall on one machine's loopback: the office host (a demo office) on
// 127.0.23.31 and two joined workstations, each a window console of its own in its own Chromium
// context. A clerk at window 1 takes an objection with its receipt; the manager at window 2 finds
// it in the queue and decides it; window 1's sign-in copied to window 2 is refused; the auditor at
// window 2 reads window 1 in the query register and filters by it. The host stopped: the window
// says so above every screen; the host back on its address: the window reconnects.

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ADDRESS = '127.0.23.31';
const SHOTS = process.env.HALL_SHOTS_DIR ?? join(tmpdir(), 'creditdesk-hall-shots');
const objector = demoPersonWith((b) => b.subject.kind === 'person' && b.records.some((r) => r.category === 'admin_penalty' && r.status === 'active' && r.severity !== null && r.publicityEnd !== null && r.publicityEnd > '2026-11-18'));

test.describe.configure({ timeout: 300_000 });

interface HallHost {
  child: ChildProcess;
  port: number;
  windows: { number: number; dataDir: string }[];
}

/** The host process (tests/e2e/support/hallHost.ts); resolves once it printed its port. */
function startHallHost(dataDir: string, now: string, port?: number): Promise<HallHost> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'tests', 'e2e', 'support', 'hallHost.ts'), dataDir, now, ADDRESS, ...(port ? [String(port)] : [])], {
    cwd: root,
    env: { ...process.env, CREDITDESK_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve({ child, ...(JSON.parse(line) as Omit<HallHost, 'child'>) });
    });
    child.once('exit', (code) => reject(new Error(`the office host exited with ${code}:\n${err}`)));
  });
}

async function stopHallHost(h: HallHost): Promise<void> {
  if (h.child.exitCode !== null) return;
  const exited = new Promise((r) => h.child.once('exit', r));
  h.child.kill('SIGTERM');
  await exited;
}

/** Mantine's Select: open, pick, and wait until the choice shows in the field. */
async function pick(page: Page, testId: string, option: string) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

test('a service hall: window 1 takes an objection, window 2 decides it, the auditor sees both windows, and a stopped host is said and picked up again', async ({ browser }) => {
  mkdirSync(SHOTS, { recursive: true });
  const started = Date.now();
  const office = await startConsole({ demo: true });
  const passwords = office.server.passwords;
  await stopConsole(office.server, office.child, { keepDataDir: true });
  let host = await startHallHost(office.server.dataDir, E2E_NOW);
  const [w1, w2] = await Promise.all(host.windows.map((w) => startConsole({ demo: false, dataDir: w.dataDir, passphrase: TEST_PASSPHRASE })));
  const one = new ConsolePage(await (await browser.newContext()).newPage(), { ...w1!.server, passwords });
  const two = new ConsolePage(await (await browser.newContext()).newPage(), { ...w2!.server, passwords });
  try {
    // Window 1: the clerk takes an objection, with its receipt.
    const record = objector.records.find((r) => r.category === 'admin_penalty' && r.status === 'active' && r.severity !== null)!;
    await one.loginAs('clerk');
    await expect(one.page.getByTestId('window-badge')).toHaveText('1 号窗口');
    await one.lookup(objector.subject.idNumber, objector.subject.name, /本人了解/);
    await expect(one.page.getByTestId('subject-view')).toBeVisible();
    await one.page.getByTestId('open-objection').click();
    const form = one.page.getByTestId('objection-form');
    await form.getByRole('checkbox', { name: record.documentNo }).check();
    await form.getByTestId('objection-description').fill('处罚决定书载明的违法事实与本人情况不符，申请核查更正。');
    await pick(one.page, 'objection-scope', '信息错误');
    await form.getByTestId('objection-submit').click();
    const receipt = one.page.getByTestId('receipt-preview');
    await expect(receipt).toBeVisible();
    const caseNo = ((await receipt.getByTestId('receipt-case-no').textContent()) ?? '').replace(/^.*[:：]\s*/, '').trim();
    expect(caseNo).toMatch(/\d{8}/);
    await one.page.getByTestId('case-dialog-done').click();
    await shootWidths(one.page, SHOTS, 'hall-window1-counter-zh');

    // Window 2: the manager finds it in the queue at once and decides it.
    await two.loginAs('manager');
    await expect(two.page.getByTestId('window-badge')).toHaveText('2 号窗口');
    await two.page.getByTestId('nav-cases').click();
    await two.page.getByTestId('queue-search').fill(caseNo);
    const row = two.page.locator(`[data-testid="queue-row"][data-case-no="${caseNo}"]`);
    await row.click();
    const casePage = two.page.getByTestId('case-page');
    await expect(casePage.getByTestId('case-state')).toHaveText('已受理');
    await casePage.getByTestId('case-action-verify').first().click();
    await expect(casePage.getByTestId('case-state')).toHaveText('核查中');
    await casePage.getByTestId('case-reason').fill('经核查，处罚决定书内容与提供单位记录一致，维持原信息。');
    await pick(two.page, 'decide-outcome', '维持');
    await casePage.getByTestId('case-action-decide').click();
    await expect(casePage.getByTestId('case-state')).toHaveText('已决定');
    await two.page.keyboard.press('Escape');

    // The manager's dashboard at window 2: today's work per window, window 1's lookup and intake.
    await two.page.getByTestId('nav-dashboard').click();
    const byWindow = two.page.getByTestId('dashboard-by-window');
    await expect(byWindow.locator('[data-testid="dashboard-window-row"][data-window="1"]')).toContainText('1 号窗口');
    await shootWidths(two.page, SHOTS, 'hall-dashboard-by-window-zh');
    await two.page.getByTestId('language').click();
    await expect(byWindow.locator('[data-testid="dashboard-window-row"][data-window="1"]')).toContainText('Window 1');
    await shootWidths(two.page, SHOTS, 'hall-dashboard-by-window-en');
    await two.page.getByTestId('language').click();

    // The attack: window 1's sign-in, copied into window 2's console, is refused there.
    const stolen = await one.page.evaluate(() => (JSON.parse(sessionStorage.getItem('creditdesk.session') ?? '{}') as { token?: string }).token ?? '');
    const replay = await two.page.evaluate(async (token) => {
      const res = await fetch('/api/auth.whoami', { method: 'POST', headers: { 'content-type': 'application/json', 'x-creditdesk-session': token }, body: '{}' });
      return (await res.json()) as { ok: boolean; error?: { code: string; details?: { reason?: string } } };
    }, stolen);
    expect(replay).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED', details: { reason: 'other_window' } } });

    // The auditor at window 2: window 1 in the register, and the filter by window.
    await two.logout();
    await two.loginAs('auditor');
    await two.page.getByTestId('nav-querylog').click();
    const mine = two.page.getByTestId('querylog-row').filter({ has: two.page.getByTestId('querylog-window-cell') });
    await expect(mine.first()).toContainText('1 号窗口');
    await two.page.getByTestId('querylog-window').fill('2');
    await two.page.getByTestId('querylog-search').click();
    await expect(two.page.getByTestId('querylog-empty')).toBeVisible();
    await two.page.getByTestId('querylog-window').fill('1');
    await two.page.getByTestId('querylog-search').click();
    await expect(two.page.getByTestId('querylog-row').first()).toContainText('1 号窗口');
    await shootWidths(two.page, SHOTS, 'hall-window2-querylog-zh');
    // The audit log by window: window 1's events only (its clerk's sign-in and lookup among them).
    await two.page.getByTestId('nav-audit').click();
    await two.page.getByTestId('audit-filter-window').fill('1');
    await two.page.getByTestId('audit-search').click();
    await expect(two.page.getByTestId('audit-row').first()).toBeVisible();
    await shootWidths(two.page, SHOTS, 'hall-window2-audit-by-window-zh');
    await two.page.getByTestId('language').click();
    await shootWidths(two.page, SHOTS, 'hall-window2-audit-by-window-en');
    await two.page.getByTestId('language').click();

    // The host stops: window 1 says so above the screen and writes nothing of its own.
    await stopHallHost(host);
    await one.page.getByTestId('nav-dashboard').click();
    const banner = one.page.getByTestId('host-down');
    await expect(banner).toContainText('无法连接办公主机');
    await expect(banner).toContainText('不在本机保存任何数据');
    await shootWidths(one.page, SHOTS, 'hall-host-down-zh');
    await one.page.getByTestId('language').click();
    await expect(banner).toContainText('The office host cannot be reached');
    await expect(banner).toContainText('keeps nothing on this machine');
    await shootWidths(one.page, SHOTS, 'hall-host-down-en');
    await one.page.getByTestId('language').click();

    // Back on its address: the window reconnects without enrolling again.
    host = await startHallHost(office.server.dataDir, new Date(Date.parse(E2E_NOW) + (Date.now() - started)).toISOString(), host.port);
    await one.page.getByTestId('host-reconnect').click();
    await expect(banner).toHaveCount(0);
    await one.page.getByTestId('nav-counter').click();
    await expect(one.page.getByTestId('whoami')).toBeVisible();
  } finally {
    await one.page.context().close();
    await two.page.context().close();
    await stopConsole(w1!.server, w1!.child);
    await stopConsole(w2!.server, w2!.child);
    await stopHallHost(host);
  }
});
