import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PeerCertificate, TLSSocket } from 'node:tls';
import { AppError, type ApiResult } from '../../shared/errors';
import { admitConnections } from './connectionAdmission';
import { clientOf, OFFICE_HOST_LIMITS, serverTimeouts, type HostLimits } from './hostLimits';
import { SECURITY_HEADERS } from './securityHeaders';
import { maxBodyBytes, SESSION_HEADER } from './httpHost';
import type { Dispatch } from '../api/dispatcher';
import { CALL_KEY } from '../api/windowCalls';
import { WINDOW_URN_PREFIX, type HostIdentity } from '../office/officeCa';
import type { CoreContext } from '../services/context';
import { admittedWindow, enrollWindow, onWindowChange } from '../services/office/windowService';
import { touchWindow, type WindowRow } from '../store/windowStore';

// The office host (issue 23): HTTPS with mutual TLS 1.3 on the one address the administrator
// chose. A connection either shows a client certificate of this office's CA naming an enrolled,
// active window, or none at all; a certificate of another CA, or of a revoked or disabled window,
// is cut at the handshake. Without a certificate the only thing a client may do is enrol
// (POST /enroll, one request, then the connection closes). Revoking or disabling a window
// destroys its open connections at once.

export const ENROLL_PATH = '/enroll';
export const IDENTITY_PATH = '/identity';
/** The contract, as browser mode serves it on 127.0.0.1: POST /api/<method>, the session in SESSION_HEADER. */
export const API_PREFIX = '/api/';
/** The relay's key for one call (electron/api/windowCalls.ts): the same key again is the same call. */
export const CALL_HEADER = 'x-creditdesk-call';
const MAX_ENROLL_BYTES = 16 * 1024;

export interface OfficeHostOptions {
  ctx: CoreContext;
  identity: HostIdentity;
  port: number;
  limits?: Partial<HostLimits>;
  /** The contract's dispatcher, for enrolled windows' calls; each call carries the window it came through. */
  dispatch: Dispatch;
}

export interface RunningOfficeHost {
  address: string;
  port: number;
  /** Open connections per enrolled window id (the anonymous ones are not counted). */
  openConnections(windowId: string): number;
  close(): Promise<void>;
}

/** The enrolled id a window certificate names in its SAN URI, or null. */
export function windowIdOf(cert: PeerCertificate): string | null {
  const uri = (cert.subjectaltname ?? '').split(', ').find((n) => n.startsWith(`URI:${WINDOW_URN_PREFIX}`));
  return uri ? uri.slice(`URI:${WINDOW_URN_PREFIX}`.length) : null;
}

function send(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(result));
}

function refuse(res: ServerResponse, status: number, code: 'UNAUTHENTICATED' | 'NOT_FOUND' | 'VALIDATION' | 'WINDOW_REFUSED', message: string, reason: string): void {
  send(res, status, { ok: false, error: { code, message, details: { reason } } });
}

async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return undefined;
  if (req.headers['content-length'] === '0') return {};
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return undefined;
    chunks.push(chunk as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}

type Peer = { kind: 'anonymous' } | { kind: 'window'; id: string; fingerprint256: string };

function peerOf(socket: TLSSocket): Peer | 'refused' {
  const cert = socket.getPeerCertificate();
  if (!cert || Object.keys(cert).length === 0) return { kind: 'anonymous' };
  // requestCert with rejectUnauthorized false (so that enrolment needs none): the chain to this
  // office's CA is checked here instead.
  if (!socket.authorized) return 'refused';
  const id = windowIdOf(cert);
  return id ? { kind: 'window', id, fingerprint256: cert.fingerprint256 } : 'refused';
}

