// Issue 23, the window's kept-alive way to the host (the relay's building block): connections are
// reused, and an impostor on the host's address, showing another key, receives not one byte of a
// request, its headers (where a session token will travel) included. Own office, host and
// addresses (127.0.23.8 the host, 127.0.23.10 the impostor).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { createServer as createTlsServer, type TLSSocket } from 'node:tls';
import { after, before, test } from 'node:test';
import type { RunningOfficeHost } from '../../../electron/host/officeHost';
import { serveOfficeHost } from '../../../electron/host/serveOfficeHost';
import { hostCall, PinnedHostAgent } from '../../../electron/office/hostAgent';
import { joinOffice } from '../../../electron/office/joinOffice';
import { readWindowIdentity } from '../../../electron/office/windowIdentity';
import { EC_P256, newEcKeyPair, privateKeyPem, x509 } from '../../../electron/office/x509';
import { createEnrollmentCode } from '../../../electron/services/office/windowService';
import { AppError } from '../../../shared/errors';
import { openTestCore, type TestCore } from '../../support/core';
import { testWorkstation } from '../../support/officeWindow';

let core: TestCore;
let host: RunningOfficeHost & { pin: string };
let target: ConstructorParameters<typeof PinnedHostAgent>[0];
let windowId: string;

before(async () => {
  core = await openTestCore({ now: '2026-11-20T02:00:00Z' });
  host = await serveOfficeHost(core.ctx, '127.0.23.8', 0);
  const ws = await testWorkstation();
  windowId = (await joinOffice(ws.dir, ws.seal, (await createEnrollmentCode(core.ctx, null, { number: 1 })).code)).windowId;
  const joined = (await readWindowIdentity(ws.dir, ws.seal))!;
  target = { ...joined.identity.host, client: { keyPem: joined.keyPem, certPem: joined.identity.certificatePem } };
});
after(async () => {
  await host.close();
  await core.dispose();
});

test('requests through the agent reuse one pinned connection', async () => {
  const agent = new PinnedHostAgent(target);
  try {
    for (let i = 0; i < 3; i++) {
      const r = await hostCall<{ window: { id: string } }>(agent, target, 'GET', '/identity');
      assert.ok(r.result.ok && r.result.value.window.id === windowId);
    }
    assert.equal(host.openConnections(windowId), 1);
  } finally {
    agent.destroy();
  }
});

/** A TLS server on 127.0.23.10 with a key of its own, counting the bytes it is sent after the handshake. */
async function impostor() {
  const keys = await newEcKeyPair();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: '01', name: 'CN=CreditDesk office host', keys, signingAlgorithm: EC_P256, extensions: [new x509.SubjectAlternativeNameExtension([{ type: 'ip', value: '127.0.23.10' }])] });
  let received = 0;
  const closed: Promise<void>[] = [];
  const server = createTlsServer({ key: await privateKeyPem(keys.privateKey), cert: cert.toString('pem'), minVersion: 'TLSv1.3', requestCert: true, rejectUnauthorized: false }, (s: TLSSocket) => {
    s.on('data', (d: Buffer) => (received += d.length));
    s.on('error', () => undefined);
    closed.push(new Promise((resolve) => s.once('close', () => resolve())));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.23.10', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    /** Bytes received once every connection it accepted has closed. */
    received: async () => {
      await Promise.all(closed);
      return received;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

test('an impostor on the host address gets no byte of the request: refused as a changed host key', async () => {
  const fake = await impostor();
  const to = { ...target, address: '127.0.23.10', port: fake.port };
  const agent = new PinnedHostAgent(to);
  try {
    await assert.rejects(hostCall(agent, to, 'GET', '/identity'), (e: unknown) => e instanceof AppError && e.code === 'HOST_KEY_CHANGED');
    assert.equal(await fake.received(), 0);
  } finally {
    agent.destroy();
    await fake.close();
  }
});
