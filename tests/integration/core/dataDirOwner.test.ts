// Issue 29 item 8 and issue 28, written as the attacks: one process owns a data directory. A staff
// command started beside a serving console, a second console, a crashed owner, two processes
// racing for a fresh directory. Real child processes on a real temporary office; every wait is on
// a child's output or exit, never a sleep.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createPreflight } from '../../../electron/api/dispatcher';
import { openCore } from '../../../electron/core';
import { claimDataDir, DataDirInUse, OWNER_LOCK_FILE, OWNER_RECORD_FILE } from '../../../electron/db/dataDirOwner';
import { startHost } from '../../../electron/host/httpHost';
import { LAUNCH_PAGE } from '../../../electron/host/launchPage';
import { generatePopulation } from '../../../electron/seed/population';
import { createAccount } from '../../../electron/services/access/accountsService';
import { writeSubjectBundles } from '../../../electron/store/populationStore';
import { TEST_ENV, TEST_PASSWORD, TEST_UNLOCK } from '../../support/core';
import { nodeScript, runScript, type ScriptExit } from '../../support/nodeScript';

const root = join(import.meta.dirname, '..', '..', '..');
const NOW = '2026-11-20T02:00:00Z';
// At least this many, and on for as long as the operators start commands, so every refusal meets lookups in flight.
const LOOKUPS = 2_000;

let scratch: string;
let staticDir: string;
before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cd-owner-'));
  staticDir = join(scratch, 'static');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CreditDesk</title>\n');
});
after(() => rmSync(scratch, { recursive: true, force: true }));

const run = (script: string, args: string[]) => runScript(script, args, TEST_ENV);

const creditdesk = (args: string[]) => run(join(root, 'tools', 'creditdesk.ts'), args);

/** A fresh office (fast test key), closed again: what the children open. */
async function newOffice(): Promise<string> {
  const dir = mkdtempSync(join(scratch, 'office-'));
  await (await openCore({ dataDir: dir, unlock: TEST_UNLOCK, repeatMaintenance: false })).close();
  return dir;
}

/** Browser mode in a child process, started on `dir`; resolves with its address once it serves. */
function startConsole(dir: string): Promise<{ origin: string; pid: number; stop: () => Promise<number | null> }> {
  const child = spawn(process.execPath, [...nodeScript(join(root, 'tests', 'support', 'clockedConsole.ts')), '--office-now', NOW, '--static-dir', staticDir, '--data-dir', dir], {
    env: { ...process.env, ...TEST_ENV },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) resolve({ origin: line.trim(), pid: child.pid!, stop: () => (child.kill('SIGTERM'), exited) });
    });
    void exited.then((code) => reject(new Error(`the console exited with ${code} before serving:\n${err}`)));
  });
}

/** A child that takes `dir` (the claim alone, or a whole core) and holds it; resolves with what it said. */
function holder(dir: string, mode: 'claim' | 'core' = 'claim') {
  const child = spawn(process.execPath, [...nodeScript(join(import.meta.dirname, 'ownerChild.ts')), dir, mode], { env: { ...process.env, ...TEST_ENV }, stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const said = new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0]!);
    });
    void exited.then(() => reject(new Error('the holder exited without a word')));
  });
  return { child, said, exited };
}

