import type { CardRead } from '../../shared/domain/idCard';
import { AppError, type ErrorCode } from '../../shared/errors';

// One port for every kind of card reader (issue 25). Adapters live in the core (here), never in
// the renderer: the page cannot reach a reader service, only the contract's `reader.read`.

export const READER_ADAPTERS = ['cvr_http', 'cvr_ws', 'sdt_lib', 'cvr_lib'] as const;
export type ReaderAdapterKind = (typeof READER_ADAPTERS)[number];

export interface ReaderRead {
  /** The chip's fields, decoded but not yet checked (shared/idcard/checkCard.ts checks them). */
  card: CardRead;
  /** The reader's security module (SAM) id, the proof that a real reader read a real card; null when the service does not tell. */
  securityModuleId: string | null;
}

export interface ReaderPort {
  readonly kind: ReaderAdapterKind;
  /** One whole read: open, read, close. Throws AppError with a READER_* code for every reader state. */
  read(): Promise<ReaderRead>;
}

export type ReaderErrorCode = Extract<ErrorCode, `READER_${string}`>;

export function readerError(code: ReaderErrorCode, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(code, message, details);
}

/**
 * A reader serves one read at a time. A second read while one is running (another window of this
 * console, a double click) is told the reader is busy at once instead of queueing behind a card
 * the applicant may already have lifted.
 */
export function oneReadAtATime(port: ReaderPort): ReaderPort {
  let running = false;
  return {
    kind: port.kind,
    async read() {
      if (running) throw readerError('READER_BUSY', 'The card reader is already reading for another window', { reason: 'this_console' });
      running = true;
      try {
        return await port.read();
      } finally {
        running = false;
      }
    },
  };
}
