import type { EntityReportSection, RecordCategory, RecordDomain } from './record';
import type { EntityRegistration } from './subject';
import type { ReportApplicant, ReportListEntry, ReportRecord, ReportStatement } from './report';

// The two reports of a legal entity (issue 24) as signed data, beside the personal one
// (shared/domain/report.ts): the full public credit report of legal persons and unincorporated
// organisations (法人和非法人组织公共信用信息报告) and the special report (专项信用报告) that replaces
// the "no illegal record" certificates of a dozen departments.

/**
 * What a special report consults in each chosen field (domain-rules.md, "Legal entities": at least
 * administrative penalties, simplified-procedure ones included, administrative enforcement,
 * serious-dishonesty lists and criminal judgments; the court's dishonest-debtor list with them).
 */
export const SPECIAL_REPORT_CATEGORIES = ['admin_penalty', 'admin_enforcement', 'black_list', 'dishonest_debtor', 'judicial_judgment'] as const satisfies readonly RecordCategory[];

/** The data date: the platform's time of the last update bundle applied, and whether it is older than the profile allows. */
export interface Freshness {
  /** ISO instant of the last applied platform update; null when the office has applied none. */
  dataAsOf: string | null;
  limitDays: number;
  stale: boolean;
}

/** Stale when no update was ever applied, or the last one is more than `limitDays` days (of 24 hours) old. */
export function freshnessOf(dataAsOf: string | null, now: Date, limitDays: number): Freshness {
  const stale = dataAsOf === null || now.getTime() - new Date(dataAsOf).getTime() > limitDays * 86_400_000;
  return { dataAsOf, limitDays, stale };
}

export interface EntityIdentity {
  name: string;
  /** The unified social credit code (or the old registration number the platform mapped). */
  creditCode: string;
  legalRepresentative: string | null;
  regionCode: string;
  /** From the registration authority, where the platform sent them; never the legal representative's ID number (personal data). */
  registration: Omit<EntityRegistration, 'legalRepIdNumber'> | null;
}

export interface EntityReportRecord extends ReportRecord {
  /** Shown by a special report whose profile keeps repaired penalties, marked 已修复. */
  repaired?: boolean;
}

export interface EntitySectionContent {
  key: EntityReportSection;
  records: EntityReportRecord[];
  lists: ReportListEntry[];
}

interface EntityReportBase {
  v: 1;
  reportNo: string;
  /** `window`: the office host's window that issued it (issue 23); absent from the office's own console. */
  office: { code: string; name: string; window?: number };
  issuedAt: string;
  /** China date the exclusions were decided on. */
  asOf: string;
  purpose: { code: string; zh: string; en: string; text: string | null };
  applicant: ReportApplicant;
  subject: EntityIdentity;
  freshness: Freshness;
}

export interface EntityReportContent extends EntityReportBase {
  kind: 'entity';
  sections: EntitySectionContent[];
  /** Statements on the entity as a whole; record statements travel with their record. */
  statements: ReportStatement[];
}

export interface SpecialFieldResult {
  code: string;
  label: { zh: string; en: string };
  domains: RecordDomain[];
  /** The departments consulted, as the profile names them. */
  sources: { zh: string; en: string };
  records: EntityReportRecord[];
}

export interface SpecialReportContent extends EntityReportBase {
  kind: 'special';
  /** Inclusive China dates: a record decided on `from` or on `to` is inside. */
  period: { from: string; to: string };
  categories: RecordCategory[];
  fields: SpecialFieldResult[];
  /** What the profile does with a repaired penalty: leave it out, or show it marked 已修复. */
  repaired: 'omit' | 'mark';
  /** Last day a receiving party accepts the report (有效期). */
  validUntil: string;
}

/** Any signed report content: the personal report carries no `kind`. */
export type EntityContent = EntityReportContent | SpecialReportContent;

export function isEntityContent(c: object): c is EntityContent {
  return 'kind' in c && (c.kind === 'entity' || c.kind === 'special');
}

/** Counts in the order the seal carries them: sections for a full report, fields for a special one. */
export function entityCounts(c: EntityContent): number[] {
  return c.kind === 'entity' ? c.sections.map((s) => s.records.length + s.lists.length) : c.fields.map((f) => f.records.length);
}

/** What the counter offers for a special report: the profile's catalogue, its periods, and the data date. */
export interface SpecialReportOptions {
  fields: { code: string; label: { zh: string; en: string }; sources: { zh: string; en: string } }[];
  defaultPeriod: { from: string; to: string };
  maxPeriodMonths: number;
  validityMonths: number;
  repaired: 'omit' | 'mark';
  freshness: Freshness;
}
