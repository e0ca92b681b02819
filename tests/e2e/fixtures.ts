import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { consoleUrlFromLaunchPage, LAUNCH_PAGE } from '../../electron/host/launchPage';
import { chinaDate } from '../../shared/calendar/dates';

export interface ConsoleServer {
  url: string;
  dataDir: string;
  /** Demo account passwords by role, parsed from the one time they are printed. */
  passwords: Record<string, string>;
  /**
   * The browser cookie the launch key was taken up for (electron/host/browserAdmission.ts): the
   * key works once, so the fixture takes it up and every test's browser context gets the cookie.
   */
  cookie: { name: string; value: string };
}

/** Takes up the launch key as the page would (POST /launch) and returns the cookie it answers with. */
async function takeUpLaunchKey(url: string): Promise<{ name: string; value: string }> {
  const [origin, fragment] = url.split('#') as [string, string];
  const res = await fetch(new URL('/launch', origin), { method: 'POST', headers: { 'x-creditdesk-key': new URLSearchParams(fragment).get('key') ?? '' } });
  const [pair] = (res.headers.get('set-cookie') ?? '').split(';');
  const eq = pair?.indexOf('=') ?? -1;
  if (res.status !== 204 || !pair || eq < 0) throw new Error(`the launch key was not taken up: ${res.status}`);
  return { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
}

/** Headers for calling the console's API from a test, as the browser that opened it. */
export function apiHeaders(server: ConsoleServer): Record<string, string> {
  return { 'content-type': 'application/json', cookie: `${server.cookie.name}=${server.cookie.value}` };
}

/**
 * The instant a spec's console starts at unless the spec names its own: a Wednesday morning in
 * China, in a year the built-in holiday calendar covers and far from its end, so that every
 * deadline a spec counts (20 working days at most) falls inside that year. Nothing in the suite
 * reads the machine's date: the console runs on this clock (out/e2e/clockedWebMain.cjs), and the
 * page takes the office's time from the console, not from the browser.
 */
export const E2E_NOW = '2026-11-18T10:00:00+08:00';
/** The China date of an instant a spec states. */
export const dayOf = (instant: string): string => chinaDate(new Date(instant));

/** The unlock passphrase of the non-demo offices the e2e tests create. */
export const E2E_PASSPHRASE = 'e2e-office-passphrase';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Starts browser mode on its own data directory, its clock at `now`, and waits for the URL line
 * (no sleeps). The console is `npm start`'s browser mode built with the suite's clock entry
 * (test:e2e builds both first).
 */
export async function startConsole(opts: { demo: boolean; now?: string; dataDir?: string; passphrase?: string } = { demo: true }): Promise<{ server: ConsoleServer; child: ChildProcess }> {
  // `dataDir`: an office made by an earlier start (and changed while the console was stopped).
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'creditdesk-e2e-'));
  const args = ['--enable-source-maps', join(root, 'out', 'e2e', 'clockedWebMain.cjs'), '--office-now', opts.now ?? E2E_NOW, ...(opts.demo ? ['--demo'] : []), '--data-dir', dataDir];
  const child = spawn(process.execPath, args, {
    cwd: root,
    // The demo office uses its printed demo passphrase; a fresh office gets a fixed test passphrase.
    // A joined workstation (hall.spec.ts) has its own passphrase.
    env: { ...process.env, CREDITDESK_QUIET: '1', ...(opts.demo ? {} : { CREDITDESK_PASSPHRASE: opts.passphrase ?? E2E_PASSPHRASE }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const passwords: Record<string, string> = {};
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`console did not start in time:\n${stderr}`)), 120_000);
    child.stdout!.on('data', (d: Buffer) => {
      buffer += d.toString();
      for (const m of buffer.matchAll(/demo account\s+(\w+)\s+\w+\s+(\S+)/g)) passwords[m[1]!] = m[2]!;
      const line = buffer.split('\n').find((l) => l.startsWith('http://127.0.0.1:'));
      if (line) {
        clearTimeout(timer);
        // The printed address has no key; the one-time launch page (0600 in the data directory)
        // holds it. Read it before any browser spends it.
        const launch = consoleUrlFromLaunchPage(readFileSync(join(dataDir, LAUNCH_PAGE), 'utf8'));
        if (launch) resolve(launch);
        else reject(new Error(`no launch page in ${dataDir} (printed ${line.trim()})`));
      }
    });
    child.on('exit', (code) => reject(new Error(`console exited with ${code}:\n${stderr}`)));
  });
  return { server: { url, dataDir, passwords, cookie: await takeUpLaunchKey(url) }, child };
}

export async function stopConsole(server: ConsoleServer, child: ChildProcess, opts: { keepDataDir?: boolean } = {}): Promise<void> {
  if (child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
  if (!opts.keepDataDir) rmSync(server.dataDir, { recursive: true, force: true });
}

/** A demo console for one worker, at `now`; a spec that needs a console of its own (or another instant) re-declares it. */
export function demoConsoleFixture(now: string = E2E_NOW): [(args: object, use: (server: ConsoleServer) => Promise<void>) => Promise<void>, { scope: 'worker'; timeout: number }] {
  return [
    async ({}, use: (server: ConsoleServer) => Promise<void>) => {
      const { server, child } = await startConsole({ demo: true, now });
      await use(server);
      await stopConsole(server, child);
    },
    { scope: 'worker', timeout: 180_000 },
  ];
}

export const test = base.extend<{ consolePage: ConsolePage }, { server: ConsoleServer }>({
  server: demoConsoleFixture(),
  consolePage: async ({ page, server }, use) => {
    await use(new ConsolePage(page, server));
  },
});

/** Page object for the console: the steps a clerk or auditor takes, named as they would say them. */
export class ConsolePage {
  constructor(
    readonly page: Page,
    readonly server: ConsoleServer,
  ) {}

  async open(): Promise<void> {
    await this.page.context().addCookies([{ ...this.server.cookie, url: this.server.url.split('#')[0]!, httpOnly: true, sameSite: 'Strict' }]);
    await this.page.goto(this.server.url);
  }

  async loginAs(role: string): Promise<void> {
    await this.open();
    await this.page.getByTestId('login-username').fill(role);
    await this.page.getByTestId('login-password').fill(this.server.passwords[role] ?? '');
    await this.page.getByTestId('login-submit').click();
    await expect(this.page.getByTestId('whoami')).toBeVisible();
  }

  async logout(): Promise<void> {
    await this.page.getByTestId('logout').click();
    await expect(this.page.getByTestId('login-username')).toBeVisible();
  }

  async lookup(idNumber: string, name: string, purposeLabel: RegExp | string): Promise<void> {
    await this.page.getByTestId('id-number').fill(idNumber);
    await this.page.getByTestId('id-number').press('Enter');
    await this.page.getByTestId('subject-name').fill(name);
    await this.page.getByTestId('purpose').click();
    await this.page.getByRole('option', { name: purposeLabel }).click();
    await this.page.getByTestId('lookup').click();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(root, 'test-results', 'screens', `${name}.png`), fullPage: true });
  }

  /** A screenshot at each width (`name-1024.png`, …), failing if anything runs off the side; back at 1366 after. */
  async screenshotAt(name: string, widths: readonly number[]): Promise<void> {
    for (const width of widths) {
      await this.page.setViewportSize({ width, height: 900 });
      await this.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const overflow = await this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} at ${width} px overflows by ${overflow} px`).toBeLessThanOrEqual(0);
      await this.screenshot(`${name}-${width}`);
    }
    await this.page.setViewportSize({ width: 1366, height: 900 });
  }
}

export { expect };
