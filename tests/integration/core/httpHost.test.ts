import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createPreflight } from '../../../electron/api/dispatcher';
import { startHost, type RunningHost } from '../../../electron/host/httpHost';
import { DEFAULT_MAX_REQUEST_BYTES } from '../../../shared/contract/method';
import { openTestCore, type TestCore } from '../../support/core';
import { databaseContentHash } from '../../support/dbHash';
import { observedError } from '../../support/errorCoverage';

// The browser-mode transport: only a page that holds the launch key, on the loopback host name,
// reaches the dispatcher.
let core: TestCore;
let host: RunningHost;
let staticDir: string;
const SECRET = 'launch-secret-for-tests-0123456789';

before(async () => {
  core = await openTestCore();
  staticDir = mkdtempSync(join(tmpdir(), 'cd-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CreditDesk</title>');
  host = await startHost({ dispatch: core.dispatch, preflight: createPreflight(core.ctx), staticDir, port: 0, secret: SECRET });
});
after(async () => {
  await host.close();
  await core.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

function send(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path, method: opts.method ?? 'POST', headers: { host: `127.0.0.1:${host.port}`, ...opts.headers } }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

const json = { 'content-type': 'application/json', 'x-creditdesk-key': SECRET };

test('the URL carries the key in the fragment, never in the path or query', () => {
  assert.match(host.url, /^http:\/\/127\.0\.0\.1:\d+\/#key=/);
});

test('an API call with the key reaches the dispatcher and returns its typed result', async () => {
  const r = await send('/api/auth.status', { headers: json, body: '{}' });
  assert.equal(r.status, 200);
  assert.equal(JSON.parse(r.body).ok, true);
});

test('a missing or wrong key is refused before dispatch', async () => {
  for (const key of [undefined, 'wrong', SECRET.slice(0, -1)]) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (key !== undefined) headers['x-creditdesk-key'] = key;
    const r = await send('/api/auth.status', { headers, body: '{}' });
    assert.equal(r.status, 401);
    assert.equal(JSON.parse(r.body).error.code, 'UNAUTHENTICATED');
  }
});

test('another Host header (DNS rebinding) is refused', async () => {
  const r = await send('/api/auth.status', { headers: { ...json, host: `evil.example:${host.port}` }, body: '{}' });
  assert.equal(r.status, 421);
});

test('bodies that are not JSON, too large, or sent with GET are refused with a reason', async () => {
  assert.equal((await send('/api/auth.status', { headers: json, body: '{not json' })).status, 400);
  assert.equal((await send('/api/auth.status', { headers: { ...json, 'content-type': 'text/plain' }, body: '{}' })).status, 415);
  assert.equal((await send('/api/auth.status', { headers: json, body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) })).status, 413);
  assert.equal((await send('/api/auth.status', { method: 'GET', headers: json })).status, 405);
});

test('static files are served with a strict CSP and nothing outside the console folder', async () => {
  const page = await send('/', { method: 'GET' });
  assert.equal(page.status, 200);
  const csp = String(page.headers['content-security-policy']);
  assert.match(csp, /default-src 'self'/);
  assert.doesNotMatch(csp, /'unsafe-eval'/);
  assert.equal((await send('/../../etc/passwd', { method: 'GET' })).status, 404);
  assert.equal((await send('/%2e%2e/%2e%2e/etc/passwd', { method: 'GET' })).status, 404);
});

test('an upload method takes a body above the default cap; every other method is held to it', async () => {
  const bigButAllowed = JSON.stringify({ fileName: 'letter.png', mimeType: 'image/png', dataBase64: 'A'.repeat(2_000_000) });
  const { token } = await core.loginAs('clerk');
  const upload = await send('/api/attachment.upload', { headers: { ...json, 'x-creditdesk-session': token }, body: bigButAllowed });
  assert.equal(upload.status, 200);
  assert.equal(JSON.parse(upload.body).error.code, 'ATTACHMENT_INVALID'); // read in full: a session was shown first
  const small = await send('/api/auth.status', { headers: json, body: JSON.stringify({ pad: 'A'.repeat(2_000_000) }) });
  assert.equal(small.status, 413);
});

test('a body larger than the method accepts is refused as too large (413, REQUEST_TOO_LARGE with the limit), not as invalid input, and the core never runs', async () => {
  const { token } = await core.loginAs('clerk');
  const before = await databaseContentHash(core.ctx.db);
  // A statement pasted with a whole document in it: the session is fine, the size is not.
  const r = await send('/api/statement.create', { headers: { ...json, 'x-creditdesk-session': token }, body: JSON.stringify({ text: '声'.repeat(400_000) }) });
  assert.equal(r.status, 413);
  const body = JSON.parse(r.body) as { ok: boolean; error: { code: string; message: string; details: { method: string; maxBytes: number } } };
  observedError(body.error.code);
  assert.equal(body.ok, false);
  assert.equal(body.error.code, 'REQUEST_TOO_LARGE');
  assert.equal(body.error.message, `The request is larger than the ${DEFAULT_MAX_REQUEST_BYTES} bytes statement.create accepts.`);
  assert.deepEqual(body.error.details, { method: 'statement.create', maxBytes: DEFAULT_MAX_REQUEST_BYTES });
  assert.equal(await databaseContentHash(core.ctx.db), before, 'nothing was written, not even a session touch');
  // The same refusal for a body streamed without a length (chunked): it is cut off at the limit.
  const chunked = await sendChunked('/api/auth.status', { headers: json, chunks: 3, chunk: 'A'.repeat(DEFAULT_MAX_REQUEST_BYTES / 2) });
  assert.equal(chunked.status, 413);
  assert.equal((JSON.parse(chunked.body) as { error: { code: string } }).error.code, 'REQUEST_TOO_LARGE');
});

/** A request whose body arrives in chunks, with no Content-Length (the host only learns the size by reading). */
function sendChunked(path: string, opts: { headers: Record<string, string>; chunks: number; chunk: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request({ host: '127.0.0.1', port: host.port, path, method: 'POST', headers: { host: `127.0.0.1:${host.port}`, 'transfer-encoding': 'chunked', ...opts.headers } }, (res) => {
      answered = true;
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The host closes the connection once it has answered; the rest of the body is not wanted.
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const write = (i: number) => {
      if (i === opts.chunks) return req.end();
      req.write(opts.chunk, () => write(i + 1));
    };
    write(0);
  });
}
