#!/usr/bin/env node
// `npm test`'s first step: the type checks and the lint, side by side (each is mostly one thread,
// and CI has 20 minutes on 2 cores). Each one's output is printed whole when it ends, so two
// reports never interleave; the step fails if any of them does.
import { spawn } from 'node:child_process';

const CHECKS = [
  ['typecheck', ['run', 'typecheck', '--silent']],
  ['lint', ['run', 'lint', '--silent']],
];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const results = await Promise.all(
  CHECKS.map(
    ([name, args]) =>
      new Promise((resolve) => {
        const started = performance.now();
        const child = spawn(npm, args, { stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('close', (code) => {
          const seconds = ((performance.now() - started) / 1000).toFixed(0);
          process.stdout.write(`${code === 0 ? '✔' : '✖'} ${name} (${seconds} s)\n${out}`);
          resolve(code === 0);
        });
      }),
  ),
);
process.exit(results.every(Boolean) ? 0 : 1);
