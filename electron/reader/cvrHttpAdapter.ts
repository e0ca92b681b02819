import { AppError } from '../../shared/errors';
import { parseReaderAddress } from '../../shared/validators/readerAddress';
import { cvrRead } from './cvrRead';
import { getJson } from './loopbackHttp';
import type { ReaderPort } from './readerPort';

// The CVR-100 family's local HTTP service (OpenDevice / readCard / CloseDevice), on 127.0.0.1.

export interface CvrHttpOptions {
  /** From settings, e.g. http://127.0.0.1:19196; anything but a literal loopback address is refused. */
  url: string;
  /** The whole read, open to close: a reader that has not finished by then is reported as timed out. */
  timeoutMs: number;
}

/** Refuses a non-loopback address when the adapter is made, before any connection. */
export function cvrHttpAdapter(options: CvrHttpOptions): ReaderPort {
  const parsed = parseReaderAddress(options.url, 'http');
  if (!parsed.ok) throw new AppError('READER_ADDRESS_REFUSED', parsed.message, { reason: parsed.reason, scheme: 'http' });
  const address = parsed.value;
  return {
    kind: 'cvr_http',
    read: () => cvrRead({ call: (step, signal) => getJson(address, step, signal) }, options.timeoutMs),
  };
}
