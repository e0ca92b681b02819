import { webcrypto, X509Certificate } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { JoinCodeError, parseJoinCode, type JoinCode } from '../../shared/domain/officeWindow';
import { HostKeyMismatch, peerPin, pinnedConnect, requestOver, type HostTarget } from './hostConnection';
import { readWindowIdentity, writeWindowIdentity, type WindowIdentity } from './windowIdentity';
import { EC_P256, newEcKeyPair, privateKeyPem, x509 } from './x509';

// A workstation joins the office (issue 23): it makes its key here (the key never leaves), asks
// the host pinned by the code for a certificate with a request the code authenticates, and keeps
// key, certificate and pin in its data directory. Nothing is written unless all of it succeeded.

function unreachable(target: { address: string; port: number }, err: unknown): AppError {
  return new AppError('HOST_UNREACHABLE', `The office host at ${target.address}:${target.port} cannot be reached (${(err as Error).message}).`, {
    reason: 'unreachable',
    host: `${target.address}:${target.port}`,
  });
}

async function connectPinned(target: HostTarget, onMismatch: (shown: string) => AppError) {
  try {
    return await pinnedConnect(target);
  } catch (err) {
    if (err instanceof HostKeyMismatch) throw onMismatch(err.shown);
    throw unreachable(target, err);
  }
}

/** Joins with a code (the whole code, or the short one with `typed.host` and `typed.pin`). */
export async function joinOffice(dataDir: string, sealKey: Buffer, codeText: string, typed: { host?: string; pin?: string } = {}): Promise<WindowIdentity> {
  let code: JoinCode;
  try {
    code = parseJoinCode(codeText, typed);
  } catch (err) {
    if (err instanceof JoinCodeError) throw new AppError('ENROLLMENT_REFUSED', `The join code is not complete or not well formed (${err.reason}).`, { reason: err.reason });
    throw err;
  }
  const keys = await newEcKeyPair();
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({ name: [{ CN: ['CreditDesk window'] }], keys, signingAlgorithm: EC_P256 });
  const socket = await connectPinned(code, () =>
    new AppError('ENROLLMENT_REFUSED', `The computer at ${code.address}:${code.port} did not show the office host's key named in the code: nothing was sent. Check the address, or ask the administrator for a new code.`, { reason: 'host_key_mismatch' }),
  );
  const shownPin = peerPin(socket);
  let answer;
  try {
    answer = await requestOver<{ windowId: string; number: number; name: string; certificatePem: string; caPem: string }>(socket, 'POST', '/enroll', { secret: code.secret, csr: csr.toString('pem') });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw unreachable(code, err);
  }
  if (!answer.result.ok) {
    const e = answer.result.error;
    throw new AppError(e.code === 'ENROLLMENT_REFUSED' ? 'ENROLLMENT_REFUSED' : 'HOST_UNREACHABLE', e.message, e.details ?? {});
  }
  const issued = answer.result.value;
  const cert = new X509Certificate(issued.certificatePem);
  const ours = Buffer.from(await webcrypto.subtle.exportKey('spki', keys.publicKey));
  if (!cert.publicKey.export({ type: 'spki', format: 'der' }).equals(ours) || !cert.checkIssued(new X509Certificate(issued.caPem))) {
    throw new AppError('ENROLLMENT_REFUSED', 'The host answered with a certificate that is not for this window\'s key; nothing was stored.', { reason: 'certificate_mismatch' });
  }
  const identity: WindowIdentity = {
    format: 'creditdesk-window',
    formatVersion: 1,
    // The whole pin the host showed, not the typed prefix: from now on the key must match exactly.
    host: { address: code.address, port: code.port, pin: shownPin },
    windowId: issued.windowId,
    number: issued.number,
    name: issued.name,
    certificatePem: issued.certificatePem,
    caPem: issued.caPem,
  };
  await writeWindowIdentity(dataDir, sealKey, identity, await privateKeyPem(keys.privateKey));
  return identity;
}

export interface HostGreeting {
  office: { code: string; name: string };
  window: { id: string; number: number; name: string };
  officeTime: string;
}

/** A joined window asks the host who it is: the first thing it does on every start. */
export async function greetOfficeHost(dataDir: string, sealKey: Buffer): Promise<HostGreeting> {
  const joined = await readWindowIdentity(dataDir, sealKey);
  if (!joined) throw new AppError('ENROLLMENT_REFUSED', `${dataDir} has not joined an office host: start with --join CODE.`, { reason: 'not_joined' });
  const { host } = joined.identity;
  const socket = await connectPinned({ ...host, client: { keyPem: joined.keyPem, certPem: joined.identity.certificatePem } }, (shown) =>
    new AppError(
      'HOST_KEY_CHANGED',
      `The office host at ${host.address}:${host.port} shows a different key than the one this window enrolled with, so this window does not connect. ` +
        'If the host was really replaced, an administrator enrols this window again with a new code; otherwise someone may be intercepting the connection.',
      { reason: 'host_key_changed', expected: host.pin, shown },
    ),
  );
  let answer;
  try {
    answer = await requestOver<HostGreeting>(socket, 'GET', '/identity');
  } catch (err) {
    // The host cuts a revoked or unknown window at the handshake: the connection just closes.
    throw new AppError('WINDOW_REFUSED', `The office host at ${host.address}:${host.port} closed the connection: this window may have been revoked or disabled (${(err as Error).message}).`, { reason: 'connection_closed' });
  }
  if (!answer.result.ok) throw new AppError('WINDOW_REFUSED', answer.result.error.message, { reason: answer.result.error.details?.reason ?? 'refused' });
  return answer.result.value;
}
