import { z } from 'zod';
import { RECORD_DOMAINS } from '../domain/record';

// The entity reports' regional choices (issue 24; domain-rules.md, "Legal entities": the special
// report's field catalogue, its longest period, what it does with a repaired penalty, how long it
// is accepted, and how old the platform's data may be). All unconfirmed, so all data.

const text = z.string().trim().min(1).max(500);

export const specialFieldSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'lower-case letters, digits and underscores'),
  label: z.strictObject({ zh: text, en: text }),
  /** The record domains (shared/domain/record.ts) the field covers. */
  domains: z.array(z.enum(RECORD_DOMAINS)).min(1),
  /** The departments consulted, as the report names them. */
  sources: z.strictObject({ zh: text, en: text }),
});

export const entityReportRulesSchema = z
  .strictObject({
    /** A report whose data date is older than this many days says so, and the clerk is warned first. */
    freshnessDays: z.number().int().min(1).max(90),
    special: z.strictObject({
      fields: z.array(specialFieldSchema).min(1),
      /** The longest period an applicant may choose, and the one offered. */
      maxPeriodMonths: z.number().int().min(1).max(120),
      defaultPeriodMonths: z.number().int().min(1).max(120),
      /** omit: repair stopped publication, so the penalty is not listed; mark: listed, marked 已修复. */
      repaired: z.enum(['omit', 'mark']),
      /** How long a receiving party accepts the report, printed as 有效期 (commonly 1–3 months). */
      validityMonths: z.number().int().min(1).max(3),
    }),
  })
  .superRefine((r, ctx) => {
    if (r.special.defaultPeriodMonths > r.special.maxPeriodMonths) {
      ctx.addIssue({ code: 'custom', path: ['special', 'defaultPeriodMonths'], message: `the default period (${r.special.defaultPeriodMonths}) exceeds the maximum (${r.special.maxPeriodMonths})` });
    }
    const seen = new Set<string>();
    r.special.fields.forEach((f, i) => {
      if (seen.has(f.code)) ctx.addIssue({ code: 'custom', path: ['special', 'fields', i, 'code'], message: `field ${f.code} appears twice` });
      seen.add(f.code);
    });
  });

export type EntityReportRules = z.infer<typeof entityReportRulesSchema>;
export type SpecialField = z.infer<typeof specialFieldSchema>;
