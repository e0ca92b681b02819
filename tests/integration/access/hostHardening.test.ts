import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createPreflight } from '../../../electron/api/dispatcher';
import { isJsonMediaType, startHost, type RunningHost } from '../../../electron/host/httpHost';
import { consoleUrlFromLaunchPage, writeLaunchPage } from '../../../electron/host/launchPage';
import type { ApiErrorBody } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { openTestCore, type TestCore } from '../../support/core';

// Attacks on browser mode from another local page or process: they may know the port, not the key.
let core: TestCore;
let host: RunningHost;
let staticDir: string;
const SECRET = 'launch-secret-for-tests-0123456789';
const MAX_CONNECTIONS = 8;

before(async () => {
  core = await openTestCore();
  staticDir = mkdtempSync(join(tmpdir(), 'cd-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CreditDesk</title>');
  host = await startHost({ dispatch: core.dispatch, preflight: createPreflight(core.ctx), staticDir, port: 0, secret: SECRET, limits: { maxConnections: MAX_CONNECTIONS } });
});
after(async () => {
  await host.close();
  await core.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

/**
 * Announces an 80 MiB upload and keeps streaming it while listening: returns the status line the
 * server answered with and how many body bytes had been sent by the time the connection closed.
 */
function streamLargeUpload(headers: Record<string, string>): Promise<{ status: string; sentBytes: number }> {
  const total = 80 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1');
    let sent = 0;
    let answer = '';
    let done = false;
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    const finish = () => {
      if (done) return;
      done = true;
      resolve({ status: answer.split('\r\n')[0] ?? '', sentBytes: sent });
    };
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('close', finish);
    socket.on('error', () => finish());
    socket.on('connect', () => {
      const head = [`POST /api/attachment.upload HTTP/1.1`, `Host: 127.0.0.1:${host.port}`, `Content-Length: ${total}`, ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`), '', ''].join('\r\n');
      socket.write(head);
      const pump = () => {
        while (!done && sent < total) {
          sent += chunk.length;
          if (!socket.write(chunk)) return void socket.once('drain', pump);
        }
      };
      pump();
    });
    setTimeout(() => (done ? undefined : reject(new Error(`the server read ${sent} bytes and never answered`))), 30_000).unref();
  });
}

test('attack: an 80 MiB upload without a session is refused before it is read', async () => {
  const r = await streamLargeUpload({ 'Content-Type': 'application/json', 'X-CreditDesk-Key': SECRET });
  assert.match(r.status, /^HTTP\/1\.1 401/);
  assert.ok(r.sentBytes < 40 * 1024 * 1024, `the server kept reading: ${r.sentBytes} bytes were sent before it closed`);
});

test('attack: an 80 MiB upload with a forged session is refused before it is read', async () => {
  const r = await streamLargeUpload({ 'Content-Type': 'application/json', 'X-CreditDesk-Key': SECRET, 'X-CreditDesk-Session': 'forged-token' });
  assert.match(r.status, /^HTTP\/1\.1 401/);
  assert.ok(r.sentBytes < 40 * 1024 * 1024, `${r.sentBytes} bytes were sent before it closed`);
});

test('attack: an 80 MiB upload without the launch key is refused before it is read', async () => {
  const r = await streamLargeUpload({ 'Content-Type': 'application/json' });
  assert.match(r.status, /^HTTP\/1\.1 401/);
  assert.ok(r.sentBytes < 40 * 1024 * 1024);
});

test('attack: application/jsonx (and other near-JSON types) is refused; the exact type passes', async () => {
  assert.equal(isJsonMediaType('application/jsonx'), false);
  assert.equal(isJsonMediaType('application/json-patch+json'), false);
  assert.equal(isJsonMediaType('text/plain; x=application/json'), false);
  assert.equal(isJsonMediaType('application/json; charset=latin1'), false);
  assert.equal(isJsonMediaType('application/json'), true);
  assert.equal(isJsonMediaType('Application/JSON; charset=UTF-8'), true);
  const res = await fetch(`http://127.0.0.1:${host.port}/api/auth.status`, { method: 'POST', headers: { 'content-type': 'application/jsonx', 'x-creditdesk-key': SECRET }, body: '{}' });
  assert.equal(res.status, 415);
  const ok = await fetch(`http://127.0.0.1:${host.port}/api/auth.status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-creditdesk-key': SECRET }, body: '{}' });
  assert.equal(ok.status, 200);
});

test('attack: opening many connections — beyond the limit they are dropped, and the console still answers after', async () => {
  const sockets: Socket[] = [];
  const closed = new Set<number>();
  const closes: Promise<void>[] = [];
  // Resolved once six connections were dropped by the server: waited on, never slept for (a hang
  // fails the test by name at its timeout).
  let sixDropped!: () => void;
  const dropped = new Promise<void>((resolve) => (sixDropped = resolve));
  await Promise.all(
    Array.from({ length: MAX_CONNECTIONS + 6 }, (_, i) =>
      new Promise<void>((resolve) => {
        const s = connect(host.port, '127.0.0.1', () => resolve());
        closes.push(new Promise<void>((done) => s.on('close', () => done())));
        s.on('close', () => {
          closed.add(i);
          if (closed.size >= 6) sixDropped();
        });
        s.on('error', () => undefined);
        sockets.push(s);
      }),
    ),
  );
  await dropped;
  assert.ok(closed.size >= 6, `only ${closed.size} of ${sockets.length} idle connections were dropped`);
  for (const s of sockets) s.destroy();
  await Promise.all(closes);
  const ok = await fetch(`http://127.0.0.1:${host.port}/api/auth.status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-creditdesk-key': SECRET }, body: '{}' });
  assert.equal(ok.status, 200);
});

test('the printed address carries no key; the key is only in the launch URL fragment', () => {
  assert.doesNotMatch(host.origin, /key|#/);
  assert.ok(host.url.startsWith(host.origin) && host.url.endsWith(`#key=${SECRET}`));
});

test('the launch page is 0600, forwards with the key in the fragment, and is spent by the first keyed request', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-launch-'));
  try {
    let spent = false;
    const h = await startHost({
      dispatch: core.dispatch,
      preflight: createPreflight(core.ctx),
      staticDir,
      port: 0,
      secret: SECRET,
      onKeyUsed: () => {
        spent = true;
        page.remove();
      },
    });
    const page = writeLaunchPage(dir, h.url);
    try {
      assert.equal(statSync(page.file).mode & 0o777, 0o600);
      assert.ok(page.fileUrl.startsWith('file://') && !page.fileUrl.includes(SECRET), 'what goes on the command line has no key');
      assert.equal(consoleUrlFromLaunchPage(readFileSync(page.file, 'utf8')), h.url);
      // A request without the key does not spend it; the first one with it does.
      await fetch(`http://127.0.0.1:${h.port}/api/auth.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      assert.equal(existsSync(page.file), true);
      await fetch(`http://127.0.0.1:${h.port}/api/auth.status`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-creditdesk-key': SECRET }, body: '{}' });
      assert.equal(spent, true);
      assert.equal(existsSync(page.file), false);
    } finally {
      await h.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a page opened without the launch key is told how to get in, in both languages', async () => {
  const res = await fetch(`http://127.0.0.1:${host.port}/api/auth.status`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  const body = (await res.json()) as { error: ApiErrorBody };
  assert.equal(res.status, 401);
  assert.match(errorMessage(body.error, 'zh'), /open-console\.html/);
  assert.match(errorMessage(body.error, 'en'), /launch page|page made at start/);
});
