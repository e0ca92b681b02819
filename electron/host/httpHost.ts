import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract, isMethodName } from '../../shared/contract';
import { DEFAULT_MAX_REQUEST_BYTES } from '../../shared/contract/method';
import type { ApiResult } from '../../shared/errors';
import type { Dispatch, Preflight } from '../api/dispatcher';
import { browserAdmission, LAUNCH_PATH } from './browserAdmission';
import { admitConnections } from './connectionAdmission';
import { HOST_LIMITS, serverTimeouts, type HostLimits } from './hostLimits';
import { SECURITY_HEADERS } from './securityHeaders';
import { readStatic } from './staticFiles';

export { KEY_HEADER } from './browserAdmission';
export const SESSION_HEADER = 'x-creditdesk-session';

export interface HostOptions {
  dispatch: Dispatch;
  /** Who may call, checked before a large body is read (see createPreflight). */
  preflight: Preflight;
  /** HOST_LIMITS unless a test asks for others (hostLimits.ts). */
  limits?: Partial<HostLimits>;
  staticDir: string;
  port: number;
  /** Per-launch secret: only a page opened from the launch page can call the API. */
  secret: string;
  /** Called once, at the first request that carries the right key (the launch page is spent). */
  onKeyUsed?: () => void;
}

export interface RunningHost {
  /** The console's address with the launch key in the fragment: for the launch page only. */
  url: string;
  /** The bare address, safe to print. */
  origin: string;
  port: number;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: Buffer | string, type: string): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

function sendResult(res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  send(res, status, JSON.stringify(result), 'application/json; charset=utf-8');
}

function refuse(res: ServerResponse, status: number, message: string): void {
  sendResult(res, status, { ok: false, error: { code: status === 401 ? 'UNAUTHENTICATED' : 'VALIDATION', message } });
}

/**
 * Answers without reading the request body and closes the connection, so a client that announced
 * (or is streaming) a large body gets nothing more read from it.
 */
function refuseUnread(req: IncomingMessage, res: ServerResponse, status: number, result: ApiResult<unknown>): void {
  res.shouldKeepAlive = false;
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
  const socket = req.socket as typeof req.socket | null;
  res.end(JSON.stringify(result), () => socket?.destroy());
}

/** Exactly application/json (charset utf-8 if given): "application/jsonx" is not JSON. */
export function isJsonMediaType(header: string | undefined): boolean {
  if (!header) return false;
  const [type, ...params] = header.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/json') return false;
  return params.every((p) => !p.startsWith('charset=') || p === 'charset=utf-8' || p === 'charset="utf-8"');
}

/** HTTP 413: the body is larger than this method accepts (the core never sees it). */
function tooLarge(method: string, limit: number): ApiResult<never> {
  const name = method.slice(0, 60);
  return { ok: false, error: { code: 'REQUEST_TOO_LARGE', message: `The request is larger than the ${limit} bytes ${name} accepts.`, details: { method: name, maxBytes: limit } } };
}

/** The method's own cap from the contract: uploads may be large, everything else stays small. */
export function maxBodyBytes(method: string): number {
  return (isMethodName(method) ? contract[method].maxRequestBytes : undefined) ?? DEFAULT_MAX_REQUEST_BYTES;
}

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  if (Number(req.headers['content-length'] ?? 0) > limit) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * The browser-mode transport: static console files and POST /api/<method> on 127.0.0.1 only.
 * The Host check defeats DNS rebinding; the secret keeps other local pages and users out.
 */
export async function startHost(opts: HostOptions): Promise<RunningHost> {
  let port = opts.port;
  let keyUnused = true;
  const admission = browserAdmission(opts.secret, () => port);
  const limits: HostLimits = { ...HOST_LIMITS, ...opts.limits };
  const { connectionsCheckingInterval, ...timeouts } = serverTimeouts(limits);
  const server = createServer({ connectionsCheckingInterval }, (req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error('[host]', err);
      if (!res.headersSent) refuse(res, 500, 'internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(res, 421, 'wrong host');
    const url = req.url ?? '/';
    const keyRefused = (): void => refuseUnread(req, res, 401, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'missing or wrong launch key', details: { reason: 'launch_key' } } });
    // The launch page is spent by the first request that carries its key, wherever it goes.
    if (admission.carriesKey(req) && keyUnused) {
      keyUnused = false;
      opts.onKeyUsed?.();
    }
    if (url === LAUNCH_PATH) {
      if (req.method !== 'POST') return refuse(res, 405, 'use POST');
      const cookie = admission.takeUp(req);
      if (cookie === 'refused') return keyRefused();
      res.writeHead(204, { ...SECURITY_HEADERS, 'Cache-Control': 'no-store', ...(cookie ? { 'Set-Cookie': cookie } : {}) });
      return void res.end();
    }
    if (url.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'use POST');
      if (!admission.admits(req)) return keyRefused();
      if (!isJsonMediaType(req.headers['content-type'])) return refuseUnread(req, res, 415, { ok: false, error: { code: 'VALIDATION', message: 'send application/json' } });
      const method = url.slice('/api/'.length).split('?')[0] ?? '';
      const limit = maxBodyBytes(method);
      const token = req.headers[SESSION_HEADER] as string | undefined;
      // A method that may carry a large body (an upload) is only read for a caller the
      // dispatcher would accept; the dispatcher checks again with the input.
      if (limit > DEFAULT_MAX_REQUEST_BYTES || Number(req.headers['content-length'] ?? 0) > DEFAULT_MAX_REQUEST_BYTES) {
        const refused = await opts.preflight(method, token);
        if (refused) return refuseUnread(req, res, refused.code === 'FORBIDDEN' ? 403 : 401, { ok: false, error: refused });
      }
      if (Number(req.headers['content-length'] ?? 0) > limit) return refuseUnread(req, res, 413, tooLarge(method, limit));
      const body = await readBody(req, limit);
      if (body === null) return refuseUnread(req, res, 413, tooLarge(method, limit));
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, 400, 'the request body is not valid JSON');
      }
      return sendResult(res, 200, await opts.dispatch(method, input, { token }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    const file = await readStatic(opts.staticDir, url);
    if (!file) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
    send(res, 200, file.body, file.type);
  }

  Object.assign(server, timeouts);
  admitConnections(server, limits);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#key=${opts.secret}`,
    origin: `http://127.0.0.1:${port}/`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
