import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract, isMethodName } from '../../shared/contract';
import { DEFAULT_MAX_REQUEST_BYTES } from '../../shared/contract/method';
import type { ApiResult } from '../../shared/errors';
import type { Dispatch } from '../api/dispatcher';
import { SECURITY_HEADERS } from './securityHeaders';
import { readStatic } from './staticFiles';

export const KEY_HEADER = 'x-creditdesk-key';
export const SESSION_HEADER = 'x-creditdesk-session';

export interface HostOptions {
  dispatch: Dispatch;
  staticDir: string;
  port: number;
  /** Per-launch secret: only a page opened from the printed URL can call the API. */
  secret: string;
}

export interface RunningHost {
  url: string;
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

function secretMatches(given: string | undefined, secret: string): boolean {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The method's own cap from the contract: uploads may be large, everything else stays small. */
function maxBodyBytes(method: string): number {
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
  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      console.error('[host]', err);
      if (!res.headersSent) refuse(res, 500, 'internal error');
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(res, 421, 'wrong host');
    const url = req.url ?? '/';
    if (url.startsWith('/api/')) {
      if (req.method !== 'POST') return refuse(res, 405, 'use POST');
      if (!secretMatches(req.headers[KEY_HEADER] as string | undefined, opts.secret)) return refuse(res, 401, 'missing or wrong launch key');
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(res, 415, 'send JSON');
      const method = url.slice('/api/'.length).split('?')[0] ?? '';
      const limit = maxBodyBytes(method);
      const body = await readBody(req, limit);
      if (body === null) return refuse(res, 413, `request larger than ${limit} bytes for ${method.slice(0, 60)}`);
      let input: unknown;
      try {
        input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
      } catch {
        return refuse(res, 400, 'the request body is not valid JSON');
      }
      const token = req.headers[SESSION_HEADER] as string | undefined;
      return sendResult(res, 200, await opts.dispatch(method, input, { token }));
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method not allowed');
    const file = await readStatic(opts.staticDir, url);
    if (!file) return send(res, 404, 'not found', 'text/plain; charset=utf-8');
    send(res, 200, file.body, file.type);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/#key=${opts.secret}`,
    port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
