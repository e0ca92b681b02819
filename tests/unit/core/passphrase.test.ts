import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { passphraseUnlock, type PassphraseIo } from '../../../electron/host/passphrase';
import { createOfficeKeyFile, DEMO_PASSPHRASE } from '../../../electron/keys/officeKeyFile';

// Where browser mode and the command line take the office passphrase from, and what happens when
// nothing gives one and there is no terminal to ask on.

const io = (env: NodeJS.ProcessEnv = {}): PassphraseIo & { said: string[] } => {
  const said: string[] = [];
  return { env, stdin: { isTTY: false } as NodeJS.ReadStream, say: (l) => said.push(l), said };
};

test('the passphrase comes from --passphrase-file, then CREDITDESK_PASSPHRASE; without a terminal nothing else is guessed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  const file = join(dir, 'pass.txt');
  writeFileSync(file, 'from-the-file-123\nignored second line\n');
  assert.deepEqual(await passphraseUnlock(dir, { passphraseFile: file, demo: false }, io({ CREDITDESK_PASSPHRASE: 'from-env-12345' })), { kind: 'passphrase', passphrase: 'from-the-file-123' });
  assert.deepEqual(await passphraseUnlock(dir, { demo: false }, io({ CREDITDESK_PASSPHRASE: 'from-env-12345' })), { kind: 'passphrase', passphrase: 'from-env-12345' });
  await assert.rejects(passphraseUnlock(dir, { demo: false }, io()), (e: Error & { code?: string }) => e.code === 'UNLOCK_REFUSED' && /--passphrase-file/.test(e.message));
  await assert.rejects(passphraseUnlock(dir, { passphraseFile: join(dir, 'missing'), demo: false }, io()), /cannot be read/);
  rmSync(dir, { recursive: true, force: true });
});

test('the demo office gets the printed demo passphrase; a real office never does', async () => {
  const fresh = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  const out = io();
  assert.deepEqual(await passphraseUnlock(fresh, { demo: true }, out), { kind: 'passphrase', passphrase: DEMO_PASSPHRASE });
  assert.match(out.said.join('\n'), new RegExp(DEMO_PASSPHRASE));
  const real = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  await createOfficeKeyFile(real, { kind: 'passphrase', passphrase: 'a-real-office-passphrase', scryptLogN: 12 }, false);
  // --demo on a real office's directory does not switch to the demo passphrase.
  await assert.rejects(passphraseUnlock(real, { demo: true }, io()), /UNLOCK_REFUSED|terminal/);
  const weak = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  await assert.rejects(createOfficeKeyFile(weak, { kind: 'passphrase', passphrase: 'short' }, false), (e: Error & { code?: string }) => e.code === 'WEAK_PASSWORD');
  rmSync(weak, { recursive: true, force: true });
  rmSync(fresh, { recursive: true, force: true });
  rmSync(real, { recursive: true, force: true });
});
