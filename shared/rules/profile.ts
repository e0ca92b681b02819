import { z } from 'zod';
import { PENALTY_KINDS, RECORD_CATEGORIES, RECORD_DOMAINS, SEVERITIES } from '../domain/record';
import type { MaskingOptions } from '../masking';
import { CARD_TYPES } from '../domain/idCard';
import { entityReportRulesSchema } from './entityReportRulesSchema';

// A rule profile holds every regional or unconfirmed choice of domain-rules.md as data, so an
// office picks its region and a platform bundle can replace a profile without a code change.
// Objects are strict: a misspelt field is an error, not a silently ignored default.

const text = z.string().trim().min(1).max(500);
const days = z.number().int().min(0).max(366);
const months = z.number().int().min(0).max(120);

export const citationSchema = z.strictObject({
  /** Title of the instrument as published, e.g. 上海市社会信用条例. */
  instrument: text,
  year: z.number().int().min(1949).max(2100),
  articles: z.array(z.string().regex(/^\d+[a-z]?$/, 'article numbers such as "36"')),
  topic: z.enum(['objection', 'repair', 'revocation', 'query', 'report', 'dishonest_debtor', 'general']),
});

/** A period of `days` counted from the receipt of the objection or from forwarding it. */
export const periodSchema = z.strictObject({
  days,
  from: z.enum(['receipt', 'forwarded']),
});

export const objectionRulesSchema = z.strictObject({
  dayKind: z.enum(['working', 'calendar']),
  /** days 0 = annotate on receipt. */
  annotate: periodSchema,
  /** null: the regulation sets no separate forwarding deadline. */
  forward: periodSchema.nullable(),
  providerVerify: periodSchema.nullable(),
  decideOwn: periodSchema,
  decideProvider: periodSchema,
  /** Total period (not the additional days) when a complex case is extended. */
  extension: z.strictObject({ maxTotalDays: days, requiresApproval: z.boolean() }).nullable(),
  /** Intervals that do not count, e.g. testing or expert review. */
  pause: z.strictObject({ reasons: z.array(z.enum(['testing', 'expert_review'])).min(1) }).nullable(),
  /** Working days to withdraw a record after its underlying decision is revoked. */
  revocationWithdrawalDays: days.nullable(),
  /**
   * Calendar-day periods whose last day is a rest day end on the next working day (Civil Code
   * art. 203; Civil Procedure Law art. 85).
   */
  rollOverRestDay: z.boolean(),
});

const tierSchema = z.strictObject({
  published: z.boolean(),
  /** null: no shortest period, repair may be requested from the decision date. */
  shortestMonths: months.nullable(),
  longestMonths: months,
});

export const nonRepairableRuleSchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/),
  label: z.strictObject({ zh: text, en: text }),
  // A record matches when it matches every list that is present.
  categories: z.array(z.enum(RECORD_CATEGORIES)).min(1).optional(),
  severities: z.array(z.enum(SEVERITIES)).min(1).optional(),
  domains: z.array(z.enum(RECORD_DOMAINS)).min(1).optional(),
  penaltyKinds: z.array(z.enum(PENALTY_KINDS)).min(1).optional(),
});

export const repairRulesSchema = z.strictObject({
  appliesTo: z.array(z.enum(RECORD_CATEGORIES)).min(1),
  tiers: z.strictObject({ minor: tierSchema, ordinary: tierSchema, serious: tierSchema }),
  processingWorkingDays: days,
  /** false: a local-practice default that the administrator must confirm or change. */
  processingDaysConfirmed: z.boolean(),
  nonRepairable: z.array(nonRepairableRuleSchema),
});

const keepEnds = z.strictObject({ keepStart: z.number().int().min(0).max(18), keepEnd: z.number().int().min(0).max(18) });

export const maskingSchema = z.strictObject({
  maskChar: z.string().min(1).max(2),
  idNumber: keepEnds,
  creditCode: keepEnds,
  phone: keepEnds,
  name: z.strictObject({ compoundSurnames: z.boolean(), fixedMaskLength: z.number().int().min(1).max(8).nullable() }),
}) satisfies z.ZodType<MaskingOptions>;

/**
 * How a card read at the counter is judged (issue 25, docs/id-card-reader.md). Optional so that a
 * profile document written before it still parses; idCardRules() then takes the shipped default's.
 */
