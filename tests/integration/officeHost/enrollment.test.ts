// Issue 23, the office host's foundation, written as the attacks: real TLS 1.3 on loopback (this
// file's own 127.0.23.x addresses, port 0), a real office on a real SQLCipher file, real
// workstations with their own data directories. Every wait is on an event, never a sleep.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type AddressInfo } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import { after, before, test } from 'node:test';
import { serveOfficeHost } from '../../../electron/host/serveOfficeHost';
import type { RunningOfficeHost } from '../../../electron/host/officeHost';
import { pinnedConnect, requestOver } from '../../../electron/office/hostConnection';
import { greetOfficeHost, joinOffice } from '../../../electron/office/joinOffice';
import { readWindowIdentity, WINDOW_FILE } from '../../../electron/office/windowIdentity';
import { EC_P256, newEcKeyPair, privateKeyPem, x509 } from '../../../electron/office/x509';
import { changeWindow, createEnrollmentCode, listWindows } from '../../../electron/services/office/windowService';
import { readSealedKeyFile } from '../../../electron/keys/officeSeal';
import { verifyAuditChain } from '../../../electron/services/audit/auditService';
import type { AuditRow } from '../../../shared/contract';
import { auditActionLabel, auditTargetText } from '../../../shared/i18n/auditLabels';
import { AppError } from '../../../shared/errors';
import { formatJoinCode, parseJoinCode } from '../../../shared/domain/officeWindow';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { openTestCore, type TestCore } from '../../support/core';
import { unreadableAuditRows } from '../../support/auditReading';
import { observedError } from '../../support/errorCoverage';
import { testWorkstation } from '../../support/officeWindow';

const ADDRESS = '127.0.23.1';
let core: TestCore;
let host: RunningOfficeHost & { pin: string };

before(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  host = await serveOfficeHost(core.ctx, ADDRESS, 0);
});
after(async () => {
  await host.close();
  await core.dispose();
});

/** Runs `fn`, which must fail with `code` (and `reason`); the error is returned for more checks. */
async function refused(fn: () => Promise<unknown>, code: string, reason?: string): Promise<AppError> {
  try {
    await fn();
  } catch (err) {
    assert.ok(err instanceof AppError, `expected an AppError, got ${String(err)}`);
    observedError(err.code);
    observedError(err.details?.reason);
    assert.equal(err.code, code, err.message);
    if (reason) assert.equal(err.details?.reason, reason, err.message);
    return err;
  }
  assert.fail(`expected ${code}${reason ? ` (${reason})` : ''}`);
}

async function auditActions(): Promise<string[]> {
  return (await core.ctx.db.all<{ action: string }>('SELECT action FROM audit_event ORDER BY seq')).map((r) => r.action);
}

async function enrolled(number: number) {
  const ws = await testWorkstation();
  const code = await createEnrollmentCode(core.ctx, null, { number });
  const identity = await joinOffice(ws.dir, ws.seal, code.code);
  return { ws, identity, code };
}

/** A raw kept-alive connection with the window's certificate, after one answered request. */
async function openWindowConnection(ws: { dir: string; seal: Buffer }): Promise<TLSSocket> {
  const joined = (await readWindowIdentity(ws.dir, ws.seal))!;
  const socket = await pinnedConnect({ ...joined.identity.host, client: { keyPem: joined.keyPem, certPem: joined.identity.certificatePem } });
  const answered = new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString('utf8'))));
  socket.write(`GET /identity HTTP/1.1\r\nHost: ${ADDRESS}\r\n\r\n`);
  assert.match(await answered, /^HTTP\/1\.1 200/);
  return socket;
}

