// Issue 23, the contract over the office host: two joined workstations (windows 1 and 2) call the
// office's one dispatcher through their relays (electron/host/windowRelay.ts) over pinned mutual
// TLS, on this file's own loopback address. A session belongs to the window it was opened at; every
// visit, query-log row and audit event names its window; the auditor sees and filters by window.
import assert from 'node:assert/strict';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { createAccount } from '../../../electron/services/access/accountsService';
import { serveOfficeHost } from '../../../electron/host/serveOfficeHost';
import type { RunningOfficeHost } from '../../../electron/host/officeHost';
import { windowRelay, type WindowRelay } from '../../../electron/host/windowRelay';
import { openConsoleBackend } from '../../../electron/host/consoleBackend';
import { claimDataDir, readOwnerRecord } from '../../../electron/db/dataDirOwner';
import { joinOffice } from '../../../electron/office/joinOffice';
import { readWindowIdentity } from '../../../electron/office/windowIdentity';
import type { ApiResult } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { auditDetailFields } from '../../../shared/i18n/auditLabels';
import { TEST_PASSWORD, TEST_UNLOCK } from '../../support/core';
import { testWorkstation } from '../../support/officeWindow';
import { openWorld, person, record, type World } from '../report/world';
import { pdfText } from '../../support/pdf';

const ADDRESS = '127.0.23.30';
let w: World;
let host: (RunningOfficeHost & { pin: string }) | null = null;
const relays: WindowRelay[] = [];

/**
 * A workstation joined as window `number`, and its relay: the console it would serve calls this.
 * `via`: the relay reaches the host through this port instead (a link that can drop).
 */
async function windowAt(number: number, via?: { address: string; port: number }): Promise<WindowRelay & { windowId: string }> {
  const admin = (await w.core.loginAs('admin')).token;
  const code = await w.core.ok('windows.enroll', { number, name: `${number} 号窗口` }, admin);
  const ws = await testWorkstation();
  await joinOffice(ws.dir, ws.seal, code.code);
  const identity = (await readWindowIdentity(ws.dir, ws.seal))!;
  const relay = windowRelay(via ? { ...identity, identity: { ...identity.identity, host: { ...identity.identity.host, ...via } } } : identity);
  relays.push(relay);
  return { ...relay, windowId: identity.identity.windowId };
}

/** A call through a window, as its renderer makes it. */
async function through<T>(win: WindowRelay, method: string, input: unknown, token?: string): Promise<ApiResult<T>> {
  return (await win.dispatch(method, input, token ? { token } : {})) as ApiResult<T>;
}
async function okThrough<T>(win: WindowRelay, method: string, input: unknown, token?: string): Promise<T> {
  const r = await through<T>(win, method, input, token);
  assert.ok(r.ok, `${method}: ${r.ok ? '' : `${r.error.code} ${r.error.message}`}`);
  return r.value;
}

async function staff(role: 'clerk' | 'auditor' | 'manager', username: string): Promise<{ username: string; password: string }> {
  await createAccount(w.core.ctx, null, { username, displayName: username, role, password: TEST_PASSWORD });
  return { username, password: TEST_PASSWORD };
}

let one: Awaited<ReturnType<typeof windowAt>>;
let two: Awaited<ReturnType<typeof windowAt>>;

before(async () => {
  w = await openWorld();
  host = await serveOfficeHost(w.core.ctx, ADDRESS, 0);
  one = await windowAt(1);
  two = await windowAt(2);
});
after(async () => {
  for (const r of relays) r.close();
  await host?.close();
  await w.core.dispose();
});

