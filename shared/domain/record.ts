// Catalogue categories follow the national public-credit catalogue (domain-rules.md, "Report
// structures"); the report groups them into sections via REPORT_SECTION_OF.
export const RECORD_CATEGORIES = [
  'basic',
  'admin_licence',
  'admin_penalty',
  'dishonest_debtor',
  'black_list',
  'red_list',
  'honour',
  'tax_credit',
  'social_insurance',
  'contract_performance',
  'volunteer_service',
  'credit_commitment',
] as const;
export type RecordCategory = (typeof RECORD_CATEGORIES)[number];

export const RECORD_DOMAINS = [
  'food_drug',
  'work_safety',
  'tax',
  'transport',
  'environment',
  'market',
  'education',
  'health',
  'housing',
  'finance',
  'judicial',
  'civil_affairs',
] as const;
export type RecordDomain = (typeof RECORD_DOMAINS)[number];

/** Severity tiers of the Credit Repair Management Measures (2025); null for non-negative records. */
export const SEVERITIES = ['minor', 'ordinary', 'serious'] as const;
export type Severity = (typeof SEVERITIES)[number];

/**
 * The kinds of administrative penalty of the Administrative Penalty Law (2021) art. 9, in its
 * order (lightest first), plus 'other' for a sanction a special law adds. A decision that imposes
 * several carries the heaviest one: the repair exclusions (revocation or suspension of licences in
 * food, drugs, environment, safety) turn on it, so it must never be lost to a lighter fine.
 */
export const PENALTY_KINDS = [
  'warning',
  'criticism',
  'fine',
  'confiscation',
  'licence_suspension',
  'qualification_downgrade',
  'licence_revocation',
  'activity_restriction',
  'production_suspension',
  'closure',
  'employment_restriction',
  'detention',
  'other',
] as const;
export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export const RECORD_STATUSES = ['active', 'under_objection', 'corrected', 'revoked', 'repaired', 'expired'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

export const NEGATIVE_CATEGORIES: readonly RecordCategory[] = ['admin_penalty', 'dishonest_debtor', 'black_list'];

export interface CreditRecord {
  id: number;
  subjectId: number;
  centralId: string;
  category: RecordCategory;
  domain: RecordDomain;
  severity: Severity | null;
  /** Administrative penalties only (heaviest sanction of the decision); null or absent otherwise (optional on the wire: older bundles lack it). */
  penaltyKind?: PenaltyKind | null;
  title: string;
  content: string;
  providerUnit: string;
  documentNo: string;
  occurredOn: string;
  decidedOn: string;
  publicityStart: string;
  /** null: published without end (e.g. licences, basic information). */
  publicityEnd: string | null;
  status: RecordStatus;
  version: number;
}

export const REPORT_SECTIONS = [
  'basic',
  'licences',
  'penalties',
  'dishonesty',
  'honours',
  'other',
] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];

export const REPORT_SECTION_OF: Record<RecordCategory, ReportSection> = {
  basic: 'basic',
  admin_licence: 'licences',
  admin_penalty: 'penalties',
  dishonest_debtor: 'dishonesty',
  black_list: 'dishonesty',
  red_list: 'honours',
  honour: 'honours',
  tax_credit: 'other',
  social_insurance: 'other',
  contract_performance: 'other',
  volunteer_service: 'other',
  credit_commitment: 'other',
};
