import { z } from 'zod';
import type { CaseKind, IntakeResult, NoticeDocument, ObjectionCase, QueuePage, ReceiptDocument, RepairCase, WorkloadRow } from '../cases/caseTypes';
import { OBJECTION_OUTCOMES, OBJECTION_SCOPES, OBJECTION_STATES, REPAIR_STATES } from '../cases/caseTypes';
import type { CreditRecord } from '../domain/record';
import type { RepairEligibility } from '../rules/repairEligibility';
import { isoDate } from './fields';
import { method } from './method';
import { DESCRIPTION_MAX, MAX_ATTACHMENTS } from './limits';

// Objections (异议) and credit repair (信用修复): counter intake (case.intake), the manager's queue
// and decisions (case.manage), and the office's rule profile (settings.manage).

const id = z.number().int().positive();
const reason = z.string().trim().min(1).max(1000);
const optionalReason = z.string().trim().max(1000).optional();
const caseKind = z.enum(['objection', 'repair']);
// The case's version the caller saw (ObjectionCase.version), required on every step: a step on a case
// changed since is refused with CASE_CHANGED, so no client decides on a state it never saw.
const version = id;

const objectionAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), id, version, reason: optionalReason }).strict(),
  z.object({ action: z.literal('reject'), id, version, reason }).strict(),
  z.object({ action: z.literal('verify'), id, version, route: z.enum(['own', 'provider']), reason: optionalReason }).strict(),
  z.object({ action: z.literal('provider_reply'), id, version, reason }).strict(),
  z.object({ action: z.literal('pause'), id, version, pauseReason: z.enum(['testing', 'expert_review']), reason }).strict(),
  z.object({ action: z.literal('resume'), id, version, reason: optionalReason }).strict(),
  z.object({ action: z.literal('extend'), id, version, totalDays: z.number().int().min(1).max(366), reason }).strict(),
  z
    .object({
      action: z.literal('decide'),
      id,
      version,
      outcome: z.enum(OBJECTION_OUTCOMES),
      reason,
      correctedContent: z.string().trim().min(1).max(4000).optional(),
    })
    .strict(),
  z.object({ action: z.literal('notify'), id, version, reason }).strict(),
  z.object({ action: z.literal('close'), id, version, reason: optionalReason }).strict(),
]);

const repairAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('accept'), id, version, reason: optionalReason }).strict(),
  z.object({ action: z.literal('reject'), id, version, reason }).strict(),
  z.object({ action: z.literal('forward'), id, version, reason: optionalReason }).strict(),
  z.object({ action: z.literal('approve'), id, version, reason }).strict(),
  z.object({ action: z.literal('deny'), id, version, reason }).strict(),
  z.object({ action: z.literal('close'), id, version, reason: optionalReason }).strict(),
]);

export interface RepairCheckResult {
  record: CreditRecord;
  eligibility: RepairEligibility;
  openCase: string | null;
  /** Processing deadline if accepted today (provisional when its year is after arrangedThrough); null only when it cannot be counted at all. */
  dueOn: string | null;
  /** The last year whose holiday arrangement is loaded. */
  arrangedThrough: number;
}

export interface ProfileChoice {
  active: string;
  profiles: {
    id: string;
    name: { zh: string; en: string };
    dayKind: 'working' | 'calendar';
    /** What the case page may offer: an extension up to this many days in total, a stopped clock for these reasons. */
    extensionMaxDays: number | null;
    pauseReasons: ('testing' | 'expert_review')[];
  }[];
}