test("a clerk at window 1 looks a person up through the host: the visit, the query-log row and the audit events name window 1; the auditor at window 2 sees it and filters by window", async () => {
  const p = person(61, '郑一');
  await w.seed(p);
  const clerk = await okThrough<{ token: string }>(one, 'auth.login', await staff('clerk', 'hall-clerk'));
  const found = await okThrough<{ visitId: number }>(one, 'counter.lookup', { idNumber: p.subject.idNumber, name: p.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk.token);
  const visit = await w.core.ctx.db.get<{ window_number: number; window_id: string }>('SELECT window_number, window_id FROM visit WHERE id = ?', [found.visitId]);
  assert.deepEqual(visit, { window_number: 1, window_id: one.windowId });
  const logged = await w.core.ctx.db.get<{ window_number: number; window_id: string }>('SELECT window_number, window_id FROM query_log WHERE visit_id = ?', [found.visitId]);
  assert.deepEqual(logged, { window_number: 1, window_id: one.windowId });
  const events = await w.core.ctx.db.all<{ action: string; detail: string }>("SELECT action, detail FROM audit_event WHERE actor = 'hall-clerk' ORDER BY seq");
  assert.deepEqual(events.map((e) => e.action), ['auth.login', 'row.visit', 'row.query_log', 'counter.lookup']);
  for (const e of events) assert.equal((JSON.parse(e.detail) as { window?: number }).window, 1, e.action);

  // The auditor, at the other window, reads the register: window 1 named, and the filter by window.
  const auditor = await okThrough<{ token: string }>(two, 'auth.login', await staff('auditor', 'hall-auditor'));
  const page = await okThrough<{ rows: { visitId: number; windowNumber: number | null }[] }>(two, 'querylog.list', { cursor: null, limit: 50 }, auditor.token);
  assert.equal(page.rows.find((r) => r.visitId === found.visitId)?.windowNumber, 1);
  const atTwo = await okThrough<{ rows: unknown[] }>(two, 'querylog.list', { cursor: null, limit: 50, windowNumber: 2 }, auditor.token);
  assert.equal(atTwo.rows.length, 0);
  const atOne = await okThrough<{ rows: { visitId: number }[] }>(two, 'querylog.list', { cursor: null, limit: 50, windowNumber: 1 }, auditor.token);
  assert.deepEqual(atOne.rows.map((r) => r.visitId), [found.visitId]);
  // The audit screen shows the window on each of the clerk's events, in words.
  const audit = await okThrough<{ rows: { action: string; detail: Record<string, unknown> }[] }>(two, 'audit.list', { cursor: null, limit: 20, actor: 'hall-clerk' }, auditor.token);
  const lookup = audit.rows.find((r) => r.action === 'counter.lookup')!;
  assert.ok(auditDetailFields(lookup.detail, 'zh').some(([label, value]) => label === '窗口号' && value === '1'));
  // The administrator's list says who is signed in at each window.
  const admin = (await w.core.loginAs('admin')).token;
  const listed = await w.core.ok('windows.list', {}, admin);
  assert.deepEqual(listed.windows.find((x) => x.id === one.windowId)?.loggedIn, ['hall-clerk']);
  assert.deepEqual(listed.windows.find((x) => x.id === two.windowId)?.loggedIn, ['hall-auditor']);
});

test('a report and a receipt made at window 1 say so on paper: 第 1 号窗口', async () => {
  const p = person(63, '孙三', (c) => [record(c, { category: 'admin_penalty', severity: 'minor', title: '窗口处罚', publicityEnd: '2027-06-01' })]);
  await w.seed(p);
  const clerk = await okThrough<{ token: string }>(one, 'auth.login', await staff('clerk', 'paper-clerk'));
  const { visitId } = await okThrough<{ visitId: number }>(one, 'counter.lookup', { idNumber: p.subject.idNumber, name: p.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk.token);
  const issued = await okThrough<{ reportId: number }>(one, 'report.issue', { visitId }, clerk.token);
  const report = pdfText(await okThrough<{ pdfBase64: string }>(one, 'report.preview', { reportId: issued.reportId, lang: 'zh' }, clerk.token));
  assert.match(report.replace(/\s+/g, ''), /出具机构.*（[\d-]+）第1号窗口/);
  const recordId = (await w.core.ctx.db.get<{ id: number }>('SELECT id FROM record WHERE title = ?', ['窗口处罚']))!.id;
  const intake = await okThrough<{ receipt: { pdfBase64: string } }>(one, 'objection.intake', { visitId, recordIds: [recordId], scope: 'wrong', description: '处罚对象有误' }, clerk.token);
  assert.match(pdfText(intake.receipt).replace(/\s+/g, ''), /受理窗口：第1号窗口/);
  // The office's own console prints no window.
  const local = (await w.core.loginAs('clerk')).token;
  const own = await w.core.ok('counter.lookup', { idNumber: p.subject.idNumber, name: p.subject.name, applicant: { kind: 'self' }, purposeCode: 'loan_application' }, local);
  const ownReport = await w.core.ok('report.issue', { visitId: own.visitId }, local);
  assert.doesNotMatch(pdfText(await w.core.ok('report.preview', { reportId: ownReport.reportId, lang: 'zh' }, local)), /号窗口/);
});

test('the attack: a session token copied to another window, or replayed on the host without a certificate, is refused and audited; at its own window it still works', async () => {
  const clerk = await okThrough<{ token: string }>(one, 'auth.login', await staff('clerk', 'copied-clerk'));
  const before = await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM visit');
  const copied = await through(two, 'auth.whoami', {}, clerk.token);
  assert.ok(!copied.ok);
  assert.equal(copied.error.code, 'UNAUTHENTICATED');
  assert.equal(copied.error.details?.reason, 'other_window');
  assert.match(errorMessage(copied.error, 'zh'), /另一个窗口/);
  assert.match(errorMessage(copied.error, 'en'), /another window/);
  // The host's own console (browser mode on the host) is not window 1 either.
  const local = await w.core.call('auth.whoami', {}, clerk.token);
  assert.ok(!local.ok);
  assert.equal(local.error.details?.reason, 'other_window');
  const refusals = await w.core.ctx.db.all<{ detail: string }>("SELECT detail FROM audit_event WHERE action = 'auth.session_refused' AND target = 'copied-clerk' ORDER BY seq");
  assert.deepEqual(refusals.map((r) => JSON.parse(r.detail) as unknown), [
    { reason: 'other_window', openedAt: 1, usedAt: 2 },
    { reason: 'other_window', openedAt: 1, usedAt: null },
  ]);
  assert.deepEqual(await w.core.ctx.db.get('SELECT count(*) AS n FROM visit'), before);
  const own = await okThrough<{ username: string }>(one, 'auth.whoami', {}, clerk.token);
  assert.equal((own as unknown as { account: { username: string } }).account.username, 'copied-clerk');
});

test("a window revoked while its clerk is logged in: the next call is refused and says why; the other window goes on", async () => {
  const three = await windowAt(3);
  const clerk = await okThrough<{ token: string }>(three, 'auth.login', await staff('clerk', 'revoked-clerk'));
  await okThrough(three, 'auth.whoami', {}, clerk.token);
  const admin = (await w.core.loginAs('admin')).token;
  await w.core.ok('windows.revoke', { id: three.windowId }, admin);
  const after = await through(three, 'auth.whoami', {}, clerk.token);
  assert.ok(!after.ok);
  assert.equal(after.error.code, 'WINDOW_REFUSED');
  assert.match(errorMessage(after.error, 'zh'), /吊销或停用/);
  assert.ok((await through(one, 'auth.status', {})).ok);
});

test('the host stopped: the window says it cannot be reached and writes nothing; restarted on its address, the window works again without re-enrolling', async () => {
  const clerk = await okThrough<{ token: string }>(one, 'auth.login', await staff('clerk', 'restart-clerk'));
  const port = host!.port;
  await host!.close();
  const down = await through(one, 'auth.whoami', {}, clerk.token);
  assert.ok(!down.ok);
  assert.equal(down.error.code, 'HOST_UNREACHABLE');
  assert.match(errorMessage(down.error, 'zh'), /无法连接办公主机/);
  host = await serveOfficeHost(w.core.ctx, ADDRESS, port);
  const back = await okThrough<{ account: { username: string } }>(one, 'auth.whoami', {}, clerk.token);
  assert.equal(back.account.username, 'restart-clerk');
});

/**
 * A link between a window and the host that passes the TLS bytes through untouched (the pin still
 * holds) and, when armed, cuts the connection as the host's next answer comes back: the host did
 * the work, the window never heard.
 */
function droppingLink(to: { address: string; port: number }): Promise<{ server: Server; port: number; dropNextAnswer(opts?: { thenDown: boolean }): void; up(): void }> {
  let armed = false;
  let goDown = false;
  let down = false;
  const server = createServer((client: Socket) => {
    if (down) return void client.destroy();
    const upstream = connect(to.port, to.address);
    client.pipe(upstream);
    upstream.on('data', (chunk: Buffer) => {
      if (armed) {
        armed = false;
        down = goDown;
        client.destroy();
        upstream.destroy();
      } else client.write(chunk);
    });
    const end = () => { client.destroy(); upstream.destroy(); };
    client.on('error', end).on('close', end);
    upstream.on('error', end).on('close', end);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.23.32', () =>
      resolve({
        server,
        port: (server.address() as { port: number }).port,
        dropNextAnswer: (opts) => {
          armed = true;
          goDown = opts?.thenDown ?? false;
        },
        up: () => (down = false),
      }),
    ),
  );
}

test('the link drops after the host did the work: the relay sends the same call again and gets the first answer; with the host gone, the same call sent once it is back is answered as the first; one statement each', async () => {
  const link = await droppingLink({ address: ADDRESS, port: host!.port });
  const win = await windowAt(4, { address: '127.0.23.32', port: link.port });
  try {
    const p = person(62, '王二');
    await w.seed(p);
    const clerk = await okThrough<{ token: string }>(win, 'auth.login', await staff('clerk', 'dropped-clerk'));
    const visit = await okThrough<{ visitId: number }>(win, 'counter.lookup', { idNumber: p.subject.idNumber, name: p.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk.token);
    link.dropNextAnswer();
    const made = await okThrough<{ id: number }>(win, 'statement.create', { visitId: visit.visitId, recordId: null, text: '本人信用良好。' }, clerk.token);
    const rows = await w.core.ctx.db.all<{ id: number }>('SELECT id FROM statement WHERE visit_id = ?', [visit.visitId]);
    assert.deepEqual(rows.map((r) => r.id), [made.id], 'one statement, the one the window was told of');
    assert.equal((await w.core.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM window_call WHERE method = 'statement.create'"))!.n, 1);

    // The host gone after doing the work: the window says it cannot be reached (it cannot know
    // whether the statement was taken). The clerk presses the same button once the host is back,
    // and is told of the statement taken the first time; there is still one.
    const text = '罚款已缴清，特此说明。';
    link.dropNextAnswer({ thenDown: true });
    const lost = await through(win, 'statement.create', { visitId: visit.visitId, recordId: null, text }, clerk.token);
    assert.ok(!lost.ok);
    assert.equal(lost.error.code, 'HOST_UNREACHABLE');
    link.up();
    const again = await okThrough<{ id: number }>(win, 'statement.create', { visitId: visit.visitId, recordId: null, text }, clerk.token);
    const taken = await w.core.ctx.db.all<{ id: number }>('SELECT id FROM statement WHERE visit_id = ? AND text = ?', [visit.visitId, text]);
    assert.deepEqual(taken.map((r) => r.id), [again.id]);
  } finally {
    // The relay's kept-alive connections first, or the link would wait for them to time out.
    win.close();
    await new Promise((r) => link.server.close(r));
  }
});

test('a call key sent again for another method is refused, not answered with the first answer', async () => {
  await windowAt(5);
  const ctxWindow = { id: (await w.core.ctx.db.get<{ id: string }>('SELECT id FROM office_window WHERE number = 5 AND status = ?', ['active']))!.id, number: 5 };
  const { answeredOnce } = await import('../../../electron/api/windowCalls');
  const { createDispatcher } = await import('../../../electron/api/dispatcher');
  const dispatch = answeredOnce(w.core.ctx, createDispatcher(w.core.ctx));
  const key = 'k'.repeat(24);
  assert.ok((await dispatch('auth.status', {}, { window: ctxWindow, callKey: key })).ok);
  const other = await dispatch('auth.whoami', {}, { window: ctxWindow, callKey: key });
  assert.ok(!other.ok && other.error.details?.reason === 'call_key_reused');
});

test("the desktop app's backend on a joined workstation is the relay to the host: auth.status names the window; closing it gives the data directory back", async () => {
  const admin = (await w.core.loginAs('admin')).token;
  const code = await w.core.ok('windows.enroll', { number: 6, name: '6 号窗口' }, admin);
  const ws = await testWorkstation();
  await joinOffice(ws.dir, ws.seal, code.code);
  const claim = await claimDataDir(ws.dir, { role: 'desktop' });
  const backend = await openConsoleBackend({ dataDir: ws.dir, demo: false, unlock: TEST_UNLOCK, claim });
  try {
    assert.equal(backend.window?.number, 6);
    const status = await backend.dispatch('auth.status', {}, {});
    assert.ok(status.ok);
    assert.deepEqual((status.value as { window?: unknown }).window, { number: 6, name: '6 号窗口' });
  } finally {
    await backend.close();
  }
  assert.equal(readOwnerRecord(ws.dir), null);
});