export const idCardRulesSchema = z.strictObject({
  /** Which card kinds the counter takes as the applicant's identity document. */
  acceptedTypes: z.array(z.enum(CARD_TYPES)).min(1),
  expiredCard: z.strictObject({
    /** refuse: an expired card is no identity document; accept_with_note: the clerk may go on, writing why. */
    policy: z.enum(['refuse', 'accept_with_note']),
    /** The rule as the refusal cites it to the clerk and the applicant. */
    basis: z.strictObject({ zh: text, en: text }),
  }),
  /** The 2023 foreigner's permanent residence card: the points its published notices leave open. */
  foreignPermanent: z.strictObject({ checkDigit: z.boolean(), sexFromOrderCode: z.boolean() }),
  /** Typed entry stays possible; where the profile says so it needs a reason (reader broken, card unreadable), which is logged. */
  typedEntry: z.strictObject({ reasonRequired: z.boolean() }),
});

export const ruleProfileSchema = z
  .strictObject({
    schemaVersion: z.literal(1),
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'lower-case letters, digits and hyphens'),
    name: z.strictObject({ zh: text, en: text }),
    /** What receipts and notices print (the name is the profile's working title in settings). */
    displayName: z.strictObject({ zh: text, en: text }).optional(),
    legalBasis: z.array(citationSchema).min(1),
    objection: objectionRulesSchema,
    repair: repairRulesSchema,
    statementMaxLength: z.number().int().min(1).max(5000),
    reports: z.strictObject({ freePerYear: z.number().int().min(0), queryHistoryYears: z.number().int().min(1) }),
    queryLog: z.strictObject({ retentionYears: z.number().int().min(1) }),
    authorization: z.strictObject({ notarisedRequired: z.boolean() }),
    dishonestDebtor: z.strictObject({ deletionWorkingDays: days }),
    masking: maskingSchema,
    /**
     * "Green channel" and "accept with missing documents" services for people with no negative
     * record for `cleanYears` consecutive years (seeds: Baoshan, Zhejiang, Beijing). Absent or
     * null where the region has no such rule: the subject view then says nothing about it.
     */
    greenChannel: z
      .strictObject({ cleanYears: z.number().int().min(1).max(10), redListQualifies: z.boolean(), source: text })
      .nullable()
      .optional(),
    idCard: idCardRulesSchema.optional(),
    /** Issue 24's entity reports; optional like idCard (entityReportRules() falls back to the default's). */
    entityReports: entityReportRulesSchema.optional(),
    notes: z.array(text).optional(),
  })
  .superRefine((p, ctx) => {
    const o = p.objection;
    for (const key of ['annotate', 'forward'] as const) {
      if (o[key]?.from === 'forwarded') {
        ctx.addIssue({ code: 'custom', path: ['objection', key, 'from'], message: `${key} can only run from receipt` });
      }
    }
    const longest = Math.max(o.decideOwn.days, o.decideProvider.days);
    if (o.extension && o.extension.maxTotalDays < longest) {
      ctx.addIssue({
        code: 'custom',
        path: ['objection', 'extension', 'maxTotalDays'],
        message: `the extended total (${o.extension.maxTotalDays}) is shorter than the ordinary period (${longest})`,
      });
    }
    for (const severity of SEVERITIES) {
      const tier = p.repair.tiers[severity];
      if (tier.shortestMonths !== null && tier.shortestMonths > tier.longestMonths) {
        ctx.addIssue({
          code: 'custom',
          path: ['repair', 'tiers', severity, 'shortestMonths'],
          message: `shortest period (${tier.shortestMonths}) exceeds longest (${tier.longestMonths})`,
        });
      }
    }
  });

export type RuleProfile = z.infer<typeof ruleProfileSchema>;
export type ObjectionRules = RuleProfile['objection'];
export type RepairRules = RuleProfile['repair'];
export type Period = z.infer<typeof periodSchema>;
export type NonRepairableRule = z.infer<typeof nonRepairableRuleSchema>;
export type IdCardRules = z.infer<typeof idCardRulesSchema>;

/** The profile as printed for citizens: its display name, else its name. */
export function profileDisplayName(profile: Pick<RuleProfile, 'name' | 'displayName'>, lang: 'zh' | 'en'): string {
  return (profile.displayName ?? profile.name)[lang];
}