export const casesContract = {
  'objection.intake': method<IntakeResult>()({
    input: z
      .object({
        visitId: id,
        recordIds: z.array(id).min(1).max(50),
        scope: z.enum(OBJECTION_SCOPES),
        description: z.string().trim().min(1).max(DESCRIPTION_MAX),
        /** sha256 of scans uploaded with attachment.upload. */
        attachments: z
          .array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/, 'sha256'), fileName: z.string().trim().min(1).max(200) }).strict())
          .max(MAX_ATTACHMENTS)
          .default([]),
        accept: z.boolean().default(true),
      })
      .strict(),
    access: 'case.intake',
  }),
  'objection.act': method<ObjectionCase>()({ input: objectionAction, access: 'case.manage' }),
  'objection.get': method<ObjectionCase>()({ input: z.object({ id }).strict(), access: 'case.intake' }),
  'repair.check': method<RepairCheckResult>()({ input: z.object({ visitId: id, recordId: id }).strict(), access: 'case.intake' }),
  'repair.intake': method<IntakeResult>()({
    input: z
      .object({
        visitId: id,
        recordId: id,
        evidence: z
          .object({
            obligationsPerformed: z.boolean(),
            creditCommitment: z.boolean(),
            trainingCertificate: z.string().trim().min(1).max(200).nullable().default(null),
            note: z.string().trim().min(1).max(1000).nullable().default(null),
          })
          .strict(),
      })
      .strict(),
    access: 'case.intake',
  }),
  'repair.act': method<RepairCase>()({ input: repairAction, access: 'case.manage' }),
  'repair.get': method<RepairCase>()({ input: z.object({ id }).strict(), access: 'case.intake' }),
  'cases.queue': method<QueuePage>()({
    input: z
      .object({
        kind: caseKind,
        open: z.boolean().nullable().optional(),
        states: z.array(z.union([z.enum(OBJECTION_STATES), z.enum(REPAIR_STATES)])).max(7).optional(),
        /** 0 = unassigned. */
        assigneeId: z.number().int().min(0).nullable().optional(),
        provider: z.string().trim().min(1).max(200).optional(),
        receivedFrom: isoDate.optional(),
        receivedTo: isoDate.optional(),
        search: z.string().trim().max(40).optional(),
        due: z.enum(['overdue', 'due_soon']).optional(),
        mine: z.boolean().optional(),
        sort: z.enum(['due', 'received', 'case_no', 'state', 'provider', 'assignee']).default('due'),
        dir: z.enum(['asc', 'desc']).optional(),
        cursor: z.string().max(200).nullable().default(null),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict(),
    access: 'case.manage',
  }),
  'cases.assign': method<{ assigned: number }>()({
    input: z.object({ kind: caseKind, ids: z.array(id).min(1).max(500), assigneeId: id.nullable() }).strict(),
    access: 'case.manage',
  }),
  'cases.workload': method<WorkloadRow[]>()({ input: z.object({ kind: caseKind }).strict(), access: 'case.manage' }),
  'cases.staff': method<{ id: number; name: string; role: string }[]>()({ input: z.object({}).strict(), access: 'case.manage' }),
  'cases.sweep': method<{ escalated: number }>()({ input: z.object({}).strict(), access: 'case.manage' }),
  /** The PDF of the receipt's next copy; counts nothing. */
  'cases.receipt': method<ReceiptDocument>()({ input: z.object({ id }).strict(), access: 'case.intake' }),
  /** Counts the copy once the print job was accepted; returns the next copy's PDF. */
  'cases.receiptPrinted': method<ReceiptDocument>()({ input: z.object({ id, copyNo: z.number().int().positive() }).strict(), access: 'case.intake' }),
  /** The decision notice (告知书) of a decided objection or repair case, to hand to the subject. */
  'cases.notice': method<NoticeDocument>()({
    input: z.object({ kind: z.enum(['objection', 'repair']), id, lang: z.enum(['zh', 'en']).default('zh') }).strict(),
    access: 'case.manage',
  }),
  'cases.profiles': method<ProfileChoice>()({ input: z.object({}).strict(), access: 'session' }),
  'cases.selectProfile': method<ProfileChoice>()({
    input: z.object({ profileId: z.string().trim().min(1).max(40) }).strict(),
    access: 'settings.manage',
  }),
};

export type { CaseKind };
