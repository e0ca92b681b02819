import { createHash, X509Certificate } from 'node:crypto';
import { request } from 'node:http';
import { connect, type TLSSocket } from 'node:tls';
import { AppError, type ApiResult } from '../../shared/errors';

// A window's connection to the office host: TLS 1.3, the host recognised by its key's pin and by
// nothing else (no name, no date, no CA store of the machine). The pin is checked the moment the
// handshake ends and before one byte of the request is sent; a host showing another key is refused,
// with no way to accept it anyway: only a new enrolment changes the pin.

export interface HostTarget {
  address: string;
  port: number;
  /** SHA-256 of the host key's SPKI, hex; at least its first 16 digits. */
  pin: string;
  /** The window's own key and certificate; none while it enrols. */
  client?: { keyPem: string; certPem: string };
}

export class HostKeyMismatch extends Error {
  constructor(readonly shown: string) {
    super('the host showed another key');
  }
}

/** The pin of the key a TLS peer showed: SHA-256 over its SPKI (Node's `pubkey` is only the EC point). */
export function peerPin(socket: TLSSocket): string {
  const cert = socket.getPeerCertificate();
  if (!cert?.raw) return '';
  return createHash('sha256').update(new X509Certificate(cert.raw).publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
}

/** An open TLS connection to the host whose key matches the pin; rejects with HostKeyMismatch otherwise. */
export function pinnedConnect(target: HostTarget): Promise<TLSSocket> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      host: target.address,
      port: target.port,
      minVersion: 'TLSv1.3',
      // The pin below is the check: the office CA is no CA this machine trusts, and a date or a
      // name on the certificate would add nothing the pin does not already say.
      rejectUnauthorized: false,
      ...(target.client ? { key: target.client.keyPem, cert: target.client.certPem } : {}),
    });
    socket.once('secureConnect', () => {
      const shown = peerPin(socket);
      if (!shown.startsWith(target.pin.toLowerCase())) {
        socket.destroy();
        return reject(new HostKeyMismatch(shown));
      }
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** One JSON request over a pinned connection (which it then closes); the host's ApiResult and HTTP status. */
export function requestOver<T>(socket: TLSSocket, method: 'GET' | 'POST', path: string, body?: unknown): Promise<{ status: number; result: ApiResult<T> }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
  return new Promise((resolve, reject) => {
    // A connection the host has already closed (a revoked window is cut right after its handshake)
    // would otherwise leave the request waiting for ever: the request is never written, so it never fails.
    const closed = () => reject(new Error('the host closed the connection before it answered'));
    if (socket.destroyed) return closed();
    socket.once('close', closed);
    const req = request(
      {
        createConnection: () => socket,
        method,
        path,
        headers: { Connection: 'close', ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          try {
            resolve({ status: res.statusCode ?? 0, result: JSON.parse(Buffer.concat(chunks).toString('utf8')) as ApiResult<T> });
          } catch {
            reject(new AppError('HOST_UNREACHABLE', `The office host answered ${path} with something that is not CreditDesk's.`, { reason: 'bad_answer' }));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
