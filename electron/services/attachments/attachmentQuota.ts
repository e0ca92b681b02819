import { AppError } from '../../../shared/errors';
import type { Queryable } from '../../db/database';
import { totalAttachmentBytes } from '../../store/attachmentStore';
import { getSetting } from '../../store/settingsStore';

// Attachment storage limits, office settings with these defaults: the attachments of one case,
// and all attachments the office keeps. A full disk stops the counter; a quota says so first.
export const CASE_QUOTA_SETTING = 'attachment_quota_case_bytes';
export const OFFICE_QUOTA_SETTING = 'attachment_quota_office_bytes';
export const DEFAULT_CASE_QUOTA_BYTES = 40 * 1024 * 1024;
export const DEFAULT_OFFICE_QUOTA_BYTES = 20 * 1024 * 1024 * 1024;

async function quota(db: Queryable, key: string, fallback: number): Promise<number> {
  const v = Number(await getSetting(db, key));
  return Number.isSafeInteger(v) && v > 0 ? v : fallback;
}

/** Refuses an upload of `adding` bytes that would take the office past its quota. */
export async function checkOfficeQuota(db: Queryable, adding: number): Promise<void> {
  const max = await quota(db, OFFICE_QUOTA_SETTING, DEFAULT_OFFICE_QUOTA_BYTES);
  const used = await totalAttachmentBytes(db);
  if (used + adding > max) {
    throw new AppError('ATTACHMENT_QUOTA_EXCEEDED', `The office's attachment storage (${Math.floor(max / 1024 / 1024)} MB) is full; ask the administrator.`, { scope: 'office', used, adding, max });
  }
}

/** Refuses a case whose attachments would together exceed the per-case quota. */
export async function checkCaseQuota(db: Queryable, totalBytes: number): Promise<void> {
  const max = await quota(db, CASE_QUOTA_SETTING, DEFAULT_CASE_QUOTA_BYTES);
  if (totalBytes > max) {
    throw new AppError('ATTACHMENT_QUOTA_EXCEEDED', `The attachments of one case may total ${Math.floor(max / 1024 / 1024)} MB; attach fewer or smaller files.`, { scope: 'case', total: totalBytes, max });
  }
}
