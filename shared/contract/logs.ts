import { z } from 'zod';
import { method } from './method';
import { cursor, isoDate, pageSize } from './fields';

export interface QueryLogRow {
  id: number;
  at: string;
  visitId: number;
  clerkUsername: string;
  idNumberMasked: string;
  nameMasked: string;
  applicantKind: 'self' | 'agent';
  purposeCode: string;
  outcome: 'found' | 'no_record';
  /** Last day the entry must be kept: the profile's query-log retention (Zhejiang art. 20: 10 years). */
  keepUntil: string;
}

export interface AuditRow {
  seq: number;
  at: string;
  actor: string | null;
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
}

export interface Page<T> {
  rows: T[];
  nextCursor: number | null;
}

export const logsContract = {
  'querylog.list': method<Page<QueryLogRow>>()({
    input: z
      .object({ from: isoDate.optional(), to: isoDate.optional(), idNumber: z.string().trim().max(18).optional(), cursor, limit: pageSize })
      .strict(),
    access: 'querylog.read',
  }),
  'audit.list': method<Page<AuditRow>>()({
    input: z.object({ action: z.string().max(40).optional(), cursor, limit: pageSize }).strict(),
    access: 'audit.read',
  }),
  'audit.verify': method<AuditVerifyResult>()({ input: z.object({}).strict(), access: 'audit.read' }),
};
