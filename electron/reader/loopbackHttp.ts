import { request } from 'node:http';
import type { ReaderAddress } from '../../shared/validators/readerAddress';
import { bodyCharset, decodeCardText } from './cardText';
import { readerError } from './readerPort';

// One GET to the vendor service on this computer. The address was checked as loopback by
// parseReaderAddress; node:http follows no redirect, so a service cannot send the read elsewhere.
// A card's answer is about 60 KB (the photo); a service that sends megabytes is not a reader.

export const MAX_ANSWER_BYTES = 1024 * 1024;

/** Connection failures that mean nothing listens, or something that is not the service answers. */
const SERVICE_DOWN = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);

export function getJson(address: ReaderAddress, call: string, signal: AbortSignal): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(readerError('READER_TIMEOUT', `The reader did not answer ${call} in time`, { step: call }));
      return;
    }
    const req = request({ host: address.host, port: address.port, path: `${address.basePath}/${call}`, method: 'GET', headers: { Accept: 'application/json' }, signal }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_ANSWER_BYTES) {
          req.destroy();
          reject(readerError('READER_SERVICE_DOWN', `The service's answer to ${call} is larger than a reader's`, { step: call, reason: 'answer_too_large' }));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        const body = new Uint8Array(Buffer.concat(chunks));
        if (res.statusCode !== 200) {
          reject(readerError('READER_SERVICE_DOWN', `The service answered ${call} with HTTP ${String(res.statusCode)}`, { step: call, reason: 'http_status', status: res.statusCode }));
          return;
        }
        try {
          const parsed: unknown = JSON.parse(decodeCardText(body, bodyCharset(res.headers['content-type'], body)));
          if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
          resolve(parsed as Record<string, unknown>);
        } catch {
          reject(readerError('READER_SERVICE_DOWN', `What answered ${call} is not the reader service (no JSON object)`, { step: call, reason: 'not_json' }));
        }
      });
      // A service that dies in the middle of its answer (crashed, or killed with the reader) is
      // told at once, not after the read's whole deadline.
      res.on('error', () => undefined);
      res.on('close', () => {
        if (!res.complete && !signal.aborted) reject(readerError('READER_SERVICE_DOWN', `The reader service stopped in the middle of its answer to ${call}`, { step: call, reason: 'cut_off' }));
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (signal.aborted) reject(readerError('READER_TIMEOUT', `The reader did not answer ${call} in time`, { step: call }));
      else if (SERVICE_DOWN.has(err.code ?? '')) reject(readerError('READER_SERVICE_DOWN', `Nothing answers at ${address.host}:${address.port} (${err.code ?? ''})`, { step: call, reason: 'not_listening' }));
      else reject(readerError('READER_SERVICE_DOWN', `The reader service could not be reached (${err.message})`, { step: call, reason: 'transport' }));
    });
    req.end();
  });
}
