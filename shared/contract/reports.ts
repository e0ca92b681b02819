import { z } from 'zod';
import type { IssuedReport, ReportDocument, ReportQuota, ReportVerification, StatementView } from '../domain/report';
import type { SpecialReportOptions } from '../domain/entityReport';
import { method, uploadRequestBytes } from './method';
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES } from './limits';

export { ATTACHMENT_MAX_BYTES, ATTACHMENT_TYPES };

const visitId = z.number().int().positive();
const reportId = z.number().int().positive();
/** The console's language decides the report's labels: Chinese, or Chinese with English. */
const lang = z.enum(['zh', 'en']).default('zh');
export const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Scans of authorization letters; bounded so one upload stays well inside the host's body limit. */
/** A scanned authorization letter or objection evidence: a few pages at 300 dpi fit in 8 MiB. */

export const reportsContract = {
  'attachment.upload': method<{ sha256: string; sizeBytes: number; mimeType: string }>()({
    input: z
      .object({
        fileName: z.string().trim().min(1).max(120),
        mimeType: z.enum(ATTACHMENT_TYPES),
        // base64 of at most ATTACHMENT_MAX_BYTES; the exact size is checked after decoding.
        dataBase64: z.string().min(1).max(Math.ceil((ATTACHMENT_MAX_BYTES * 4) / 3) + 4),
      })
      .strict(),
    access: 'counter.lookup',
    maxRequestBytes: uploadRequestBytes(ATTACHMENT_MAX_BYTES),
  }),
  'attachment.get': method<{ sha256: string; fileName: string; mimeType: string; dataBase64: string }>()({
    input: z.object({ sha256: z.string().regex(SHA256_HEX, 'a SHA-256 in lower-case hex') }).strict(),
    access: 'counter.lookup',
  }),
  /** Free reports used this year by the visit's subject, and the report already issued, if any. */
  'report.quota': method<ReportQuota>()({ input: z.object({ visitId }).strict(), access: 'report.print' }),
  /** Assembles, signs and numbers the report of a visit; beyond the free ones only when confirmed. */
  'report.issue': method<IssuedReport>()({
    input: z.object({ visitId, confirmBeyondFree: z.boolean().default(false) }).strict(),
    access: 'report.print',
  }),
  /**
   * The PDF of the next copy, exactly as it prints (copy 2 onwards says 重印件 on every page);
   * logged as a preview, counts nothing. Preview and print use these same bytes.
   */
  'report.preview': method<ReportDocument>()({ input: z.object({ reportId, lang }).strict(), access: 'report.print' }),
  /**
   * Counts the copy once its print job was accepted (or its PDF saved). A cancelled or failed
   * print is never confirmed, so the next preview is the same copy number again.
   */
  'report.printed': method<IssuedReport>()({
    input: z.object({ reportId, copyNo: z.number().int().positive(), kind: z.enum(['print', 'pdf']).default('print') }).strict(),
    access: 'report.print',
  }),
  /** Issue 24: what a special report may cover for this entity visit (the profile's fields and periods) and the data date. */
  'report.specialOptions': method<SpecialReportOptions>()({ input: z.object({ visitId }).strict(), access: 'report.print' }),
  /** The full report of the visit's legal entity; preview and print with report.preview / report.printed. */
  'report.issueEntity': method<IssuedReport>()({ input: z.object({ visitId }).strict(), access: 'report.print' }),
  /**
   * A special report (专项信用报告) for chosen fields and an inclusive period (China dates; the profile's
   * default when absent). Unknown fields, a reversed, future or too long period are refused by name.
   */
  'report.issueSpecial': method<IssuedReport>()({
    input: z
      .object({
        visitId,
        fields: z.array(z.string().trim().min(1).max(40)).min(1).max(50),
        from: z.string().trim().min(1).max(20).optional(),
        to: z.string().trim().min(1).max(20).optional(),
      })
      .strict(),
    access: 'report.print',
  }),
  /** Offline check of a printed report: its QR text, or its number and short verification code. */
  'report.verify': method<ReportVerification>()({
    input: z.union([
      z.object({ qrText: z.string().trim().min(1).max(2000) }).strict(),
      z.object({ reportNo: z.string().trim().min(1).max(40), code: z.string().trim().min(1).max(40) }).strict(),
    ]),
    access: 'report.verify',
  }),
  'statement.create': method<StatementView>()({
    input: z
      .object({
        visitId,
        recordId: z.number().int().positive().nullable().default(null),
        // The profile's limit is checked in the service; this bound only keeps junk out.
        text: z.string().trim().min(1).max(5000),
      })
      .strict(),
    access: 'statement.create',
  }),
  'statement.list': method<StatementView[]>()({ input: z.object({ visitId }).strict(), access: 'counter.lookup' }),
};
