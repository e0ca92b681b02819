import { z } from 'zod';
import { WINDOW_NUMBER_MAX } from '../domain/officeWindow';
import { HALL_CASE_NO_MAX } from './limits';
import { method } from './method';
import { cursor, isoDate, pageSize } from './fields';
import { exportFormat, exportLang, type ExportedFile } from './exportFile';

export interface QueryLogRow {
  id: number;
  at: string;
  visitId: number;
  clerkUsername: string;
  /** The clerk's name as colleagues know it. */
  clerkName: string;
  idNumberMasked: string;
  nameMasked: string;
  applicantKind: 'self' | 'agent';
  purposeCode: string;
  outcome: 'found' | 'no_record';
  /** Last day the entry must be kept: the profile's query-log retention (Zhejiang art. 20: 10 years). */
  keepUntil: string;
  /** How the identity of the person at the counter was taken (issue 25): read from the card, or typed. */
  identitySource: 'card' | 'typed';
  /** The security module of the reader that read the card; null when typed. */
  readerSamId: string | null;
  /** The window the query was made at (issue 23); null: the office's own console. */
  windowNumber: number | null;
  /** The hall's queue ticket (排队号) and case number (办件编号) the visit carried (issue 23); null: none given. */
  queueTicket: string | null;
  hallCaseNo: string | null;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string | null;
  /** The actor's display name, when the account still exists. */
  actorName: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown>;
}

export interface AuditVerifyResult {
  ok: boolean;
  checked: number;
  firstBroken: { seq: number; reason: string } | null;
  /** Every finding (first broken link, missing tail, deleted rows, dropped triggers); seq null when not tied to an event. */
  problems?: { seq: number | null; reason: string }[];
  /** The newest signed checkpoint the verification compared against. */
  checkpoint?: { headSeq: number; at: string } | null;
  /** Findings an administrator acknowledged (audit.break_acknowledged, with its event): still listed, no longer failing. */
  acknowledged?: { seq: number | null; reason: string; acknowledgedBy: number }[];
}

/**
 * The audit chain head the office last exported to the platform (issue 29): a restored older
 * database verifies as intact locally, so the auditor compares this with the head the platform
 * holds (`central status`). Null before the first export.
 */
export interface AuditExportedHead {
  exportSequence: number;
  exportedAt: string;
  /** When the platform acknowledged that export (null: not yet). */
  acknowledgedAt: string | null;
  /** The signed checkpoint the export carried: the chain's event number and its MAC's first 16 hex digits. */
  headSeq: number;
  headHashPrefix: string;
  checkpointAt: string;
}

export interface Page<T> {
  rows: T[];
  nextCursor: number | null;
}

// Log filters. Dates are China calendar days; a partial ID number is at least four of its digits
// (checked in the service, which says why a filter cannot match instead of answering nothing).
const queryLogFilter = {
  from: isoDate.optional(),
  to: isoDate.optional(),
  idNumber: z.string().trim().max(18).optional(),
  clerkId: z.number().int().positive().optional(),
  purposeCode: z.string().trim().min(1).max(40).optional(),
  identitySource: z.enum(['card', 'typed']).optional(),
  windowNumber: z.number().int().min(1).max(WINDOW_NUMBER_MAX).optional(),
  /** The hall's case number, whole (办件编号, issue 23). */
  hallCaseNo: z.string().trim().min(1).max(HALL_CASE_NO_MAX).optional(),
};
const auditFilter = {
  action: z.string().max(60).optional(),
  group: z.string().regex(/^[a-z_]{1,20}$/, 'an action group').optional(),
  actor: z.string().trim().min(1).max(32).optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  windowNumber: z.number().int().min(1).max(WINDOW_NUMBER_MAX).optional(),
};

export const logsContract = {
  'querylog.list': method<Page<QueryLogRow>>()({
    input: z.object({ ...queryLogFilter, cursor, limit: pageSize }).strict(),
    access: 'querylog.read',
  }),
  'querylog.clerks': method<{ id: number; name: string }[]>()({ input: z.object({}).strict(), access: 'querylog.read' }),
  /** The filtered register as CSV or Excel; the export is itself audited. */
  'querylog.export': method<ExportedFile>()({
    input: z.object({ ...queryLogFilter, format: exportFormat, lang: exportLang }).strict(),
    access: 'querylog.read',
  }),
  'audit.list': method<Page<AuditRow>>()({
    input: z.object({ ...auditFilter, cursor, limit: pageSize }).strict(),
    access: 'audit.read',
  }),
  'audit.actors': method<{ username: string; name: string | null }[]>()({ input: z.object({}).strict(), access: 'audit.read' }),
  'audit.export': method<ExportedFile>()({
    input: z.object({ ...auditFilter, format: exportFormat, lang: exportLang }).strict(),
    access: 'audit.read',
  }),
  'audit.verify': method<AuditVerifyResult>()({ input: z.object({}).strict(), access: 'audit.read' }),
  'audit.exportedHead': method<AuditExportedHead | null>()({ input: z.object({}).strict(), access: 'audit.read' }),
};
