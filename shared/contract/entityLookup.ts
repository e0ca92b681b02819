import { z } from 'zod';
import { validateCreditCode } from '../validators/creditCode';
import { ENTITY_REPORT_KINDS, REGISTRATION_NO } from '../domain/entityAccess';
import { isoDate, shortText } from './fields';
import { personIdNumber } from './personIdNumber';
import { hallNumbersInput } from './hall';

// counter.lookup for a legal entity (issue 24): beside the person's input, which stays as it was,
// two more shapes named by `subjectKind`: the entity by its unified social credit code, or an old
// registration without one by its registration number, which the clerk confirms.

/**
 * A unified social credit code as typed at the counter: every part checked (GB 32100 check
 * character, the GB 11714 organisation code's own check, department, type, region), each failure
 * named by its own reason so the counter can say which.
 */
export const creditCodeField = z
  .string()
  .max(40)
  .transform((raw, ctx) => {
    const result = validateCreditCode(raw, { mode: 'manual' });
    if (result.ok) return result.value.creditCode;
    ctx.addIssue({ code: 'custom', message: result.code, params: { reason: result.code } });
    return z.NEVER;
  });

/** A registration number as typed: full-width characters and spaces folded. */
export const registrationNoField = z
  .string()
  .max(40)
  .transform((raw) => raw.normalize('NFKC').replace(/[\s\u3000]+/g, '').toUpperCase())
  .refine((v) => REGISTRATION_NO.test(v), { message: 'REGISTRATION_NO_FORM', params: { reason: 'REGISTRATION_NO_FORM' } });

/**
 * Who is asking for an entity: its legal representative in person (their own ID, checked against
 * the registered legal representative, and the business licence sighted), or an agent (经办人)
 * with the entity's stamped letter of authorization, checked like a personal agent's letter and
 * naming the reports it covers.
 */
export const entityApplicantSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('legal_rep'),
      idNumber: personIdNumber,
      name: shortText(40),
      /** The clerk has seen the business licence (营业执照) or registration certificate. */
      licenceSighted: z.boolean(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('agent'),
      agentIdNumber: personIdNumber,
      agentName: shortText(40),
      documentNo: shortText(60),
      scope: z.array(z.enum(ENTITY_REPORT_KINDS)).max(ENTITY_REPORT_KINDS.length),
      validFrom: isoDate,
      validTo: isoDate,
      notarised: z.boolean().default(false),
      attachmentSha256: z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in lower-case hex').nullable().default(null),
    })
    .strict(),
]);
export type EntityApplicant = z.output<typeof entityApplicantSchema>;

const entityCommon = {
  name: shortText(100),
  applicant: entityApplicantSchema,
  /** The report the applicant asks for: an agent's letter must cover it. */
  reportKind: z.enum(ENTITY_REPORT_KINDS),
  purposeCode: z.string().min(1).max(40),
  purposeText: z.string().trim().max(200).optional(),
  ...hallNumbersInput,
};

export const entityLookupInput = z.object({ subjectKind: z.literal('entity'), creditCode: creditCodeField, ...entityCommon }).strict();

/** An entity registered before the unified code: found by name and registration number, which the clerk confirms having checked on the old licence. */
export const legacyEntityLookupInput = z
  .object({ subjectKind: z.literal('entity_legacy'), registrationNo: registrationNoField, clerkConfirmed: z.boolean(), ...entityCommon })
  .strict();

export type EntityLookupInput = z.output<typeof entityLookupInput> | z.output<typeof legacyEntityLookupInput>;
