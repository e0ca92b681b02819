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
  // Issue 24, the entity report's sections (public credit information report standard, 2022):
  // administrative enforcement (行政强制), criminal and civil judgments (司法判决), credit
  // evaluations (信用评价) and whatever the platform files under none of these (其他).
  'admin_enforcement',
  'judicial_judgment',
  'credit_evaluation',
  'other',
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

export const NEGATIVE_CATEGORIES: readonly RecordCategory[] = ['admin_penalty', 'dishonest_debtor', 'black_list', 'admin_enforcement', 'judicial_judgment'];

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
  // The personal report keeps its six sections: enforcement sits with the penalties it follows
  // from; judgments, evaluations and the rest are "other records".
  admin_enforcement: 'penalties',
  judicial_judgment: 'other',
  credit_evaluation: 'other',
  other: 'other',
};

/**
 * The sections of the report of a legal person or unincorporated organisation, in the order of
 * the public credit information report standard (2022) as issue 24 lists them. Two of them hold
 * list entries besides records (ENTITY_LIST_SECTION_OF); `abnormal_operation` holds only lists.
 */
export const ENTITY_REPORT_SECTIONS = [
  'registration',
  'licences',
  'penalties',
  'enforcement',
  'serious_dishonesty',
  'abnormal_operation',
  'judicial',
  'tax_credit',
  'contract_performance',
  'credit_commitment',
  'credit_evaluation',
  'honours',
  'other',
] as const;
export type EntityReportSection = (typeof ENTITY_REPORT_SECTIONS)[number];

export const ENTITY_SECTION_OF: Record<RecordCategory, EntityReportSection> = {
  basic: 'registration',
  admin_licence: 'licences',
  admin_penalty: 'penalties',
  admin_enforcement: 'enforcement',
  black_list: 'serious_dishonesty',
  // 失信被执行人 is the enforcement half of "judicial judgments and enforcement".
  dishonest_debtor: 'judicial',
  judicial_judgment: 'judicial',
  tax_credit: 'tax_credit',
  contract_performance: 'contract_performance',
  credit_commitment: 'credit_commitment',
  credit_evaluation: 'credit_evaluation',
  red_list: 'honours',
  honour: 'honours',
  social_insurance: 'other',
  volunteer_service: 'other',
  other: 'other',
};
