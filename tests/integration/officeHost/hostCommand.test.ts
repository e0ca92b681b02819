// Issue 23: `creditdesk host --listen ADDRESS:PORT` as a real process on this file's own loopback
// address, and `creditdesk windows …` reaching it while it owns the data directory: a revoke made
// at the command line cuts the window's open connection in the host at once. Every wait is on a
// child's output, exit or a socket's close, never a sleep.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pinnedConnect } from '../../../electron/office/hostConnection';
import { greetOfficeHost, joinOffice } from '../../../electron/office/joinOffice';
import { readWindowIdentity } from '../../../electron/office/windowIdentity';
import { openTestCore, TEST_ENV } from '../../support/core';
import { observedError } from '../../support/errorCoverage';
import { nodeScript, runScript } from '../../support/nodeScript';
import { testWorkstation } from '../../support/officeWindow';

const ADDRESS = '127.0.23.2';
const NOW = '2026-11-20T10:00:00+08:00';
const CLI = join(import.meta.dirname, '..', '..', 'support', 'clockedCreditdesk.ts');
let dir: string;

before(async () => {
  const core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  await core.close();
  dir = core.dir;
});
after(() => rmSync(dir, { recursive: true, force: true }));

const creditdesk = (args: string[]) => runScript(CLI, ['--office-now', NOW, ...args], TEST_ENV);

test('bad arguments get plain messages and exit 2; a code before the host ever served is refused in both languages', async () => {
  for (const [listen, said] of [
    ['0.0.0.0:8443', /every address of this machine/],
    ['[::]:8443', /every address of this machine/],
    ['office-host:8443', /IP address and a port/],
    ['127.0.0.1:70000', /1 to 65535/],
  ] as const) {
    const r = await creditdesk(['host', '--listen', listen, '--data-dir', dir]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, said);
  }
  const none = await creditdesk(['host', '--data-dir', dir]);
  assert.equal(none.code, 2);
  assert.match(none.err, /--listen ADDRESS:PORT is required/);
  const early = await creditdesk(['windows', 'enroll', '--number', '1', '--data-dir', dir]);
  assert.equal(early.code, 1);
  assert.match(early.err, /^ENROLLMENT_REFUSED: The office host has not served yet/m);
  assert.match(early.err, /办公主机尚未启动过/);
  observedError('ENROLLMENT_REFUSED');
  observedError('host_not_started');
});

function startHost(): Promise<{ child: ChildProcess; port: number; pin: string }> {
  const child = spawn(process.execPath, [...nodeScript(CLI), '--office-now', NOW, 'host', '--listen', `${ADDRESS}:0`, '--data-dir', dir], { env: { ...process.env, ...TEST_ENV }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^office host: https:\/\/127\.0\.23\.2:(\d+)\/ pin ([0-9a-f]{64})$/m.exec(out);
      if (m) resolve({ child, port: Number(m[1]), pin: m[2]! });
    });
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}: ${out}${err}`)));
  });
}

test('the host serves on the chosen address; windows enroll and revoke reach it while it runs, and a revoke cuts the open connection', async () => {
  const host = await startHost();
  try {
    const enroll = await creditdesk(['windows', 'enroll', '--number', '2', '--name', '二号窗口', '--data-dir', dir]);
    assert.equal(enroll.code, 0, enroll.err);
    const code = /--join (creditdesk-join\/\S+)/.exec(enroll.out)?.[1];
    assert.ok(code, enroll.out);
    assert.ok(code.includes(`/${ADDRESS}/${host.port}/${host.pin}/`));
    assert.match(enroll.out, /--join [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4} --host 127\.0\.23\.2:\d+ --pin [0-9a-f]{16}/);

    const ws = await testWorkstation();
    const identity = await joinOffice(ws.dir, ws.seal, code);
    assert.equal((await greetOfficeHost(ws.dir, ws.seal)).window.name, '二号窗口');
    const list = await creditdesk(['windows', 'list', '--data-dir', dir]);
    assert.equal(list.code, 0, list.err);
    assert.match(list.out, new RegExp(`^ +2 +active +${identity.windowId} +二号窗口 +enrolled 2026-11-20T02:00`, 'm'));

    const joined = (await readWindowIdentity(ws.dir, ws.seal))!;
    const socket = await pinnedConnect({ ...joined.identity.host, client: { keyPem: joined.keyPem, certPem: joined.identity.certificatePem } });
    const answered = new Promise<string>((resolve) => socket.once('data', (d: Buffer) => resolve(d.toString())));
    socket.write(`GET /identity HTTP/1.1\r\nHost: ${ADDRESS}\r\n\r\n`);
    assert.match(await answered, /^HTTP\/1\.1 200/);
    const closed = new Promise((resolve) => socket.once('close', resolve));
    const revoke = await creditdesk(['windows', 'revoke', identity.windowId, '--data-dir', dir]);
    assert.equal(revoke.code, 0, revoke.err);
    assert.match(revoke.out, /revoked/);
    await closed;
    await assert.rejects(greetOfficeHost(ws.dir, ws.seal), (e: Error & { code?: string }) => e.code === 'WINDOW_REFUSED');
    observedError('WINDOW_REFUSED');
  } finally {
    const exited = new Promise<number | null>((resolve) => host.child.once('exit', resolve));
    host.child.kill('SIGTERM');
    assert.equal(await exited, 0, 'the host stops cleanly on SIGTERM');
    assert.equal(readdirSync(join(dir, 'backups')).length, 1, 'and writes a backup as it stops, like the console');
  }
});