test('enrollment end to end: the window makes its key, gets a certificate naming it, pins the host and is greeted', async () => {
  const code = await createEnrollmentCode(core.ctx, null, { number: 3, name: '3 号窗口' });
  assert.equal(code.expiresAt, '2026-11-20T02:10:00.000Z', 'ten minutes of the office clock');
  assert.match(code.shortCode, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  assert.deepEqual(parseJoinCode(code.code), { address: ADDRESS, port: host.port, pin: host.pin, secret: code.shortCode.replace(/-/g, '') });
  // The code is kept hashed: its secret is nowhere in the office file.
  const stored = await core.ctx.db.all<Record<string, unknown>>('SELECT * FROM window_enrollment_code');
  assert.ok(!JSON.stringify(stored).includes(code.shortCode.replace(/-/g, '')));

  const ws = await testWorkstation();
  const identity = await joinOffice(ws.dir, ws.seal, code.code);
  assert.equal(identity.number, 3);
  assert.equal(identity.host.pin, host.pin);
  // The window's key is sealed at rest with the workstation's own key; the host never had it.
  const keyFile = readFileSync(join(ws.dir, 'keys', 'window-key.pem'));
  assert.ok(!keyFile.includes('PRIVATE KEY'));
  const cert = new x509.X509Certificate(identity.certificatePem);
  assert.ok(cert.getExtension(x509.SubjectAlternativeNameExtension)!.names.toJSON().some((n) => n.value === `urn:creditdesk:window:${identity.windowId}`));
  assert.match(cert.subject, /CN=window 3/);

  const greeting = await greetOfficeHost(ws.dir, ws.seal);
  assert.deepEqual(greeting.window, { id: identity.windowId, number: 3, name: '3 号窗口' });
  const [row] = (await listWindows(core.ctx)).filter((w) => w.id === identity.windowId);
  assert.equal(row?.status, 'active');
  assert.equal(row?.last_contact_at, '2026-11-20T02:00:00.000Z');
  // Last contact is kept to the minute (one write a minute per window, not one per request).
  const start = core.clock.now;
  const lastContact = async () => (await listWindows(core.ctx)).find((w) => w.id === identity.windowId)?.last_contact_at;
  try {
    core.clock.now = new Date(start.getTime() + 59_000);
    await greetOfficeHost(ws.dir, ws.seal);
    assert.equal(await lastContact(), '2026-11-20T02:00:00.000Z');
    core.clock.now = new Date(start.getTime() + 60_000);
    await greetOfficeHost(ws.dir, ws.seal);
    assert.equal(await lastContact(), '2026-11-20T02:01:00.000Z');
  } finally {
    core.clock.now = start;
  }
  const actions = await auditActions();
  assert.ok(actions.includes('window.enrollment_code') && actions.includes('window.enroll'));
});

test('the CA and host private keys are sealed at rest with the office key and open only through it', async () => {
  for (const [file, purpose] of [['office-ca-key.pem', 'office-ca'], ['office-host-key.pem', 'office-host']] as const) {
    const path = join(core.dir, 'keys', file);
    assert.ok(!readFileSync(path).includes('PRIVATE KEY'), `${file} is sealed`);
    assert.match(readSealedKeyFile(core.dir, path, purpose), /BEGIN PRIVATE KEY/);
    assert.throws(() => readSealedKeyFile(core.dir, path, 'office-signing'), /not sealed by this office's key/);
  }
});

test('a code used twice: the second workstation is refused and stores nothing', async () => {
  const first = await testWorkstation();
  const second = await testWorkstation();
  const again = await createEnrollmentCode(core.ctx, null, { number: 5 });
  await joinOffice(first.dir, first.seal, again.code);
  const err = await refused(() => joinOffice(second.dir, second.seal, again.code), 'ENROLLMENT_REFUSED', 'code_used');
  assert.match(errorMessage({ code: err.code, message: err.message, details: err.details }, 'zh'), /已经使用过/);
  assert.ok(!existsSync(join(second.dir, WINDOW_FILE)));
  assert.ok(!existsSync(join(second.dir, 'keys', 'window-key.pem')));
  assert.ok((await auditActions()).includes('window.enroll_refused'));
});

test('an expired code (the office clock moved ten minutes) is refused; at 9:59 it still works', async () => {
  const start = core.clock.now;
  try {
    const late = await createEnrollmentCode(core.ctx, null, { number: 6 });
    const fresh = await createEnrollmentCode(core.ctx, null, { number: 7 });
    core.clock.now = new Date(start.getTime() + 9 * 60_000 + 59_000);
    const ok = await testWorkstation();
    await joinOffice(ok.dir, ok.seal, fresh.code);
    core.clock.now = new Date(start.getTime() + 10 * 60_000);
    const ws = await testWorkstation();
    const err = await refused(() => joinOffice(ws.dir, ws.seal, late.code), 'ENROLLMENT_REFUSED', 'code_expired');
    assert.match(errorMessage({ code: err.code, message: err.message, details: err.details }, 'en'), /expired/);
    assert.ok(!existsSync(join(ws.dir, WINDOW_FILE)));
  } finally {
    core.clock.now = start;
  }
});

test('malformed and unknown codes are refused in plain words, with nothing stored', async () => {
  const ws = await testWorkstation();
  await refused(() => joinOffice(ws.dir, ws.seal, 'not-a-code'), 'ENROLLMENT_REFUSED', 'code_malformed');
  await refused(() => joinOffice(ws.dir, ws.seal, formatJoinCode({ address: ADDRESS, port: host.port, pin: host.pin, secret: 'ABCD' })), 'ENROLLMENT_REFUSED', 'code_malformed');
  await refused(() => joinOffice(ws.dir, ws.seal, 'ABCD-EFGH-JKMN-PQRS', { host: `${ADDRESS}:${host.port}`, pin: 'xyz' }), 'ENROLLMENT_REFUSED', 'pin_malformed');
  await refused(() => joinOffice(ws.dir, ws.seal, formatJoinCode({ address: ADDRESS, port: host.port, pin: host.pin, secret: 'ABCDEFGHJKMNPQRS' })), 'ENROLLMENT_REFUSED', 'code_unknown');
  assert.deepEqual(readdirSync(ws.dir).filter((f) => f === WINDOW_FILE), []);
});

test('the short typed code with the host address and the first 16 digits of the pin joins too', async () => {
  const code = await createEnrollmentCode(core.ctx, null, { number: 8 });
  const ws = await testWorkstation();
  const identity = await joinOffice(ws.dir, ws.seal, code.shortCode.toLowerCase(), { host: `${ADDRESS}:${host.port}`, pin: host.pin.slice(0, 16).toUpperCase() });
  assert.equal(identity.host.pin, host.pin, 'the whole pin is kept, not the typed prefix');
});

test('a client without a certificate reaches nothing but enrolment', async () => {
  const socket = await pinnedConnect({ address: ADDRESS, port: host.port, pin: host.pin });
  const { status, result } = await requestOver(socket, 'GET', '/identity');
  assert.equal(status, 401);
  assert.ok(!result.ok && result.error.code === 'UNAUTHENTICATED' && result.error.details?.reason === 'client_certificate');
  observedError('UNAUTHENTICATED');
});

test('nothing but enrolment answers without a certificate, and nothing answers on an address not chosen', async () => {
  for (const [method, path, status] of [['GET', '/', 401], ['POST', '/api/auth.login', 401], ['GET', '/identity', 401], ['GET', '/enroll', 405]] as const) {
    const socket = await pinnedConnect({ address: ADDRESS, port: host.port, pin: host.pin });
    const r = await requestOver(socket, method, path, method === 'POST' ? {} : undefined);
    assert.equal(r.status, status, `${method} ${path}`);
  }
  // The same port on another loopback address of this machine: refused by the system, no host there.
  const elsewhere = connect({ host: '127.0.23.7', port: host.port, rejectUnauthorized: false });
  const err = await new Promise<NodeJS.ErrnoException>((resolve) => elsewhere.once('error', resolve));
  assert.equal(err.code, 'ECONNREFUSED');
});

test("a certificate from another CA, even one naming an enrolled window's id, is cut at the handshake", async () => {
  const { identity } = await enrolled(9);
  const attackerCa = await newEcKeyPair();
  const caCert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name: 'CN=CreditDesk office CA', keys: attackerCa, signingAlgorithm: EC_P256, extensions: [new x509.BasicConstraintsExtension(true, 0, true)] });
  const keys = await newEcKeyPair();
  const forged = await x509.X509CertificateGenerator.create({
    serialNumber: '02', subject: 'CN=window 9', issuer: caCert.subject, publicKey: keys.publicKey, signingKey: attackerCa.privateKey, signingAlgorithm: EC_P256,
    extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'url', value: `urn:creditdesk:window:${identity.windowId}` }])],
  });
  const socket = connect({ host: ADDRESS, port: host.port, minVersion: 'TLSv1.3', rejectUnauthorized: false, key: await privateKeyPem(keys.privateKey), cert: forged.toString('pem') });
  socket.on('error', () => undefined);
  let answered = false;
  socket.on('data', () => (answered = true));
  socket.once('secureConnect', () => socket.write(`GET /identity HTTP/1.1\r\nHost: ${ADDRESS}\r\n\r\n`));
  await new Promise((resolve) => socket.once('close', resolve));
  assert.equal(answered, false, 'not one byte of an answer');
});

