import WebSocket from 'ws';
import { AppError } from '../../shared/errors';
import { parseReaderAddress, type ReaderAddress } from '../../shared/validators/readerAddress';
import { bodyCharset, decodeCardText } from './cardText';
import type { CvrAnswer } from './cvrAnswer';
import { cvrRead, type CvrTransport } from './cvrRead';
import { MAX_ANSWER_BYTES } from './loopbackHttp';
import { readerError, type ReaderPort } from './readerPort';

// The CVR-100 family's local WebSocket service: the same three calls as its HTTP service, each
// sent as {"command": "<call>"} and answered by one message with the same JSON object (a text
// frame in UTF-8, or from services that speak GBK a binary frame of GBK bytes). One connection per
// read, on 127.0.0.1 only; redirects are not followed.

export interface CvrWsOptions {
  /** From settings, e.g. ws://127.0.0.1:7415; anything but a literal loopback address is refused. */
  url: string;
  timeoutMs: number;
}

const down = (reason: string, message: string, step: string) => readerError('READER_SERVICE_DOWN', message, { step, reason });
const late = (step: string) => readerError('READER_TIMEOUT', `The reader did not answer ${step} in time`, { step });

function connect(url: string, signal: AbortSignal): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(late('connect'));
    const ws = new WebSocket(url, { followRedirects: false, maxPayload: MAX_ANSWER_BYTES, perMessageDeflate: false });
    const onAbort = () => {
      ws.terminate();
      reject(late('connect'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
    ws.once('open', () => {
      signal.removeEventListener('abort', onAbort);
      resolve(ws);
    });
    ws.once('unexpected-response', (_req, res) => {
      signal.removeEventListener('abort', onAbort);
      ws.terminate();
      reject(down('http_status', `The service refused the WebSocket with HTTP ${String(res.statusCode)}`, 'connect'));
    });
    ws.once('error', (err: NodeJS.ErrnoException) => {
      signal.removeEventListener('abort', onAbort);
      reject(down('not_listening', `Nothing answers WebSocket calls at ${url} (${err.code ?? err.message})`, 'connect'));
    });
  });
}

function wsTransport(url: string): CvrTransport {
  let socket: WebSocket | null = null;
  return {
    async call(step, signal) {
      socket ??= await connect(url, signal);
      const ws = socket;
      return new Promise<CvrAnswer>((resolve, reject) => {
        const cleanup = () => {
          ws.off('message', onMessage);
          ws.off('close', onClose);
          signal.removeEventListener('abort', onAbort);
        };
        const onMessage = (data: WebSocket.RawData) => {
          cleanup();
          const bytes = new Uint8Array(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as Buffer));
          try {
            const parsed: unknown = JSON.parse(decodeCardText(bytes, bodyCharset(undefined, bytes)));
            if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
            resolve(parsed as CvrAnswer);
          } catch {
            reject(down('not_json', `What answered ${step} is not the reader service (no JSON object)`, step));
          }
        };
        const onClose = (code: number) => {
          cleanup();
          reject(code === 1009 ? down('answer_too_large', `The answer to ${step} is larger than a reader's`, step) : down('closed', `The service closed the connection during ${step}`, step));
        };
        const onAbort = () => {
          cleanup();
          reject(late(step));
        };
        if (signal.aborted) return onAbort();
        ws.on('message', onMessage);
        ws.on('close', onClose);
        signal.addEventListener('abort', onAbort, { once: true });
        ws.send(JSON.stringify({ command: step }));
      });
    },
    end() {
      socket?.terminate();
    },
  };
}

function wsUrl(address: ReaderAddress): string {
  const host = address.host.includes(':') ? `[${address.host}]` : address.host;
  return `ws://${host}:${address.port}${address.basePath}`;
}

/** Refuses a non-loopback address when the adapter is made, before any connection. */
export function cvrWsAdapter(options: CvrWsOptions): ReaderPort {
  const parsed = parseReaderAddress(options.url, 'ws');
  if (!parsed.ok) throw new AppError('READER_ADDRESS_REFUSED', parsed.message, { reason: parsed.reason, scheme: 'ws' });
  const url = wsUrl(parsed.value);
  return { kind: 'cvr_ws', read: () => cvrRead(wsTransport(url), options.timeoutMs) };
}
