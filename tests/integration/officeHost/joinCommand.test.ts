// Issue 23: `npm start -- --join CODE` as a real process (browser mode's own start, as npm start
// runs it), against a host on this file's own loopback address. A refused code says why in both
// languages and leaves nothing behind. Every wait is on a child's exit.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { serveOfficeHost } from '../../../electron/host/serveOfficeHost';
import type { RunningOfficeHost } from '../../../electron/host/officeHost';
import { greetOfficeHost } from '../../../electron/office/joinOffice';
import { WINDOW_FILE } from '../../../electron/office/windowIdentity';
import { officeKeyPath } from '../../../electron/keys/officeKeyFile';
import { createEnrollmentCode } from '../../../electron/services/office/windowService';
import { openTestCore, TEST_ENV, type TestCore } from '../../support/core';
import { runScript } from '../../support/nodeScript';
import { testWorkstation } from '../../support/officeWindow';

const ADDRESS = '127.0.23.3';
const CONSOLE = join(import.meta.dirname, '..', '..', 'support', 'clockedConsole.ts');
let core: TestCore;
let host: RunningOfficeHost & { pin: string };
let staticDir: string;

before(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  host = await serveOfficeHost(core.ctx, ADDRESS, 0);
  staticDir = mkdtempSync(join(tmpdir(), 'cd-join-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>test</title>');
});
after(async () => {
  await host.close();
  await core.dispose();
});

// The workstation's data directory is made (and its key file written) in this process, at the
// test suite's low scrypt cost; the child unlocks it with the same passphrase from the environment.
const join_ = (dir: string, args: string[]) => runScript(CONSOLE, ['--office-now', '2026-11-20T10:00:00+08:00', '--static-dir', staticDir, '--data-dir', dir, ...args], TEST_ENV);

test('npm start -- --join CODE makes the workstation a window and exits; the window is greeted by the host', async () => {
  const ws = await testWorkstation();
  const code = await createEnrollmentCode(core.ctx, null, { number: 21 });
  const r = await join_(ws.dir, ['--join', code.code]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /now window 21/);
  assert.match(r.out, /21 号窗口/);
  assert.equal((await greetOfficeHost(ws.dir, ws.seal)).window.number, 21);
});

test('a used code, a wrong pin and a missing --host are refused in Chinese and English, with nothing stored', async () => {
  const code = await createEnrollmentCode(core.ctx, null, { number: 22 });
  const first = await testWorkstation();
  assert.equal((await join_(first.dir, ['--join', code.code])).code, 0);
  const ws = await testWorkstation();
  const used = await join_(ws.dir, ['--join', code.code]);
  assert.equal(used.code, 1);
  assert.match(used.err, /^ENROLLMENT_REFUSED: This enrollment code has already been used/m);
  assert.match(used.err, /该注册码已经使用过/);
  const fresh = await createEnrollmentCode(core.ctx, null, { number: 23 });
  const wrongPin = await join_(ws.dir, ['--join', fresh.shortCode, '--host', fresh.host, '--pin', '0123456789abcdef']);
  assert.equal(wrongPin.code, 1);
  assert.match(wrongPin.err, /did not show the office host's key/);
  assert.match(wrongPin.err, /没有出示注册码中的办公主机密钥/);
  const bare = await join_(ws.dir, ['--join', fresh.shortCode]);
  assert.equal(bare.code, 1);
  assert.match(bare.err, /incomplete or not well formed/);
  const usage = await join_(ws.dir, ['--pin', 'abc']);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /--host and --pin go with --join CODE/);
  assert.ok(!existsSync(join(ws.dir, WINDOW_FILE)));
});

test('a refused first join leaves no key file behind in a new data directory', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'cd-join-new-')), 'window');
  const code = await createEnrollmentCode(core.ctx, null, { number: 24 });
  const typedWrong = await join_(dir, ['--join', code.shortCode, '--host', code.host, '--pin', 'fedcba9876543210']);
  assert.equal(typedWrong.code, 1, typedWrong.err);
  assert.ok(!existsSync(officeKeyPath(dir)), 'the key file made for this join is gone');
  const malformed = await join_(dir, ['--join', 'nonsense']);
  assert.equal(malformed.code, 1);
  assert.ok(!existsSync(officeKeyPath(dir)));
});
