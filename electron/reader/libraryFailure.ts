import type { LibraryFailure } from './libraryJob';
import { readerError, type ReaderErrorCode } from './readerPort';

// A vendor call's return code as the reader state the clerk is told (issue 25). Each family's
// table is in its adapter; a code a table does not know is told as an unreadable card, the state
// whose message sends the clerk to lift, wipe and place the card again.

export type CodeTable = Readonly<Record<string, Readonly<Record<number, readonly [ReaderErrorCode, string?]>>>>;

export function throwFailure(failure: LibraryFailure, table: CodeTable, library: string): never {
  if (failure.result === null) {
    throw readerError('READER_SERVICE_DOWN', failure.message, { reason: failure.reason ?? 'library_missing', library });
  }
  const [code, reason] = table[failure.step]?.[failure.result] ?? ['READER_CARD_UNREADABLE', 'unknown_code'];
  const details: Record<string, unknown> = { step: failure.step, result: failure.result };
  if (reason) details.reason = reason;
  throw readerError(code, `${failure.message} (${library})`, details);
}