test("revoking a window cuts its open connection at once, and it cannot connect again", async () => {
  const { ws, identity } = await enrolled(10);
  const socket = await openWindowConnection(ws);
  assert.equal(host.openConnections(identity.windowId), 1);
  const closed = new Promise((resolve) => socket.once('close', resolve));
  await changeWindow(core.ctx, null, identity.windowId, { kind: 'revoke' });
  await closed;
  await refused(() => greetOfficeHost(ws.dir, ws.seal), 'WINDOW_REFUSED');
  assert.ok((await auditActions()).includes('window.revoke'));
  await refused(() => changeWindow(core.ctx, null, identity.windowId, { kind: 'enable' }), 'CONFLICT', 'window_revoked');
});

test('a disabled window is cut and refused until it is enabled again; a rename is audited', async () => {
  const { ws, identity } = await enrolled(11);
  const socket = await openWindowConnection(ws);
  const closed = new Promise((resolve) => socket.once('close', resolve));
  await changeWindow(core.ctx, null, identity.windowId, { kind: 'disable' });
  await closed;
  await refused(() => greetOfficeHost(ws.dir, ws.seal), 'WINDOW_REFUSED');
  await changeWindow(core.ctx, null, identity.windowId, { kind: 'enable' });
  await changeWindow(core.ctx, null, identity.windowId, { kind: 'rename', name: '综合窗口' });
  assert.equal((await greetOfficeHost(ws.dir, ws.seal)).window.name, '综合窗口');
  const actions = await auditActions();
  for (const a of ['window.disable', 'window.enable', 'window.rename']) assert.ok(actions.includes(a), a);
  await refused(() => changeWindow(core.ctx, null, identity.windowId, { kind: 'rename', name: ' ' }), 'VALIDATION', 'window_name');
});

