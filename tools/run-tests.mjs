#!/usr/bin/env node
// Runs every *.test.ts below the given folders with Node's own test runner (Node 20's --test
// does not expand globs itself). tsx compiles TypeScript on the fly.
//
// Once in many runs, a test file's process on Node 20 stalls for good while tsx's module hooks
// load it (idle, no output: the loader-hooks thread deadlock reported against Node 20/22 and
// tsx). A healthy run takes about a minute, so a run still going after HANG_MS is stopped and the
// suite is run once more; a run that fails on its own is never retried.
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const HANG_MS = Number(process.env.CREDITDESK_TEST_HANG_MS ?? 8 * 60_000);

function find(dir) {
  let out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out = out.concat(find(p));
    else if (e.name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const files = process.argv.slice(2).flatMap((d) => find(d)).sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

function run() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], {
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, CREDITDESK_QUIET: '1' },
    });
    const timer = setTimeout(() => {
      process.kill(-child.pid, 'SIGKILL');
      resolve('hung');
    }, HANG_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code ?? 1);
    });
  });
}

let result = await run();
if (result === 'hung') {
  console.error(`\nThe test run did not finish within ${HANG_MS / 60_000} minutes (a stalled test process); running the suite once more.\n`);
  result = await run();
  if (result === 'hung') {
    console.error('The test run stalled twice.');
    result = 1;
  }
}
process.exit(result);
