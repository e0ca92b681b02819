import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { EvaluationFailure } from '../../../shared/contract/hall';

// One POST of a notification to the hall's evaluation device (好差评, issue 23). The address is the
// one the administrator typed (shared/validators/evaluationAddress.ts); node:http and node:https
// follow no redirect, so a 3xx is a failure, not a second address. A new connection each time
// (agent: false): nothing is left open for a core that closes. The device's answer is read and
// dropped; only its status counts (any 2xx is delivered).

/** How long one attempt waits for the device, connection and answer included. */
export const EVALUATION_TIMEOUT_MS = 3000;
const MAX_ANSWER_BYTES = 64 * 1024;

export type DeliveryResult = { delivered: true; httpStatus: number } | { delivered: false; reason: EvaluationFailure; httpStatus: number | null };

/** Nothing listens there, or no route to it: the device is off or the address is wrong. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

export function postNotification(url: URL, body: string, opts: { timeoutMs: number; signal: AbortSignal; headers?: Record<string, string> }): Promise<DeliveryResult> {
  return new Promise((resolve) => {
    let done = false;
    let req: ClientRequest | undefined;
    const finish = (r: DeliveryResult) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      opts.signal.removeEventListener('abort', onAbort);
      resolve(r);
    };
    const timer = setTimeout(() => {
      finish({ delivered: false, reason: 'device_timeout', httpStatus: null });
      req?.destroy();
    }, opts.timeoutMs);
    const onAbort = () => {
      finish({ delivered: false, reason: 'device_interrupted', httpStatus: null });
      req?.destroy();
    };
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const bytes = Buffer.from(body, 'utf8');
    try {
      req = send(url, {
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': String(bytes.length), 'user-agent': 'CreditDesk', ...opts.headers },
      });
    } catch {
      finish({ delivered: false, reason: 'device_transport', httpStatus: null });
      return;
    }
    if (opts.signal.aborted) onAbort();
    else opts.signal.addEventListener('abort', onAbort, { once: true });
    req.on('response', (res: IncomingMessage) => {
      const status = res.statusCode ?? 0;
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) res.destroy();
      });
      // The status is the answer: whatever the device writes after it does not change it.
      res.on('error', () => undefined);
      res.on('close', () => finish(status >= 200 && status < 300 ? { delivered: true, httpStatus: status } : { delivered: false, reason: 'device_http_error', httpStatus: status }));
    });
    req.on('error', (err: NodeJS.ErrnoException) => finish({ delivered: false, reason: UNREACHABLE.has(err.code ?? '') ? 'device_unreachable' : 'device_transport', httpStatus: null }));
    req.end(bytes);
  });
}
