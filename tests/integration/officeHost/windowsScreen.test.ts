// Issue 23, the Windows / 窗口 screen's methods through the contract, as the renderer calls them:
// a real office on a real SQLCipher file, a real office host on this file's own loopback address
// (127.0.23.20, port 0) and real workstations joining it. Every refusal changes nothing; every
// change is an audit event naming the administrator; a revoke cuts the window's open connection.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { TLSSocket } from 'node:tls';
import { serveOfficeHost } from '../../../electron/host/serveOfficeHost';
import type { RunningOfficeHost } from '../../../electron/host/officeHost';
import { pinnedConnect } from '../../../electron/office/hostConnection';
import { joinOffice } from '../../../electron/office/joinOffice';
import { readWindowIdentity } from '../../../electron/office/windowIdentity';
import type { ApiResult } from '../../../shared/errors';
import { parseJoinCode } from '../../../shared/domain/officeWindow';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { openTestCore, type TestCore } from '../../support/core';
import { testWorkstation } from '../../support/officeWindow';

const ADDRESS = '127.0.23.20';
let core: TestCore;
let admin: string;
let host: (RunningOfficeHost & { pin: string }) | null = null;

before(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  admin = (await core.loginAs('admin', 'winadmin')).token;
});
after(async () => {
  await host?.close();
  await core.dispose();
});

/** What a refusal must leave as it was: windows, codes and the audit trail. */
async function officeState(): Promise<string> {
  const rows = await Promise.all(
    ['SELECT * FROM office_window ORDER BY id', 'SELECT id, used_at FROM window_enrollment_code ORDER BY id', 'SELECT count(*) AS n FROM audit_event WHERE action LIKE \'window.%\''].map((q) => core.ctx.db.all(q)),
  );
  return JSON.stringify(rows);
}

/** The call must be refused with `code` (and `reason`), in both languages, and change nothing. */
async function refusedUnchanged(run: () => Promise<ApiResult<unknown>>, code: string, reason?: string): Promise<{ zh: string; en: string }> {
  const before = await officeState();
  const r = await run();
  assert.ok(!r.ok, 'expected a refusal');
  assert.equal(r.error.code, code, r.error.message);
  if (reason) assert.equal(r.error.details?.reason, reason, r.error.message);
  assert.equal(await officeState(), before, 'a refusal changes nothing');
  return { zh: errorMessage(r.error, 'zh'), en: errorMessage(r.error, 'en') };
}

async function lastWindowEvent(): Promise<{ action: string; actor: string | null; target: string | null; detail: Record<string, unknown> }> {
  const row = await core.ctx.db.get<{ action: string; actor: string | null; target: string | null; detail: string }>(
    "SELECT action, actor, target, detail FROM audit_event WHERE action LIKE 'window.%' ORDER BY seq DESC LIMIT 1",
  );
  assert.ok(row, 'an audit event');
  return { ...row, detail: JSON.parse(row.detail) as Record<string, unknown> };
}

/** Enrolls window `number` through the screen's method and joins a fresh workstation with the code. */
async function joined(number: number, name: string, replace = false) {
  const code = await core.ok('windows.enroll', { number, name, replace }, admin);
  const ws = await testWorkstation();
  const identity = await joinOffice(ws.dir, ws.seal, code.code);
  return { ws, identity, code };
}

test('only the administrator manages windows: a clerk and an auditor are refused', async () => {
  for (const role of ['clerk', 'auditor', 'manager'] as const) {
    const token = (await core.loginAs(role)).token;
    await refusedUnchanged(() => core.call('windows.enroll', { number: 1, name: '1 号窗口' }, token), 'FORBIDDEN');
    await refusedUnchanged(() => core.call('windows.list', {}, token), 'FORBIDDEN');
  }
});

test('before the host has ever served, the list says so and a code is refused plainly', async () => {
  const list = await core.ok('windows.list', {}, admin);
  assert.deepEqual(list, { windows: [], hostListen: null });
  const said = await refusedUnchanged(() => core.call('windows.enroll', { number: 3, name: '3 号窗口' }, admin), 'ENROLLMENT_REFUSED', 'host_not_started');
  assert.match(said.zh, /办公主机尚未启动过/);
  assert.match(said.en, /has not served yet/);
});

