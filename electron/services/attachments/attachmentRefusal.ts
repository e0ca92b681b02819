import { AppError } from '../../../shared/errors';

// Why an uploaded file was refused. Every refusal names its reason in details.reason, with the
// values the sentence needs, so the console says it in Chinese and English alike
// (shared/i18n/attachmentMessages.ts); the English message here is for logs and the command line.

/** What kind of active content a PDF carried (details.kind of pdf_active). */
export type PdfActiveKind = 'script' | 'action' | 'link' | 'form' | 'embedded_file' | 'media';

export type AttachmentRefusalReason =
  | 'not_base64'
  | 'empty'
  | 'file_size'
  | 'type_not_accepted'
  | 'not_that_type'
  | 'image_unreadable'
  | 'image_pixels'
  | 'pdf_unreadable'
  | 'pdf_encrypted'
  | 'pdf_uninspectable'
  | 'pdf_active'
  | 'check_too_slow'
  | 'check_too_much_memory';

/** Refusals about size or cost: the file may be fine, only too large to take or to check. */
const TOO_LARGE: ReadonlySet<AttachmentRefusalReason> = new Set(['file_size', 'image_pixels', 'check_too_slow', 'check_too_much_memory']);

export function attachmentRefusal(reason: AttachmentRefusalReason, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError(TOO_LARGE.has(reason) ? 'ATTACHMENT_TOO_LARGE' : 'ATTACHMENT_INVALID', message, { ...details, reason });
}

export function refuseAttachment(reason: AttachmentRefusalReason, message: string, details: Record<string, unknown> = {}): never {
  throw attachmentRefusal(reason, message, details);
}
