import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { consoleUrlFromLaunchPage, LAUNCH_PAGE } from '../../electron/host/launchPage';
import { percentiles } from './stats';

// console.startToLoginMs: a cold start of browser mode (a new process on a data directory whose demo
// office is already built) until the login screen answers — the page is served and auth.status,
// the first call the login screen makes, returns. It runs the bundle `npm run build` makes, as
// `npm start` does. Baseline: the bare Node process start (`node -e 0`).

const root = join(import.meta.dirname, '..', '..');
const webMain = join(root, 'out', 'host', 'webMain.cjs');

function start(args: string[], dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [webMain, ...args, '--data-dir', dataDir], { cwd: root, env: { ...process.env, CREDITDESK_QUIET: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const stop = () => new Promise<void>((r) => {
    if (child.exitCode !== null) return r();
    child.once('exit', () => r());
    child.kill('SIGTERM');
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (!line) return;
      // The printed address has no key; the one-time launch page in the data directory holds it.
      const url = consoleUrlFromLaunchPage(readFileSync(join(dataDir, LAUNCH_PAGE), 'utf8'));
      if (url) resolve({ url, stop });
      else reject(new Error('no launch page was written'));
    });
    child.once('exit', (code) => reject(new Error(`webMain exited with ${code}: ${err}`)));
  });
}

async function loginAnswers(url: string): Promise<void> {
  const u = new URL(url);
  const key = new URLSearchParams(u.hash.slice(1)).get('key') ?? '';
  const page = await fetch(`${u.origin}/`);
  if (!(await page.text()).includes('<div id="root">')) throw new Error('the console page was not served');
  const status = await fetch(`${u.origin}/api/auth.status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-creditdesk-key': key }, body: '{}' });
  const body = (await status.json()) as { ok: boolean };
  if (!body.ok) throw new Error('auth.status did not answer');
}

/**
 * What the console's page loads: the script the page names (read before the login shows), and
 * everything the build put in out/renderer (lazy chunks, fonts, the QR decoder).
 */
function rendererSizes(): Record<string, number> {
  const dir = join(root, 'out', 'renderer');
  const entry = /<script[^>]+src="\.\/(assets\/[^"]+\.js)"/.exec(readFileSync(join(dir, 'index.html'), 'utf8'))?.[1];
  const all = (d: string): number => readdirSync(d, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? all(join(d, e.name)) : statSync(join(d, e.name)).size), 0);
  return { 'console.startScriptKiB': entry ? Math.round(statSync(join(dir, entry)).size / 1024) : -1, 'console.rendererTotalKiB': Math.round(all(dir) / 1024) };
}

export async function benchConsole(): Promise<Record<string, number>> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html')) || !existsSync(webMain)) return {};
  const dataDir = mkdtempSync(join(tmpdir(), 'creditdesk-bench-console-'));
  try {
    const t0 = performance.now();
    const built = await start(['--demo'], dataDir);
    const buildMs = performance.now() - t0;
    await built.stop();
    const starts: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const s = performance.now();
      const c = await start([], dataDir);
      await loginAnswers(c.url);
      starts.push(performance.now() - s);
      await c.stop();
    }
    const bare: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const s = performance.now();
      await new Promise((r) => spawn(process.execPath, ['-e', '0']).once('exit', r));
      bare.push(performance.now() - s);
    }
    const p = percentiles(starts);
    return {
      console_demo_build_ms: Math.round(buildMs),
      'console.startToLoginMs': Math.round(p.p50),
      console_start_max_ms: Math.round(Math.max(...starts)),
      console_bare_node_start_ms: Math.round(percentiles(bare).p50),
      ...rendererSizes(),
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
