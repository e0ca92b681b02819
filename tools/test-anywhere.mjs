#!/usr/bin/env node
// `npm run test:anywhere`: the suite run as a machine that is not ours would run it. Every test
// states the instant it runs at (tests/support/core.ts, tests/e2e/fixtures.ts), so the machine's
// date, its time zone and the clone's folder must change nothing. This script checks that claim:
//   1. the runner's own test from a copy of the repository at another depth, in folders with
//      spaces and non-ASCII names, and again through a symbolic link to that folder;
//   2. the tests at fixed machine instants (faketime, Debian's `faketime` package), each in
//      another time zone: the last minute of 2026 and the first of 2027 in China, a day of the
//      2026 Spring Festival, and 2030-06-30, years past anything the built-in calendar knows.
// `--quick` (what .ci/run runs) runs the tests whose outcome turns on dates once each, every file at
// one of the instants: which file gets which instant turns with the day (printed, and fixed with
// `--turn N`), so over four days each file meets every instant while a run costs a quarter of
// running them all at all four. Without it, the whole unit and integration suite runs at each instant.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const quick = process.argv.includes('--quick');
const turnArg = process.argv.indexOf('--turn');

/** Instant (with its zone) and the machine's time zone to run it in. */
const INSTANTS = [
  { at: '2026-12-31T23:59:00+08:00', tz: 'Asia/Shanghai' },
  { at: '2027-01-01T00:01:00+08:00', tz: 'America/Los_Angeles' },
  { at: '2026-02-18T10:00:00+08:00', tz: 'UTC' },
  { at: '2030-06-30T10:00:00+08:00', tz: 'America/Los_Angeles' },
];
// The tests whose outcome turns on dates: deadlines and the calendar, report periods, sessions,
// the day's counts and the logs' days.
const QUICK_TESTS = ['tests/unit', 'tests/integration/cases', 'tests/integration/report', 'tests/integration/access', 'tests/integration/counter', 'tests/integration/dashboard', 'tests/integration/logs'];
const FULL_TESTS = ['tests/unit', 'tests/integration'];

const failures = [];
const totals = { pass: 0, fail: 0 };
function step(name, command, args, options) {
  const started = performance.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  const summary = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /^ℹ (tests|pass|fail) /.test(l)).join(', ');
  for (const [, kind, n] of `${r.stdout}`.matchAll(/^ℹ (pass|fail) (\d+)$/gm)) totals[kind] += Number(n);
  if (r.status === 0) console.log(`✔ ${name} (${seconds} s) ${summary}`);
  else {
    failures.push(name);
    console.log(`✖ ${name} (${seconds} s, exit ${r.status ?? r.signal ?? r.error?.message})`);
    // The failing tests by name, as the runner listed them at its end.
    const out = r.stdout ?? '';
    const at = out.lastIndexOf('✖ failing tests:');
    console.log(at >= 0 ? out.slice(at) : `${out.slice(-4000)}\n${(r.stderr ?? '').slice(-4000)}`);
  }
}

/** Every test file below `dirs`, dealt to the instants in turn, starting at the day's (or --turn's) place. */
function turnedOver(dirs) {
  const files = dirs.flatMap((d) => testFiles(join(root, d))).sort();
  // Days since 1970 (UTC): which instant comes first is the one thing here that reads the date.
  const turn = turnArg >= 0 ? Number(process.argv[turnArg + 1]) : Math.floor(Date.now() / 86_400_000);
  if (!Number.isInteger(turn) || turn < 0) {
    console.error(`--turn takes a whole number (0, 1, 2, …), not "${process.argv[turnArg + 1] ?? ''}".`);
    process.exit(2);
  }
  console.log(`\nturn ${turn}: each of ${files.length} test files at one instant (again with --turn ${turn})`);
  return INSTANTS.map((_, i) => files.filter((_, n) => (n + turn) % INSTANTS.length === i));
}

function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith('.test.ts') ? [realpathSync(p)] : [];
  });
}

function faketimeAvailable() {
  return spawnSync('faketime', ['@0', 'true']).status === 0;
}

// 1. Another folder: deeper than this one, spaces and Chinese in its names, and a link to it.
const base = mkdtempSync(join(tmpdir(), 'creditdesk anywhere-'));
try {
  const copy = join(base, 'a deeper', 'folder with spaces', '信用 窗口', 'creditdesk');
  mkdirSync(copy, { recursive: true });
  const tracked = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (tracked.status !== 0) throw new Error(`git ls-files failed: ${tracked.stderr}`);
  for (const f of tracked.stdout.split('\0').filter(Boolean)) {
    mkdirSync(dirname(join(copy, f)), { recursive: true });
    cpSync(join(root, f), join(copy, f), { verbatimSymlinks: true });
  }
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'));
  const runnerTest = ['tools/run-tests.mjs', 'tests/unit/core/testRunner.test.ts'];
  step(`the runner's own test from ${copy}`, process.execPath, runnerTest, { cwd: copy });
  const link = join(base, 'linked');
  symlinkSync(copy, link);
  step(`the runner's own test through a link (${link})`, process.execPath, runnerTest, { cwd: link });
} finally {
  rmSync(base, { recursive: true, force: true });
}

// 2. Other days, other zones.
if (!faketimeAvailable()) {
  failures.push('faketime');
  console.log('\n✖ faketime is not installed (Debian: apt-get install faketime); the suite was not run at other instants.');
} else {
  const testsAt = quick ? turnedOver(QUICK_TESTS) : INSTANTS.map(() => FULL_TESTS);
  INSTANTS.forEach(({ at, tz }, i) => {
    const epoch = Math.floor(Date.parse(at) / 1000);
    step(`${quick ? `${testsAt[i].length} test files` : 'tests'} at ${at} with the machine in ${tz}`, 'faketime', [`@${epoch}`, process.execPath, 'tools/run-tests.mjs', ...testsAt[i]], {
      cwd: root,
      env: { ...process.env, TZ: tz },
    });
  });
}

console.log(failures.length ? `\ntest:anywhere: ${failures.length} step(s) failed: ${failures.join('; ')}` : '\ntest:anywhere: the suite passes in every folder, at every instant and in every zone tried.');
// The closing line CI reads: tests run across every folder, instant and zone above.
console.log(`anywhere: ${totals.pass} passed, ${totals.fail + (failures.length && !totals.fail ? failures.length : 0)} failed`);
process.exit(failures.length ? 1 : 0);
