import { AppError } from '../../shared/errors';
import { parseReaderAddress } from '../../shared/validators/readerAddress';
import { cardFromCvrAnswer, requireDone, securityModuleId } from './cvrAnswer';
import { getJson } from './loopbackHttp';
import { readerError, type ReaderPort, type ReaderRead } from './readerPort';

// The CVR-100 family's local HTTP service (OpenDevice / readCard / CloseDevice), on 127.0.0.1.

export interface CvrHttpOptions {
  /** From settings, e.g. http://127.0.0.1:19196; anything but a loopback address is refused. */
  url: string;
  /** The whole read, open to close: a reader that has not finished by then is reported as timed out. */
  timeoutMs: number;
}

/** Refuses a non-loopback address when the adapter is made, before any connection. */
export function cvrHttpAdapter(options: CvrHttpOptions): ReaderPort {
  const parsed = parseReaderAddress(options.url, 'http');
  if (!parsed.ok) throw new AppError('READER_ADDRESS_REFUSED', parsed.message, { reason: parsed.reason });
  const address = parsed.value;
  return {
    kind: 'cvr_http',
    async read(): Promise<ReaderRead> {
      const deadline = new AbortController();
      const timer = setTimeout(() => deadline.abort(), options.timeoutMs);
      let opened = false;
      try {
        const open = await getJson(address, 'OpenDevice', deadline.signal);
        requireDone(open, 'OpenDevice');
        opened = true;
        const answer = await getJson(address, 'readCard', deadline.signal);
        requireDone(answer, 'readCard');
        return { card: cardFromCvrAnswer(answer), securityModuleId: securityModuleId(open, answer) };
      } catch (err) {
        if (deadline.signal.aborted && !(err instanceof AppError && err.code !== 'READER_TIMEOUT')) {
          throw readerError('READER_TIMEOUT', `The reader did not finish within ${options.timeoutMs} ms`, { timeoutMs: options.timeoutMs });
        }
        throw err;
      } finally {
        clearTimeout(timer);
        // The device is closed after every read, failed or not, so the next window can open it;
        // the close has a short deadline of its own and its failure changes nothing.
        if (opened) await getJson(address, 'CloseDevice', AbortSignal.timeout(Math.min(options.timeoutMs, 2000))).catch(() => undefined);
      }
    },
  };
}