test(`(a) staff commands started beside a serving console are refused naming it, while lookups (${LOOKUPS.toLocaleString('en')} at least) go on all along without one error`, async () => {
  const dir = mkdtempSync(join(scratch, 'office-'));
  // The console: the data directory claimed as browser mode claims it, the core, the host serving it.
  const claim = await claimDataDir(dir, { role: 'console' });
  const core = await openCore({ dataDir: dir, unlock: TEST_UNLOCK, claim, now: () => new Date(NOW), repeatMaintenance: false });
  const host = await startHost({ dispatch: core.dispatch, preflight: createPreflight(core.ctx), staticDir, port: 0, secret: 'k'.repeat(32) });
  claim.announce(host.origin);
  try {
    const people = [...generatePopulation({ subjects: 300, seed: 'one-owner', today: '2026-11-20', centralIdPrefix: 'O' })].filter((b) => b.subject.kind === 'person');
    await core.ctx.db.transaction((tx) => writeSubjectBundles(tx, people), { platform: true });
    await createAccount(core.ctx, null, { username: 'clerk1', displayName: 'clerk1', role: 'clerk', password: TEST_PASSWORD });
    const login = await core.dispatch('auth.login', { username: 'clerk1', password: TEST_PASSWORD }, {});
    assert.ok(login.ok);
    const token = (login.value as { token: string }).token;
    const auditBefore = (await core.ctx.db.get<{ s: number }>('SELECT max(seq) AS s FROM audit_event'))!.s;

    const passwordFile = join(scratch, 'password');
    writeFileSync(passwordFile, `${TEST_PASSWORD}\n`);
    const exportOut = join(scratch, 'export.cdbundle');
    const d = ['--data-dir', dir];
    // Every command that opens the data directory, the read-only ones included, some twice over.
    const commands: { args: string[]; screen: RegExp | null }[] = [
      { args: ['import', join(scratch, 'update.cdbundle'), ...d], screen: /Import updates.*\n.*导入更新包/ },
      { args: ['export', '--out', exportOut, ...d], screen: /the Export screen.*\n.*导出数据包/ },
      { args: ['backup', ...d], screen: null },
      { args: ['audit', 'verify', ...d], screen: /Verify hash chain.*\n.*校验哈希链/ },
      { args: ['audit', 'acknowledge', '--reason', 'tried beside the console', ...d], screen: null },
      { args: ['accounts', 'unlock', '--user', 'clerk1', ...d], screen: /Accounts screen.*\n.*账户管理/ },
      { args: ['accounts', 'set-role', '--user', 'clerk1', '--role', 'manager', ...d], screen: /Accounts screen/ },
      { args: ['calendar', 'show', ...d], screen: /Holiday calendar.*\n.*节假日安排/ },
      { args: ['calendar', 'confirm', '--id', '1', '--user', 'clerk1', '--password-file', passwordFile, ...d], screen: /Holiday calendar/ },
      { args: ['restore', '--from', join(scratch, 'no-backup'), ...d], screen: null },
    ];

    let done = 0;
    const errors: string[] = [];
    // Four clerks' worth of lookups at once, until both LOOKUPS are done and the operators have stopped.
    let operating = 2;
    const clerk = async () => {
      while (done < LOOKUPS || operating > 0) {
        const p = people[done % people.length]!.subject;
        done++;
        const r = await core.dispatch('counter.lookup', { idNumber: p.idNumber, name: p.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, { token });
        if (!r.ok) errors.push(`${r.error.code}: ${r.error.message}`);
      }
    };
    // Meanwhile two operators start commands, one after another, for as long as the lookups go on
    // (and every command at least twice).
    const exits: { args: string[]; screen: RegExp | null; r: ScriptExit }[] = [];
    let next = 0;
    const operator = async () => {
      while (done < LOOKUPS || next < 2 * commands.length) {
        const c = commands[next++ % commands.length]!;
        exits.push({ ...c, r: await creditdesk(c.args) });
      }
      operating--;
    };
    await Promise.all([clerk(), clerk(), clerk(), clerk(), operator(), operator()]);

    assert.deepEqual(errors, [], 'no lookup failed');
    assert.ok(done >= LOOKUPS, `${done} lookups`);
    assert.ok(exits.length >= 2 * commands.length, `${exits.length} command starts`);
    for (const { args, screen, r } of exits) {
      const what = `creditdesk ${args.slice(0, 2).join(' ')}`;
      assert.equal(r.code, 3, `${what}: ${r.out}${r.err}`);
      assert.equal(r.out, '', `${what} printed nothing on stdout`);
      assert.match(r.err, /^DATA_DIR_IN_USE: The data directory .* is in use by the console in browser mode at /, what);
      for (const fact of [host.origin, `process ${process.pid}`, `since ${claim.record.since}`, `进程 ${process.pid}`, '正由浏览器模式的工作台']) assert.ok(r.err.includes(fact), `${what} names ${fact}:\n${r.err}`);
      if (screen) assert.match(r.err, screen, what);
      else assert.match(r.err, /Stop the console .* and run creditdesk .* again\.\n.*请先停止工作台/, what);
    }
    // Refused means nothing done: no audit event, no export, no backup, the clerk's account untouched.
    const actions = await core.ctx.db.all<{ action: string }>('SELECT DISTINCT action FROM audit_event WHERE seq > ?', [auditBefore]);
    assert.deepEqual(actions.map((a) => a.action).sort(), ['counter.lookup', 'row.query_log', 'row.visit'], 'the only events since are the clerk\'s lookups');
    assert.equal(existsSync(exportOut), false);
    assert.equal(existsSync(join(dir, 'backups')), false);
    assert.equal((await core.ctx.db.get<{ role: string }>("SELECT role FROM account WHERE username = 'clerk1'"))?.role, 'clerk');
    console.log(`${done} lookups, 0 errors, while ${exits.length} command starts were refused`);
  } finally {
    await host.close();
    await core.close();
  }
  // Closed: the directory is free again, and the next command opens it.
  assert.equal(existsSync(join(dir, OWNER_RECORD_FILE)), false, 'the owner record goes with the owner');
  const verify = await creditdesk(['audit', 'verify', '--data-dir', dir]);
  assert.equal(verify.code, 0, verify.out + verify.err);
  assert.match(verify.out, /audit chain intact/);
});

test('(b) a second console on the same data directory refuses, naming the first (process, address, since when); the first keeps its launch page', async () => {
  const dir = await newOffice();
  const first = await startConsole(dir);
  const record = JSON.parse(readFileSync(join(dir, OWNER_RECORD_FILE), 'utf8')) as { pid: number; address: string; since: string };
  assert.deepEqual([record.pid, record.address], [first.pid, first.origin]);
  const page = readFileSync(join(dir, LAUNCH_PAGE), 'utf8');

  const second = await run(join(root, 'tests', 'support', 'clockedConsole.ts'), ['--office-now', NOW, '--static-dir', staticDir, '--data-dir', dir]);
  assert.equal(second.code, 3, second.err);
  assert.equal(second.out, '', 'the second console printed no address');
  assert.match(second.err, /^CreditDesk did not start: The data directory .* is in use by the console in browser mode at /);
  for (const fact of [first.origin, `process ${first.pid}`, `since ${record.since}`, `${record.since} 起`, 'CreditDesk 未启动', '请使用该工作台']) assert.ok(second.err.includes(fact), `names ${fact}:\n${second.err}`);
  assert.equal(readFileSync(join(dir, LAUNCH_PAGE), 'utf8'), page, 'the launch page is still the first console\'s');

  // A staff command on the same directory names the console and the screen to use instead.
  const cmd = await creditdesk(['import', join(scratch, 'update.cdbundle'), '--data-dir', dir]);
  assert.equal(cmd.code, 3, cmd.err);
  assert.ok(cmd.err.includes(first.origin) && cmd.err.includes(`process ${first.pid}`), cmd.err);
  assert.match(cmd.err, /Do it in the console \(the Import updates screen\), or stop the console/);

  // Stopped, the console gives the directory back.
  assert.equal(await first.stop(), 0);
  assert.equal(existsSync(join(dir, OWNER_RECORD_FILE)), false);
  const verify = await creditdesk(['audit', 'verify', '--data-dir', dir]);
  assert.equal(verify.code, 0, verify.out + verify.err);
});

test('(c) an owner killed with SIGKILL leaves no lock behind: the next command and the next console start', async () => {
  const dir = await newOffice();
  const h = holder(dir, 'core');
  assert.equal(await h.said, `owner ${h.child.pid}`);
  // While it lives, it is named.
  const refused = await creditdesk(['calendar', 'show', '--data-dir', dir]);
  assert.equal(refused.code, 3, refused.err);
  assert.ok(refused.err.includes(`a CreditDesk process (process ${h.child.pid}`), refused.err);
  assert.match(refused.err, /Wait until it has finished, then run creditdesk calendar show again\./);

  h.child.kill('SIGKILL');
  await h.exited;
  assert.ok(existsSync(join(dir, OWNER_RECORD_FILE)), 'the killed owner\'s record is still there');
  const show = await creditdesk(['calendar', 'show', '--data-dir', dir]);
  assert.equal(show.code, 0, show.out + show.err);
  const next = await startConsole(dir);
  assert.equal(await next.stop(), 0);
});

test('two processes racing for a free data directory: exactly one owns it, the others are refused', async () => {
  const dir = mkdtempSync(join(scratch, 'race-'));
  for (let round = 0; round < 3; round++) {
    const racers = Array.from({ length: 5 }, () => holder(dir));
    const said = await Promise.all(racers.map((r) => r.said));
    const owners = racers.filter((_, i) => said[i]!.startsWith('owner '));
    assert.equal(owners.length, 1, `round ${round}: ${said.join(', ')}`);
    assert.equal(said.filter((s) => s.startsWith('refused ')).length, 4, said.join(', '));
    await Promise.all(racers.filter((r) => !owners.includes(r)).map((r) => r.exited));
    // The owner goes the hard way in one round and gives up the directory in the others.
    if (round === 1) owners[0]!.child.kill('SIGKILL');
    else owners[0]!.child.stdin!.end();
    await owners[0]!.exited;
  }
  assert.equal(readFileSync(join(dir, OWNER_LOCK_FILE)).length, 0, 'the lock file stays empty');
});

test('within one process, a second claim on the same directory is refused too, and the first release frees it', async () => {
  const dir = mkdtempSync(join(scratch, 'same-'));
  const first = await claimDataDir(dir, { role: 'core' });
  await assert.rejects(claimDataDir(dir, { role: 'command', command: 'backup' }), (e: unknown) => e instanceof DataDirInUse && e.owner?.pid === process.pid);
  await first.release();
  await first.release();
  await (await claimDataDir(dir, { role: 'core' })).release();
});
