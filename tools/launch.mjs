#!/usr/bin/env node
// `npm start`: build the console if its sources changed, then open it in Electron where the
// Electron binary is installed, otherwise say so in one line and serve it in browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const bin = (name) => join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const built = join(root, 'out', 'renderer', 'index.html');
const hostBundle = join(root, 'out', 'host', 'webMain.cjs');
const sources = ['renderer', 'shared', 'electron', 'resources'].map((d) => newestMtime(join(root, d)));
const stale = (f) => !existsSync(f) || statSync(f).mtimeMs < Math.max(...sources);
if (stale(built) || stale(hostBundle)) {
  const r = spawnSync(bin('electron-vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
  const h = spawnSync(process.execPath, [join(root, 'tools', 'build-host.mjs')], { cwd: root, stdio: 'inherit' });
  if (h.status !== 0) process.exit(h.status ?? 1);
}

// Read electron's path.txt ourselves: require('electron') starts a download when the binary is
// missing, which on an isolated machine only prints a stack trace.
function electronBinary() {
  const dir = join(root, 'node_modules', 'electron');
  const pathTxt = join(dir, 'path.txt');
  if (!existsSync(pathTxt)) return null;
  const binary = join(dir, 'dist', readFileSync(pathTxt, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

// Joining an office host (--join CODE) is a step of its own, the same with or without Electron.
const joining = args.includes('--join') || args.some((a) => a.startsWith('--join='));
const electron = joining ? null : electronBinary();
const child = electron
  ? spawn(electron, [root, ...args], { cwd: root, stdio: 'inherit' })
  : joining
    ? spawn(process.execPath, ['--enable-source-maps', hostBundle, ...args], { cwd: root, stdio: 'inherit' })
    : (console.error('The Electron binary is not installed on this machine (npm run electron:fetch where a network allows); serving the console in browser mode.'),
      spawn(process.execPath, ['--enable-source-maps', hostBundle, '--open', ...args], { cwd: root, stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