test('re-enrolling window N revokes the workstation that held the number before', async () => {
  const first = await enrolled(12);
  const socket = await openWindowConnection(first.ws);
  const closed = new Promise((resolve) => socket.once('close', resolve));
  const second = await enrolled(12);
  await closed;
  await refused(() => greetOfficeHost(first.ws.dir, first.ws.seal), 'WINDOW_REFUSED');
  assert.equal((await greetOfficeHost(second.ws.dir, second.ws.seal)).window.number, 12);
});

test('TLS 1.2 is refused at the handshake', async () => {
  const socket = connect({ host: ADDRESS, port: host.port, maxVersion: 'TLSv1.2', rejectUnauthorized: false });
  let secured = false;
  socket.once('secureConnect', () => (secured = true));
  const err = await new Promise<Error>((resolve) => socket.once('error', resolve));
  assert.equal(secured, false);
  assert.match(String((err as NodeJS.ErrnoException).code ?? err.message), /ERR_SSL|VERSION|alert/i);
});

test('a join code whose pin is not the host key is refused before anything is sent, and the code stays good', async () => {
  const code = await createEnrollmentCode(core.ctx, null, { number: 13 });
  const wrongPin = `${host.pin[0] === '0' ? '1' : '0'}${host.pin.slice(1)}`;
  const parsed = parseJoinCode(code.code);
  const ws = await testWorkstation();
  await refused(() => joinOffice(ws.dir, ws.seal, formatJoinCode({ ...parsed, pin: wrongPin })), 'ENROLLMENT_REFUSED', 'host_key_mismatch');
  assert.ok(!existsSync(join(ws.dir, WINDOW_FILE)));
  await joinOffice(ws.dir, ws.seal, code.code);
});

