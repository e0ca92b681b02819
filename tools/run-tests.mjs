#!/usr/bin/env node
// Runs every *.test.ts below the given folders with Node's own test runner (Node 20's --test
// does not expand globs itself). tsx compiles TypeScript on the fly.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

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
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files], { stdio: 'inherit', env: { ...process.env, CREDITDESK_QUIET: '1' } });
process.exit(r.status ?? 1);