export async function startOfficeHost(opts: OfficeHostOptions): Promise<RunningOfficeHost> {
  const { ctx, identity } = opts;
  const limits: HostLimits = { ...OFFICE_HOST_LIMITS, ...opts.limits };
  const { connectionsCheckingInterval, ...timeouts } = serverTimeouts(limits);
  const byWindow = new Map<string, Set<TLSSocket>>();
  const peers = new WeakMap<TLSSocket, Peer>();

  const server: Server = createServer(
    {
      key: identity.keyPem,
      cert: identity.certPem,
      ca: [identity.caPem],
      requestCert: true,
      rejectUnauthorized: false,
      minVersion: 'TLSv1.3',
      // A handshake is held to the same limit as a request's headers.
      handshakeTimeout: limits.headersTimeoutMs,
      connectionsCheckingInterval,
    },
    (req, res) => {
      void handle(req, res).catch((err: unknown) => {
        console.error('[office host]', err);
        if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'internal error' } });
      });
    },
  );
  Object.assign(server, timeouts);
  // Connections that owe the host their handshake or headers make room for new ones (issue 29's
  // slow clients), per client address and in all.
  const admission = admitConnections(server, limits);

  server.on('secureConnection', (socket: TLSSocket) => {
    const peer = peerOf(socket);
    if (peer === 'refused') return void socket.destroy();
    peers.set(socket, peer);
    if (peer.kind !== 'window') return;
    // From here the connection counts among its window's places, not its address's.
    if (!admission.identify(socket, `window:${peer.id}`)) return;
    let set = byWindow.get(peer.id);
    if (!set) byWindow.set(peer.id, (set = new Set()));
    set.add(socket);
    socket.once('close', () => set.delete(socket));
    // The list is asked at once; a window revoked or disabled (or a certificate it no longer
    // holds) loses the connection before its first request is answered.
    void admittedWindow(ctx, peer.id, peer.fingerprint256).then(
      (w) => {
        if (!w) socket.destroy();
      },
      () => socket.destroy(),
    );
  });

  const stopListening = onWindowChange(ctx, ({ id, status }) => {
    if (status === 'active') return;
    for (const s of byWindow.get(id) ?? []) s.destroy();
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const socket = req.socket as TLSSocket;
    const peer = peers.get(socket);
    if (!peer) return void socket.destroy();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    if (path === ENROLL_PATH) {
      if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', 'use POST', 'method');
      if (peer.kind === 'anonymous') res.shouldKeepAlive = false;
      const body = (await readJson(req, MAX_ENROLL_BYTES)) as { secret?: unknown; csr?: unknown } | undefined;
      if (!body || typeof body.secret !== 'string' || typeof body.csr !== 'string') return refuse(res, 400, 'VALIDATION', 'send {"secret", "csr"} as JSON', 'body');
      try {
        const w = await enrollWindow(ctx, { secret: body.secret, csrPem: body.csr }, clientOf(socket.remoteAddress));
        return send(res, 200, { ok: true, value: { ...w, caPem: identity.caPem } });
      } catch (err) {
        if (err instanceof AppError) return send(res, 403, { ok: false, error: { code: err.code, message: err.message, details: err.details } });
        throw err;
      }
    }
    if (peer.kind === 'anonymous') return refuse(res, 401, 'UNAUTHENTICATED', 'a client certificate of this office is required', 'client_certificate');
    const w: WindowRow | null = await admittedWindow(ctx, peer.id, peer.fingerprint256);
    if (!w) {
      res.shouldKeepAlive = false;
      return refuse(res, 403, 'WINDOW_REFUSED', 'this window is not enrolled here, or it was revoked or disabled', 'window_not_active');
    }
    // Last contact to the minute: one write a minute per window, not one per request.
    const now = ctx.now();
    if (!w.last_contact_at || now.getTime() - Date.parse(w.last_contact_at) >= 60_000) await touchWindow(ctx.db, w.id, now.toISOString());
    if (path === IDENTITY_PATH && req.method === 'GET') {
      return send(res, 200, { ok: true, value: { office: ctx.office, window: { id: w.id, number: w.number, name: w.name }, officeTime: ctx.now().toISOString() } });
    }
    if (path.startsWith(API_PREFIX)) {
      if (req.method !== 'POST') return refuse(res, 405, 'VALIDATION', 'use POST', 'method');
      const method = path.slice(API_PREFIX.length);
      const limit = maxBodyBytes(method);
      if (Number(req.headers['content-length'] ?? 0) > limit) {
        res.shouldKeepAlive = false;
        return refuse(res, 413, 'VALIDATION', `the request is larger than the ${limit} bytes this method accepts`, 'too_large');
      }
      const input = await readJson(req, limit);
      if (input === undefined) return refuse(res, 400, 'VALIDATION', 'the request body is not JSON within the size this method accepts', 'body');
      const token = req.headers[SESSION_HEADER];
      const callKey = req.headers[CALL_HEADER];
      if (callKey !== undefined && (typeof callKey !== 'string' || !CALL_KEY.test(callKey))) return refuse(res, 400, 'VALIDATION', `${CALL_HEADER} is 16 to 64 letters, digits, - or _`, 'call_key');
      // The same dispatcher as this machine's own console; the session it resolves must be this window's.
      return send(res, 200, await opts.dispatch(method, input, { token: typeof token === 'string' ? token : undefined, window: { id: w.id, number: w.number }, callKey }));
    }
    return refuse(res, 404, 'NOT_FOUND', 'not found', 'path');
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, identity.address, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    address: identity.address,
    port,
    openConnections: (id) => byWindow.get(id)?.size ?? 0,
    close: async () => {
      stopListening();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
