// Issue 23, slow clients against the office host (the attack of issue 29 on browser mode, again
// over TLS): connections that never finish their handshake take every place; an enrolled window
// still gets in, by the place of the one that has kept the host waiting longest. Its own office,
// host and loopback address (127.0.23.6), with small limits so that the attack is cheap.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import type { RunningOfficeHost } from '../../../electron/host/officeHost';
import { serveOfficeHost } from '../../../electron/host/serveOfficeHost';
import { greetOfficeHost, joinOffice } from '../../../electron/office/joinOffice';
import { pinnedConnect, requestOver } from '../../../electron/office/hostConnection';
import type { TLSSocket } from 'node:tls';
import { readWindowIdentity } from '../../../electron/office/windowIdentity';
import { createEnrollmentCode } from '../../../electron/services/office/windowService';
import { openTestCore, type TestCore } from '../../support/core';
import { testWorkstation } from '../../support/officeWindow';

const ADDRESS = '127.0.23.6';
const LIMIT = 6;
let core: TestCore;
let host: RunningOfficeHost & { pin: string };

before(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  host = await serveOfficeHost(core.ctx, ADDRESS, 0, { maxConnections: LIMIT, maxConnectionsPerClient: LIMIT });
});
after(async () => {
  await host.close();
  await core.dispose();
});

test('connections that never finish their handshake cannot keep an enrolled window out', async () => {
  const ws = await testWorkstation();
  await joinOffice(ws.dir, ws.seal, (await createEnrollmentCode(core.ctx, null, { number: 1 })).code);
  const attackers: { socket: Socket; closed: Promise<void>; gone: boolean }[] = [];
  for (let i = 0; i < LIMIT; i++) {
    const socket = connect(host.port, ADDRESS);
    socket.on('error', () => undefined);
    await new Promise((resolve) => socket.once('connect', resolve));
    const a = { socket, gone: false, closed: new Promise<void>((resolve) => socket.once('close', () => resolve())) };
    void a.closed.then(() => (a.gone = true));
    attackers.push(a);
  }
  assert.equal((await greetOfficeHost(ws.dir, ws.seal)).window.number, 1);
  // The place was the first attacker's (it had kept the host waiting longest), taken when the
  // window connected: gone before the window's handshake and request were through, not at the
  // handshake timeout; the others are still there.
  assert.deepEqual(attackers.map((a) => a.gone), [true, ...Array<boolean>(LIMIT - 1).fill(false)]);
  for (const a of attackers) a.socket.destroy();
});

test("a hall behind one address: windows that share it do not take each other's places", async () => {
  // Two places per client; both windows reach the host from the same address, as through NAT.
  const nat = await serveOfficeHost(core.ctx, '127.0.23.7', 0, { maxConnections: 16, maxConnectionsPerClient: 2 });
  try {
    const windowTarget = async (number: number) => {
      const ws = await testWorkstation();
      await joinOffice(ws.dir, ws.seal, (await createEnrollmentCode(core.ctx, null, { number })).code);
      const { identity, keyPem } = (await readWindowIdentity(ws.dir, ws.seal))!;
      return { address: '127.0.23.7', port: nat.port, pin: nat.pin, client: { keyPem, certPem: identity.certificatePem } };
    };
    const [first, second] = [await windowTarget(11), await windowTarget(12)];
    const answers = async (socket: TLSSocket) => (await requestOver<unknown>(socket, 'GET', '/identity')).result.ok;
    const held = [await pinnedConnect(first), await pinnedConnect(first)];
    // The second window's two connections, from the same address, each answered.
    const others = [await pinnedConnect(second), await pinnedConnect(second)];
    assert.deepEqual(await Promise.all(others.map(answers)), [true, true]);
    // Had the address's two places been the first window's, they would have been taken from it
    // when the second window connected: both of its connections are still answered.
    assert.deepEqual(await Promise.all(held.map(answers)), [true, true]);
    // A window still has two places of its own: a third connection takes the place of its longest-waiting one.
    const [a, b] = [await pinnedConnect(first), await pinnedConnect(first)];
    const c = await pinnedConnect(first);
    assert.equal(await answers(c), true);
    await assert.rejects(answers(a));
    assert.equal(await answers(b), true);
  } finally {
    await nat.close();
  }
});
