import { AppError } from '../../shared/errors';
import { cardFromCvrAnswer, requireDone, securityModuleId, type CvrAnswer } from './cvrAnswer';
import { readerError, type ReaderRead } from './readerPort';

// One read with the CVR-100 family's three calls, the same over HTTP and WebSocket: open, read,
// and close after every open (failed or not) so the next window can use the reader. One deadline
// covers the whole read; the close has a short one of its own and its failure changes nothing.

export interface CvrTransport {
  call(step: 'OpenDevice' | 'readCard' | 'CloseDevice', signal: AbortSignal): Promise<CvrAnswer>;
  /** Ends what the transport holds (a WebSocket); HTTP holds nothing. */
  end?(): void;
}

const CLOSE_MS = 2000;

export async function cvrRead(transport: CvrTransport, timeoutMs: number): Promise<ReaderRead> {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  let opened = false;
  try {
    const open = await transport.call('OpenDevice', deadline.signal);
    requireDone(open, 'OpenDevice');
    opened = true;
    const answer = await transport.call('readCard', deadline.signal);
    requireDone(answer, 'readCard');
    return { card: cardFromCvrAnswer(answer), securityModuleId: securityModuleId(open, answer) };
  } catch (err) {
    // Whatever the transport made of the abort, a read past its deadline is a timeout.
    if (deadline.signal.aborted && !(err instanceof AppError && err.code !== 'READER_TIMEOUT' && err.code !== 'READER_SERVICE_DOWN')) {
      throw readerError('READER_TIMEOUT', `The reader did not finish within ${timeoutMs} ms`, { timeoutMs });
    }
    throw err;
  } finally {
    clearTimeout(timer);
    if (opened) await transport.call('CloseDevice', AbortSignal.timeout(Math.min(timeoutMs, CLOSE_MS))).catch(() => undefined);
    transport.end?.();
  }
}
