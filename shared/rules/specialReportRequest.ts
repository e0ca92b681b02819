import { addCalendarDays, addMonthsClamped, isIsoDate } from '../calendar/dates';
import type { EntityReportRules, SpecialField } from './entityReportRulesSchema';

// What an applicant may ask of a special report (issue 24): fields from the profile's catalogue and
// an inclusive period of China dates, ending no later than today and no longer than the profile's
// maximum. Checked before anything is read or written; a refusal names what was wrong.

export type SpecialRequestProblem =
  | { reason: 'field_unknown'; value: string }
  | { reason: 'date_invalid'; date: string }
  | { reason: 'period_reversed'; from: string; to: string }
  | { reason: 'period_future'; to: string; today: string }
  | { reason: 'period_too_long'; maxMonths: number; earliest: string };

export interface SpecialRequest {
  fields: readonly string[];
  from?: string | null | undefined;
  to?: string | null | undefined;
}

export interface CheckedSpecialRequest {
  /** In the catalogue's order, each once. */
  fields: SpecialField[];
  period: { from: string; to: string };
}

/** The first day of a period of `months` that ends on `to` (a 36-month period to 2026-11-21 starts 2023-11-22). */
export function periodStart(to: string, months: number): string {
  return addCalendarDays(addMonthsClamped(to, -months), 1);
}

/** The period offered when the applicant names none: the profile's default, ending today. */
export function defaultSpecialPeriod(rules: EntityReportRules, today: string): { from: string; to: string } {
  return { from: periodStart(today, rules.special.defaultPeriodMonths), to: today };
}

export function checkSpecialRequest(
  rules: EntityReportRules,
  today: string,
  req: SpecialRequest,
): { ok: true; value: CheckedSpecialRequest } | { ok: false; problem: SpecialRequestProblem } {
  const catalogue = rules.special.fields;
  const unknown = req.fields.find((code) => !catalogue.some((f) => f.code === code));
  if (unknown !== undefined) return { ok: false, problem: { reason: 'field_unknown', value: unknown } };
  const fallback = defaultSpecialPeriod(rules, today);
  const to = req.to ?? fallback.to;
  const from = req.from ?? (req.to ? periodStart(to, rules.special.defaultPeriodMonths) : fallback.from);
  for (const date of [from, to]) if (!isIsoDate(date)) return { ok: false, problem: { reason: 'date_invalid', date } };
  if (from > to) return { ok: false, problem: { reason: 'period_reversed', from, to } };
  if (to > today) return { ok: false, problem: { reason: 'period_future', to, today } };
  const earliest = periodStart(to, rules.special.maxPeriodMonths);
  if (from < earliest) return { ok: false, problem: { reason: 'period_too_long', maxMonths: rules.special.maxPeriodMonths, earliest } };
  return { ok: true, value: { fields: catalogue.filter((f) => req.fields.includes(f.code)), period: { from, to } } };
}
