import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createPreflight } from '../../../electron/api/dispatcher';
import { startHost, type RunningHost } from '../../../electron/host/httpHost';
import { writeLaunchPage } from '../../../electron/host/launchPage';
import { openTestCore, type TestCore } from '../../support/core';

// Issue 28: a reload logged the clerk out and a second window needed a restart. The launch key is
// now taken up once for a browser cookie. Written as the attacks: another browser replaying the
// used launch link, a request without the cookie or with a forged one, another origin's request.
let core: TestCore;
let host: RunningHost;
let dir: string;
let page: ReturnType<typeof writeLaunchPage>;
const SECRET = 'launch-secret-for-cookie-tests-0123';

before(async () => {
  core = await openTestCore();
  dir = mkdtempSync(join(tmpdir(), 'cd-cookie-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>CreditDesk</title>');
  host = await startHost({ dispatch: core.dispatch, preflight: createPreflight(core.ctx), staticDir: dir, port: 0, secret: SECRET, onKeyUsed: () => page.remove() });
  page = writeLaunchPage(dir, host.url);
});
after(async () => {
  await host.close();
  await core.dispose();
  rmSync(dir, { recursive: true, force: true });
});

const api = (headers: Record<string, string>, method = 'auth.status', init: RequestInit = {}) =>
  fetch(`http://127.0.0.1:${host.port}/api/${method}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}', ...init });
/** fetch cannot set Host: a raw request, as a rebinding page's browser would send it. */
const statusWithHost = (hostHeader: string, cookie: string) =>
  new Promise<number>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/api/auth.status', method: 'POST', headers: { host: hostHeader, cookie, 'content-type': 'application/json' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end('{}');
  });
const launch = (headers: Record<string, string>) => fetch(`http://127.0.0.1:${host.port}/launch`, { method: 'POST', headers });

test('the launch key is taken up once for a host-only session cookie; then only that cookie admits', async () => {
  const first = await launch({ 'x-creditdesk-key': SECRET });
  assert.equal(first.status, 204);
  assert.equal(existsSync(page.file), false, 'the launch page is spent');
  const setCookie = first.headers.get('set-cookie') ?? '';
  const [pair, ...attributes] = setCookie.split(';').map((p) => p.trim());
  assert.equal(pair!.split('=')[0], `creditdesk-${host.port}`, 'named for its port: cookies ignore ports');
  assert.deepEqual(attributes.map((a) => a.toLowerCase()).sort(), ['httponly', 'path=/', 'samesite=strict']);
  assert.ok(!/domain|max-age|expires/i.test(setCookie), 'host-only, and it dies with the browser');
  assert.ok(!setCookie.includes(SECRET), 'the cookie is not the launch key');
  const cookie = { cookie: pair! };

  // This browser: every call, every reload, every other window.
  assert.equal((await api(cookie)).status, 200);
  assert.equal((await api(cookie)).status, 200);
  assert.equal((await launch({ ...cookie, 'x-creditdesk-key': SECRET })).status, 204, 'its own reload of the launch link');

  // Attack: another browser replays the used launch link (the key in the fragment, no cookie).
  const replay = await launch({ 'x-creditdesk-key': SECRET });
  assert.equal(replay.status, 401);
  assert.equal(replay.headers.get('set-cookie'), null);
  // Attack: the spent key sent straight to the API, no cookie at all, a forged cookie, another port's name.
  const attempts: Record<string, string>[] = [{ 'x-creditdesk-key': SECRET }, {}, { cookie: `creditdesk-${host.port}=forged` }, { cookie: `creditdesk-1=${pair!.split('=')[1]}` }];
  for (const headers of attempts) {
    const res = await api(headers);
    assert.equal(res.status, 401, JSON.stringify(headers));
    assert.equal(((await res.json()) as { error: { details: { reason: string } } }).error.details.reason, 'launch_key');
  }
  // Attack: another site's page (DNS rebinding) even with the cookie; a form post (not JSON) with it.
  assert.equal(await statusWithHost(`evil.example:${host.port}`, cookie.cookie), 421);
  assert.equal((await api({ ...cookie, 'content-type': 'text/plain' })).status, 415);
  // A cross-origin fetch must pass a preflight the host never grants.
  const preflight = await fetch(`http://127.0.0.1:${host.port}/api/auth.status`, { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:9999', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
  assert.equal(preflight.headers.get('access-control-allow-origin'), null);
  assert.equal(preflight.headers.get('access-control-allow-credentials'), null);
});

test('/launch takes POST only', async () => {
  const res = await fetch(`http://127.0.0.1:${host.port}/launch`, { headers: { 'x-creditdesk-key': SECRET } });
  assert.equal(res.status, 405);
});
