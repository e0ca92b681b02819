import { Agent, request, type AgentOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, type ApiResult } from '../../shared/errors';
import { HostKeyMismatch, pinnedConnect, type HostTarget } from './hostConnection';

// The joined window's way to the host for many requests (the relay's, issue 23): kept-alive
// connections, each opened by pinnedConnect, so the one pin check of the join is the check of every
// call: before a request's first byte leaves, the host has shown the pinned key, whatever the
// certificate's chain, name or dates say.

export class PinnedHostAgent extends Agent {
  constructor(private readonly target: Required<HostTarget>, options: AgentOptions = {}) {
    super({ keepAlive: true, maxSockets: 6, ...options });
  }

  override createConnection(_options: unknown, callback: (err: Error | null, socket: Duplex) => void): undefined {
    pinnedConnect(this.target).then(
      (socket) => callback(null, socket),
      (err: unknown) => callback(err as Error, undefined as unknown as Duplex),
    );
    return undefined;
  }
}

function plainError(target: HostTarget, err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HostKeyMismatch) {
    return new AppError('HOST_KEY_CHANGED', `The office host at ${target.address}:${target.port} shows a different key than the one this window enrolled with; nothing was sent.`, {
      reason: 'host_key_changed',
      expected: target.pin,
      shown: err.shown,
    });
  }
  return new AppError('HOST_UNREACHABLE', `The office host at ${target.address}:${target.port} cannot be reached (${(err as Error).message}).`, { reason: 'unreachable' });
}

/** One JSON request through the agent; the host's result, or HOST_KEY_CHANGED / HOST_UNREACHABLE thrown. */
export function hostCall<T>(agent: PinnedHostAgent, target: HostTarget, method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; result: ApiResult<T> }> {
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body), 'utf8');
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, host: target.address, port: target.port, method, path, headers: { ...headers, ...(payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {}) } },
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
        res.on('error', (err) => reject(plainError(target, err)));
      },
    );
    req.on('error', (err) => reject(plainError(target, err)));
    req.end(payload);
  });
}