test('a code for window 3: the short code, the whole code and its QR (read back by zbar) hold the same secret; audited', async () => {
  host = await serveOfficeHost(core.ctx, ADDRESS, 0);
  const code = await core.ok('windows.enroll', { number: 3, name: '  3 号窗口 ' }, admin);
  assert.equal(code.name, '3 号窗口');
  assert.equal(code.expiresAt, '2026-11-20T02:10:00.000Z', 'ten minutes of the office clock');
  assert.equal(code.host, `${ADDRESS}:${host.port}`);
  assert.equal(code.pinShort, host.pin.slice(0, 16));
  const parsed = parseJoinCode(code.code);
  assert.equal(parsed.secret, code.shortCode.replace(/-/g, ''));
  assert.equal(parsed.pin, host.pin);

  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-qr-'));
  try {
    const png = join(dir, 'code.png');
    writeFileSync(png, Buffer.from(code.qrPngBase64, 'base64'));
    assert.equal(execFileSync('zbarimg', ['--quiet', '--raw', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(), code.code);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  assert.deepEqual((await core.ok('windows.list', {}, admin)).hostListen, `${ADDRESS}:${host.port}`);
  const event = await lastWindowEvent();
  assert.equal(event.action, 'window.enrollment_code');
  assert.equal(event.actor, 'winadmin');
  assert.deepEqual(event.detail, { number: 3, name: '3 号窗口', expiresAt: '2026-11-20T02:10:00.000Z' });
  // The secret is not in the audit trail either: only its window and expiry.
  assert.ok(!JSON.stringify(event).includes(parsed.secret));
});

test('a bad number or name is refused in both languages and makes no code', async () => {
  // The window's own sentence, not the schema's generic "this field is required".
  for (const number of [0, 1.5, 1000]) {
    const said = await refusedUnchanged(() => core.call('windows.enroll', { number, name: 'x' }, admin), 'VALIDATION', 'window_number');
    assert.equal(said.zh, '窗口号应为 1 至 999 的整数。');
    assert.equal(said.en, 'A window number is a whole number from 1 to 999.');
  }
  const blank = await refusedUnchanged(() => core.call('windows.enroll', { number: 4, name: '   ' }, admin), 'VALIDATION', 'window_name');
  assert.match(blank.zh, /窗口名称应为 1 至 40 个字符/);
  assert.match(blank.en, /1 to 40 characters/);
  await refusedUnchanged(() => core.call('windows.enroll', { number: 4, name: 'x'.repeat(41) }, admin), 'VALIDATION', 'window_name');
});

test('the list shows an enrolled window, its last contact, and nobody signed in at it yet', async () => {
  const { identity } = await joined(7, '7 号窗口');
  const w = (await core.ok('windows.list', {}, admin)).windows.find((x) => x.id === identity.windowId);
  assert.deepEqual(w, { id: identity.windowId, number: 7, name: '7 号窗口', status: 'active', enrolledAt: '2026-11-20T02:00:00.000Z', lastContactAt: null, loggedIn: [] });
});

test("a number held by a workstation is refused unless the administrator confirms the replacement", async () => {
  const { identity } = await joined(8, '8 号窗口');
  const said = await refusedUnchanged(() => core.call('windows.enroll', { number: 8, name: '新 8 号' }, admin), 'CONFLICT', 'window_number_taken');
  assert.match(said.zh, /该窗口号已有注册的工作站/);
  const { identity: second } = await joined(8, '新 8 号', true);
  const rows = (await core.ok('windows.list', {}, admin)).windows;
  assert.equal(rows.find((x) => x.id === identity.windowId)?.status, 'revoked', 'the old workstation is revoked when the new one joins');
  assert.equal(rows.find((x) => x.id === second.windowId)?.status, 'active');
});

test('rename, disable and enable are audited with the administrator; a bad name or an unknown window changes nothing', async () => {
  const { identity } = await joined(9, '9 号窗口');
  const id = identity.windowId;
  assert.equal((await core.ok('windows.rename', { id, name: '综合窗口' }, admin)).name, '综合窗口');
  assert.deepEqual(await lastWindowEvent(), { action: 'window.rename', actor: 'winadmin', target: `window:${id}`, detail: { number: 9, fromName: '9 号窗口', toName: '综合窗口' } });
  await refusedUnchanged(() => core.call('windows.rename', { id, name: '' }, admin), 'VALIDATION', 'window_name');

  assert.equal((await core.ok('windows.disable', { id }, admin)).status, 'disabled');
  assert.deepEqual(await lastWindowEvent(), { action: 'window.disable', actor: 'winadmin', target: `window:${id}`, detail: { number: 9 } });
  assert.equal((await core.ok('windows.enable', { id }, admin)).status, 'active');
  assert.equal((await lastWindowEvent()).action, 'window.enable');

  const unknown = await refusedUnchanged(() => core.call('windows.revoke', { id: '00000000-0000-4000-8000-000000000000' }, admin), 'NOT_FOUND', 'window_unknown');
  assert.match(unknown.zh, /没有这个已注册的窗口/);
  await refusedUnchanged(() => core.call('windows.disable', { id: 'not-an-id' }, admin), 'VALIDATION');
});

test('the attack: a window revoked from the screen while its connection is open is cut at once, and stays out', async () => {
  const { ws, identity } = await joined(11, '11 号窗口');
  const stored = (await readWindowIdentity(ws.dir, ws.seal))!;
  const client = { keyPem: stored.keyPem, certPem: stored.identity.certificatePem };
  const socket: TLSSocket = await pinnedConnect({ ...stored.identity.host, client });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));

  assert.equal((await core.ok('windows.revoke', { id: identity.windowId }, admin)).status, 'revoked');
  await closed; // the host destroyed the open connection when the revoke committed
  assert.deepEqual(await lastWindowEvent(), { action: 'window.revoke', actor: 'winadmin', target: `window:${identity.windowId}`, detail: { number: 11 } });

  // A new connection is refused at the handshake (or its request is answered 403).
  const retry = await pinnedConnect({ ...stored.identity.host, client }).then(
    (s) => new Promise<string>((resolve) => {
      let text = '';
      s.on('data', (d: Buffer) => (text += d.toString('utf8')));
      s.once('close', () => resolve(text));
      s.write(`GET /identity HTTP/1.1\r\nHost: ${ADDRESS}\r\n\r\n`);
    }),
    () => '',
  );
  assert.doesNotMatch(retry, /^HTTP\/1\.1 200/);

  // A revoked window is revoked for good: nothing more may change it.
  const said = await refusedUnchanged(() => core.call('windows.enable', { id: identity.windowId }, admin), 'CONFLICT', 'window_revoked');
  assert.match(said.en, /revoked/);
});