test('a host whose key changed is refused by the joined window, with no way to accept it; re-enrolment repins', async () => {
  const { ws } = await enrolled(14);
  // The host is replaced by one with another key (a new machine, or an impostor on its address).
  await host.close();
  unlinkSync(join(core.dir, 'keys', 'office-host-key.pem'));
  rmSync(join(core.dir, 'keys', 'office-host.pem'));
  host = await serveOfficeHost(core.ctx, ADDRESS, host.port);
  const sealed = join(ws.dir, 'keys', 'window-key.pem');
  const kept = readFileSync(sealed);
  const err = await refused(() => greetOfficeHost(ws.dir, ws.seal), 'HOST_KEY_CHANGED', 'host_key_changed');
  assert.match(errorMessage({ code: err.code, message: err.message, details: err.details }, 'zh'), /密钥与本窗口注册时记录的不同/);
  assert.ok(readFileSync(sealed).equals(kept), 'the refused host changed nothing on the window');
  // "Accept it anyway" by editing the readable copy changes nothing: the pin is read from the sealed file.
  const copy = JSON.parse(readFileSync(join(ws.dir, WINDOW_FILE), 'utf8')) as { host: object };
  writeFileSync(join(ws.dir, WINDOW_FILE), JSON.stringify({ ...copy, host: { ...copy.host, pin: host.pin } }));
  await refused(() => greetOfficeHost(ws.dir, ws.seal), 'HOST_KEY_CHANGED', 'host_key_changed');
  // Nor does editing the sealed file: it no longer opens.
  const altered = Buffer.from(kept);
  altered[altered.length - 1]! ^= 1;
  writeFileSync(sealed, altered);
  await refused(() => greetOfficeHost(ws.dir, ws.seal), 'UNLOCK_REFUSED');
  // A new code from the new host re-enrols the same workstation and pins the new key.
  const code = await createEnrollmentCode(core.ctx, null, { number: 14 });
  await joinOffice(ws.dir, ws.seal, code.code);
  assert.equal((await greetOfficeHost(ws.dir, ws.seal)).window.number, 14);
});

test('a host that is not there: the join and the joined window say it cannot be reached, and nothing is stored', async () => {
  const { ws } = await enrolled(15);
  const code = await createEnrollmentCode(core.ctx, null, { number: 16 });
  // A port that was just listening and is closed again: nothing answers there.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.23.4', resolve));
  const gone = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  // The joined window's host is down (stopped, then started again on its port).
  await host.close();
  const err = await refused(() => greetOfficeHost(ws.dir, ws.seal), 'HOST_UNREACHABLE', 'unreachable');
  assert.match(errorMessage({ code: err.code, message: err.message, details: err.details }, 'zh'), /无法连接办公主机/);
  host = await serveOfficeHost(core.ctx, ADDRESS, host.port);
  assert.equal((await greetOfficeHost(ws.dir, ws.seal)).window.number, 15, 'the window connects again once the host is back, without re-enrolling');
  const fresh = await testWorkstation();
  await refused(() => joinOffice(fresh.dir, fresh.seal, formatJoinCode({ ...parseJoinCode(code.code), address: '127.0.23.4', port: gone.port })), 'HOST_UNREACHABLE', 'unreachable');
  assert.ok(!existsSync(join(fresh.dir, WINDOW_FILE)));
});

test('bad window numbers are refused when the code is made', async () => {
  for (const number of [0, 1000, 2.5]) await refused(() => createEnrollmentCode(core.ctx, null, { number }), 'VALIDATION', 'window_number');
});

test('after all of the above the audit chain verifies, and names every window event in both languages', async () => {
  const result = await verifyAuditChain(core.ctx);
  assert.ok(result.ok, JSON.stringify(result.firstBroken));
  for (const action of new Set((await auditActions()).filter((a) => a.startsWith('window.')))) {
    assert.notEqual(auditActionLabel(action, 'zh'), '其他操作', action);
    assert.notEqual(auditActionLabel(action, 'en'), 'Other action', action);
  }
  // As the auditor's screen shows them in Chinese: the window by its number (not `window:<uuid>`),
  // the refusal's reason and a rename's names in words.
  const auditor = await core.loginAs('auditor', 'window-auditor');
  const page: { rows: AuditRow[] } = await core.ok('audit.list', { cursor: null, limit: 500, group: 'window' }, auditor.token);
  const kinds = new Set(page.rows.map((r) => r.action));
  for (const k of ['window.enrollment_code', 'window.enroll', 'window.enroll_refused', 'window.revoke', 'window.rename', 'window.disable']) assert.ok(kinds.has(k), `no ${k} event`);
  const names = (await core.ctx.db.all<{ username: string }>('SELECT username FROM account')).map((a) => a.username);
  assert.deepEqual(unreadableAuditRows(page.rows, new Map(), names), {});
  const revoked = page.rows.find((r) => r.action === 'window.revoke')!;
  assert.match(auditTargetText(revoked.action, revoked.target, 'zh', revoked.detail), /^\d+ 号窗口（[0-9A-F]{8}）$/);
});
