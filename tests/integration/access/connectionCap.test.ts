import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createPreflight } from '../../../electron/api/dispatcher';
import { startHost, type RunningHost } from '../../../electron/host/httpHost';
import { openTestCore, type TestCore } from '../../support/core';

// The host's cap on connections of all clients together (hostLimits.ts maxConnections, enforced by
// connectionAdmission.ts) had no test: only the per-client share was ever reached, since on
// loopback every page is one client. Here each connection comes from a loopback address of its
// own (127.0.0.2, 127.0.0.3, …), as a hall's windows would, so only the global cap can refuse.
// The attack: more connections than the cap, each with a request the host is answering. Every
// wait is on a socket's own events.

let core: TestCore;
let staticDir: string;
let h: RunningHost;
const SECRET = 'launch-secret-for-tests-0123456789';
const CAP = 3;

before(async () => {
  core = await openTestCore();
  staticDir = mkdtempSync(join(tmpdir(), 'cd-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>CreditDesk</title>');
  // The share per client is far above the cap: a refusal can only come from the cap.
  h = await startHost({ dispatch: core.dispatch, preflight: createPreflight(core.ctx), staticDir, port: 0, secret: SECRET, limits: { maxConnections: CAP, maxConnectionsPerClient: 16 } });
});
after(async () => {
  await h.close();
  await core.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

interface Conn { socket: Socket; received: () => string; closed: Promise<void>; data: Promise<void> }

/** A connection from loopback address 127.0.0.n that sends `head` once connected. */
function from(n: number, head: string): Promise<Conn> {
  const socket = connect({ port: h.port, host: '127.0.0.1', localAddress: `127.0.0.${n}` });
  let text = '';
  socket.on('error', () => undefined);
  const data = new Promise<void>((resolve) => socket.on('data', (d: Buffer) => {
    text += d.toString('latin1');
    resolve();
  }));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  return new Promise((resolve) => socket.on('connect', () => {
    socket.write(head);
    resolve({ socket, received: () => text, closed, data });
  }));
}

/** A call with the key whose 2-byte body has not come yet: the server answers "100 Continue" and waits. */
const waitingCall = `POST /api/auth.status HTTP/1.1\r\nHost: 127.0.0.1:PORT\r\nContent-Type: application/json\r\nX-CreditDesk-Key: ${SECRET}\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n`;

test('attack: beyond the cap of all clients together a new connection is refused; once they close, a call is served', { timeout: 20_000 }, async () => {
  const head = waitingCall.replace('PORT', String(h.port));
  const busy: Conn[] = [];
  for (let n = 2; n < 2 + CAP; n++) {
    const c = await from(n, head);
    await c.data;
    assert.match(c.received(), /^HTTP\/1\.1 100/, `client 127.0.0.${n} is being answered`);
    busy.push(c);
  }
  // One more, from yet another client: every place is held by a request being answered.
  const extra = await from(2 + CAP, head);
  await extra.closed;
  assert.equal(extra.received(), '', 'the connection over the cap was answered');
  // The busy ones were not cut off to make room: their bodies come now and they are answered.
  const answered = busy.map((c) => new Promise<void>((resolve) => c.socket.on('data', () => {
    if (c.received().includes('HTTP/1.1 200')) resolve();
  })));
  for (const c of busy) c.socket.write('{}');
  await Promise.all(answered);
  for (const c of busy) c.socket.destroy();
  await Promise.all(busy.map((c) => c.closed));
  // Their places are free again: the client that was refused is served at its first try.
  const again = await from(2 + CAP, head.replace('Expect: 100-continue\r\n', '').replace('\r\n\r\n', '\r\nConnection: close\r\n\r\n{}'));
  await again.closed;
  assert.match(again.received(), /^HTTP\/1\.1 200/);
});
