import { z } from 'zod';
import type { ListPage, RecordPage, SubjectView } from '../domain/subjectView';
import { REPORT_SECTIONS } from '../domain/record';
import { method } from './method';
import { isoDate, shortText } from './fields';
import { SCOPE_SECTIONS } from '../domain/report';
import { personIdNumber } from './personIdNumber';
import { entityLookupInput, legacyEntityLookupInput } from './entityLookup';
import { hallNumbersInput, type VisitEnded } from './hall';

export interface Purpose {
  code: string;
  zh: string;
  en: string;
  requiresText: boolean;
  /** Whose report the purpose is for (issue 24); absent: a person's, as in catalogues from before. */
  subjectKind?: 'person' | 'entity';
}

export { personIdNumber } from './personIdNumber';

/**
 * Who is asking: the subject in person, or an agent with written authorization. The agent's
 * refusals (expired, empty scope, agent = subject…) are decided in the service with a plain message.
 */
export const applicantSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('self') }).strict(),
  z
    .object({
      kind: z.literal('agent'),
      agentIdNumber: personIdNumber,
      agentName: shortText(40),
      documentNo: shortText(60),
      scope: z.array(z.enum(SCOPE_SECTIONS)).max(SCOPE_SECTIONS.length),
      validFrom: isoDate,
      validTo: isoDate,
      notarised: z.boolean(),
      attachmentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex').nullable().default(null),
    })
    .strict(),
]);
export type Applicant = z.output<typeof applicantSchema>;

/** Why the identity of the person at the counter was typed instead of read (issue 25). */
export const TYPED_REASONS = ['reader_unavailable', 'card_unreadable', 'card_not_supported', 'other'] as const;

/**
 * How the identity of the person at the counter (the subject, or the agent) was taken: from the
 * card (the core's own read, named by its readId) or typed. Absent means typed without a reason,
 * as before issue 25; the profile may require a reason.
 */
export const identitySchema = z
  .discriminatedUnion('source', [
    z.object({ source: z.literal('card'), readId: z.string().regex(/^[0-9a-f]{32}$/, 'a read id'), note: z.string().trim().max(200).optional() }).strict(),
    z.object({ source: z.literal('typed'), reason: z.enum(TYPED_REASONS).nullable().default(null), note: z.string().trim().max(200).optional() }).strict(),
  ])
  .default({ source: 'typed', reason: null });
export type IdentityInput = z.output<typeof identitySchema>;
/** The written authorization an agent presents, as the contract accepts it. */
export type AgentAuthorization = Omit<Extract<Applicant, { kind: 'agent' }>, 'kind'>;

export interface LookupResult {
  visitId: number;
  found: boolean;
  view: SubjectView | null;
  /** True when the same lookup came again within the repeat window and the open visit was reused (no new query-log row). */
  reused: boolean;
  /**
   * A platform bundle is being imported: the view shows the data as it was before the import began
   * (the counter works on as usual; the console says so quietly).
   */
  platformUpdating: boolean;
}

/** A visit read back for the clerk who opened it (after a lock or a reload): what was asked and what was found. */
export interface VisitResume extends LookupResult {
  request: { idNumber: string; name: string; purposeCode: string; purposeText: string | null; applicantKind: 'self' | 'agent'; queueTicket: string | null; hallCaseNo: string | null };
}

/** A person's lookup, as it was before entities came to the counter (no `subjectKind`). */
const personLookupInput = z
  .object({
    subjectKind: z.literal('person').optional(),
    idNumber: personIdNumber,
    name: shortText(40),
    applicant: applicantSchema,
    purposeCode: z.string().min(1).max(40),
    purposeText: z.string().trim().max(200).optional(),
    identity: identitySchema,
    ...hallNumbersInput,
  })
  .strict();
export type PersonLookupInput = z.input<typeof personLookupInput>;

const visitId = z.number().int().positive();
// A cursor repeats a date the core sent; its form is checked, not its calendar.
const storedDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const counterContract = {
  /** The purposes a lookup of this kind of subject offers (a person's by default, as before issue 24); `all` for labelling logs. */
  'counter.purposes': method<Purpose[]>()({
    input: z.object({ subjectKind: z.enum(['person', 'entity', 'all']).default('person') }).strict(),
    access: 'session',
  }),
  /**
   * Opens a visit and looks the subject up; no purpose, no query (Order 631 art. 22). A person as
   * before (no `subjectKind`); an entity by its credit code or, registered before the code, by its
   * registration number with the clerk's confirmation (shared/contract/entityLookup.ts).
   */
  'counter.lookup': method<LookupResult>()({
    input: z.discriminatedUnion('subjectKind', [
      personLookupInput,
      entityLookupInput.extend({ identity: identitySchema }),
      legacyEntityLookupInput.extend({ identity: identitySchema }),
    ]),
    access: 'counter.lookup',
  }),
  /** Re-reads an open visit of the caller's (same day) without a new lookup: no query-log row, no new visit. */
  'counter.visit': method<VisitResume>()({
    input: z.object({ visitId: z.number().int().positive() }).strict(),
    access: 'counter.lookup',
  }),
  /** The next page of one section of an open visit's subject (the view carries the first): no new query-log row. */
  'counter.records': method<RecordPage>()({
    input: z
      .object({
        visitId,
        section: z.enum(REPORT_SECTIONS),
        after: z.object({ decidedOn: storedDate, id: z.number().int().positive() }).strict().nullable().default(null),
      })
      .strict(),
    access: 'counter.lookup',
  }),
  /** The next page of an open visit's list entries: no new query-log row. */
  'counter.lists': method<ListPage>()({
    input: z
      .object({ visitId, after: z.object({ enteredOn: storedDate, id: z.number().int().positive() }).strict().nullable().default(null) })
      .strict(),
    access: 'counter.lookup',
  }),
  /**
   * 结束接待: the clerk's visit ends (once; a second call answers as the first). When the office
   * has an evaluation device, it is told after the end commits, off this call (shared/contract/hall.ts).
   */
  'counter.endVisit': method<VisitEnded>()({
    input: z.object({ visitId }).strict(),
    access: 'counter.lookup',
  }),
  'counter.reveal': method<{ value: string }>()({
    input: z.object({ visitId: z.number().int().positive(), field: z.enum(['idNumber', 'name', 'legalRepName', 'legalRepIdNumber']) }).strict(),
    access: 'subject.reveal',
  }),
};
