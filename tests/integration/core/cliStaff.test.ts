// The staff command line as IT staff meet it: help that names the subcommands, init that never
// waits for input in a script and never drops files where it was run, and diagnostics that stay
// off stderr unless --verbose.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DIAGNOSTICS_FILE } from '../../../electron/db/diagnostics';
import { initPlatform } from '../../../tools/central/platform';
import { openTestCore, TEST_PASSPHRASE } from '../../support/core';
import { nodeScript } from '../../support/nodeScript';

const root = join(import.meta.dirname, '..', '..', '..');
let scratch: string;
let cwd: string;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cd-cli-'));
  cwd = join(scratch, 'where-it-ran');
  mkdirSync(cwd);
});
after(() => rmSync(scratch, { recursive: true, force: true }));

function run(tool: 'creditdesk' | 'central', args: string[], env: Record<string, string> = {}) {
  // stdin is not a terminal here, as in any script or CI job.
  // tsx by absolute URL: the current directory is deliberately not the project.
  const r = spawnSync(process.execPath, [...nodeScript(join(root, 'tools', `${tool}.ts`)), ...args], {
    cwd,
    encoding: 'utf8',
    input: '',
    env: { ...process.env, CREDITDESK_QUIET: '', CREDITDESK_PASSPHRASE: TEST_PASSPHRASE, ...env },
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('"creditdesk audit" without a subcommand says which subcommands exist and exits 2', async () => {
  const core = await openTestCore();
  await core.close();
  try {
    const r = run('creditdesk', ['audit', '--data-dir', core.dir]);
    assert.equal(r.code, 2, r.err);
    assert.match(r.err, /"audit" needs a subcommand: verify/);
    assert.match(r.err, /audit verify --data-dir DIR/);
    assert.doesNotMatch(r.err, /Unknown command "audit --data-dir"/);
  } finally {
    rmSync(core.dir, { recursive: true, force: true });
  }
});

test('init without --fingerprint in a script exits 2 showing the fingerprint; with it, the request goes into the data directory, not the current one', async () => {
  const platform = await initPlatform(join(scratch, 'central'), new Date('2026-11-20T02:00:00Z'));
  const dataDir = join(scratch, 'office');
  const base = ['init', '--data-dir', dataDir, '--office-code', '370306-02', '--office-name', '张店区信用服务窗口', '--trust', platform.trustPath];
  const script = run('creditdesk', base);
  assert.equal(script.code, 2, script.out + script.err);
  assert.match(script.err, /--fingerprint .* is required when not run at a terminal/);
  assert.ok(script.err.includes(platform.fingerprint), 'the fingerprint to compare is shown');
  assert.deepEqual(readdirSync(cwd), []);

  // Refused (a fingerprint that differs from the sheet): no half-made office is left behind.
  const wrong = run('creditdesk', [...base, '--fingerprint', '0000 '.repeat(16).trim()]);
  assert.equal(wrong.code, 1, wrong.out + wrong.err);
  assert.match(wrong.err, /SYNC_FINGERPRINT_MISMATCH/);
  assert.equal(existsSync(dataDir), false, 'the data directory the failed init made is gone');

  const done = run('creditdesk', [...base, '--fingerprint', platform.fingerprint]);
  assert.equal(done.code, 0, done.out + done.err);
  assert.deepEqual(readdirSync(cwd), [], 'nothing written where the command ran');
  assert.ok(existsSync(join(dataDir, 'enrollment-370306-02.json')));
  assert.ok(done.out.includes(join(dataDir, 'enrollment-370306-02.json')));
});

test('diagnostics (slow queries) go to diagnostics.log, on stderr only with --verbose, for audit verify and central', async () => {
  const core = await openTestCore();
  await core.loginAs('clerk');
  await core.close();
  try {
    // Threshold 0: every statement counts as slow, so the old stderr lines would certainly appear.
    const env = { CREDITDESK_SLOW_QUERY_MS: '0' };
    const quiet = run('creditdesk', ['audit', 'verify', '--data-dir', core.dir], env);
    assert.equal(quiet.code, 0, quiet.err);
    assert.match(quiet.out, /audit chain intact/);
    assert.equal(quiet.err, '');
    assert.match(readFileSync(join(core.dir, DIAGNOSTICS_FILE), 'utf8'), /\[db\] slow query/);
    const verbose = run('creditdesk', ['audit', 'verify', '--data-dir', core.dir, '--verbose'], env);
    assert.equal(verbose.code, 0, verbose.err);
    assert.match(verbose.err, /\[db\] slow query/);

    const centralDir = join(scratch, 'central-status');
    await initPlatform(centralDir, new Date('2026-11-20T02:00:00Z'));
    const status = run('central', ['status', '--data-dir', centralDir], env);
    assert.equal(status.code, 0, status.err);
    assert.equal(status.err, '');
    assert.match(readFileSync(join(centralDir, DIAGNOSTICS_FILE), 'utf8'), /\[db\] slow query/);
  } finally {
    rmSync(core.dir, { recursive: true, force: true });
  }
});
