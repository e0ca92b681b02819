// Every failure that crosses the API boundary is one of these codes. The UI and the command line
// turn a code into a sentence with shared/i18n/errorMessages.ts; nothing relies on message text.
export const ERROR_CODES = [
  'METHOD_UNKNOWN',
  'VALIDATION',
  'UNAUTHENTICATED',
  'SESSION_LOCKED',
  'SESSION_EXPIRED',
  'FORBIDDEN',
  'BAD_CREDENTIALS',
  'ACCOUNT_LOCKED',
  'ACCOUNT_DISABLED',
  'ALREADY_INITIALISED',
  'WEAK_PASSWORD',
  'PASSWORD_CHANGE_REQUIRED',
  'SECOND_ADMIN_REQUIRED',
  'CANNOT_CHANGE_OWN_ACCOUNT',
  'LAST_ADMIN',
  'CASE_NOT_YOURS',
  'USERNAME_TAKEN',
  'NOT_FOUND',
  'NAME_MISMATCH',
  'VISIT_CLOSED',
  'PURPOSE_REQUIRED',
  'CONFLICT',
  // Cases (objections, credit repair):
  'ILLEGAL_TRANSITION',
  // Issue 23: the case changed since the person opened it; details name the change (caseChangedMessage).
  'CASE_CHANGED',
  'NOT_ELIGIBLE',
  'PROFILE_FORBIDS',
  // Counter service: authorization, reports, statements:
  'AUTHORIZATION_REQUIRED',
  'AUTHORIZATION_EXPIRED',
  'AUTHORIZATION_NOT_YET_VALID',
  'AUTHORIZATION_SCOPE_EMPTY',
  'NOTARISATION_REQUIRED',
  'AGENT_IS_SUBJECT',
  // Issue 24, an entity at the counter: its name, its legal representative in person, its agent's letter, an old registration.
  'ENTITY_NAME_MISMATCH',
  'LEGAL_REP_MISMATCH',
  'LICENCE_NOT_SIGHTED',
  'AUTHORIZATION_OUT_OF_SCOPE',
  'LEGACY_CONFIRMATION_REQUIRED',
  'ATTACHMENT_INVALID',
  'ATTACHMENT_TOO_LARGE',
  'ATTACHMENT_QUOTA_EXCEEDED',
  'FREE_REPORTS_USED',
  // A report larger than one report carries (REPORT_MAX_RECORDS), refused before it is made.
  'REPORT_TOO_LARGE',
  // Issue 24: a personal report asked of an entity's visit (or the reverse), and a visit that already has a report of another kind.
  'REPORT_KIND_MISMATCH',
  'REPORT_ALREADY_ISSUED',
  'STATEMENT_TOO_LONG',
  'STATEMENT_IN_PERSON',
  // Transport: the request body is larger than the method accepts (HTTP 413 in browser mode).
  'REQUEST_TOO_LARGE',
  // Printed documents:
  'PRINT_COPY_STALE',
  'NOT_DECIDED',
  // Sync bundles: details.reason is the specific BUNDLE_*/SYNC_* code, details.zh/en the sentence.
  'SYNC_REFUSED',
  // A change to credit records waits for the bundle import that holds them to finish.
  'SYNC_IMPORT_IN_PROGRESS',
  // Data at rest (start-up and command-line refusals):
  'UNLOCK_REFUSED',
  'KEYSTORE_UNAVAILABLE',
  'DATA_DIR_UNENCRYPTED',
  'DB_KEY_WRONG',
  'MIGRATION_LEDGER_MISMATCH',
  'REPORT_ALTERED',
  'DOCUMENT_CHARACTER_UNPRINTABLE',
  // A PDF worker stopped making a document (issue 23): details.reason is too_slow, too_much_memory or worker_stopped.
  'DOCUMENT_NOT_MADE',
  // Log and queue filters: details.reason says which rule the filter broke.
  'FILTER_INVALID',
  // The ID card read at the counter (issue 25): the card itself (details.reason for CARD_INVALID)
  // and every state of the reader; none of them blocks typed entry.
  'CARD_INVALID',
  'CARD_EXPIRED',
  'READER_ADDRESS_REFUSED',
  'READER_NOT_CONNECTED',
  'READER_SERVICE_DOWN',
  'READER_NO_CARD',
  'READER_CARD_UNREADABLE',
  'READER_TIMEOUT',
  'READER_BUSY',
  'READER_PHOTO_CORRUPT',
  // SQLite read a page that is not what it wrote (SQLITE_CORRUPT / SQLITE_NOTADB) at any time, or
  // the start-up quick_check failed: writes are refused until a backup is restored.
  'DATABASE_CORRUPT',
  // The office host and its windows (issue 23): details.reason says which rule refused.
  'ENROLLMENT_REFUSED',
  'HOST_KEY_CHANGED',
  'HOST_UNREACHABLE',
  'WINDOW_REFUSED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiErrorBody {
  code: ErrorCode;
  /** A plain sentence in English for logs and scripts; the UI localises by code. */
  message: string;
  /** Structured facts the localised sentence may use (field paths, dates, counts). */
  details?: Record<string, unknown>;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** Thrown by services; the dispatcher turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ApiErrorBody {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }
}
