import { REPORT_SECTIONS, type RecordCategory, type ReportSection, type Severity } from './record';
import type { ListType } from './list';
import type { Freshness } from './entityReport';

// The personal public-credit information report (个人公共信用信息报告) as signed data. The printed
// page is rendered from this; the digest is taken over its canonical JSON, so it holds only what the
// report shows, as of the moment it was issued.

/** What an agent's written authorization can cover: the record sections and the query history. */
export const SCOPE_SECTIONS = [...REPORT_SECTIONS, 'query_history'] as const;
export type ScopeSection = (typeof SCOPE_SECTIONS)[number];

/** The list types a scope shows: red lists with honours, the others with dishonesty. */
export function listTypesIn(scope: readonly string[]): ListType[] {
  return [...(scope.includes('honours') ? (['red'] as const) : []), ...(scope.includes('dishonesty') ? (['black', 'dishonest_debtor'] as const) : [])];
}

/**
 * The most records and list entries one report carries, counted before it is made (issue 29 item
 * 9). DESIGN.md §8 promises 2,000 records in about 115 pages; 5,000 records of realistic length
 * make 278 pages in 2.4 s and take about 300 MiB while the PDF is made, on a host that serves every
 * window of the hall: more is refused rather than risked (docs/reports.md).
 */
export const REPORT_MAX_RECORDS = 5_000;

export interface ReportStatement {
  id: number;
  text: string;
  createdAt: string;
}

export interface ReportRecord {
  id: number;
  centralId: string;
  version: number;
  category: RecordCategory;
  severity: Severity | null;
  title: string;
  content: string;
  providerUnit: string;
  documentNo: string;
  decidedOn: string;
  publicityStart: string;
  publicityEnd: string | null;
  /** 异议标注: an open objection against this record. */
  annotation: { caseNo: string | null; since: string | null } | null;
  statements: ReportStatement[];
}

export interface ReportListEntry {
  centralId: string;
  listType: ListType;
  listName: string;
  reason: string;
  basis: string;
  decidingUnit: string;
  enteredOn: string;
  exitOn: string | null;
  measures: { code: string; title: string; basis: string }[];
}

export interface ReportSectionContent {
  key: ReportSection;
  records: ReportRecord[];
  /** List memberships: black lists and dishonest debtors under 'dishonesty', red lists under 'honours'. */
  lists: ReportListEntry[];
}

export type ReportApplicant =
  | { kind: 'self' }
  | {
      kind: 'agent';
      agentName: string;
      /** Masked: the report is the subject's, the agent's number is not theirs to carry around. */
      agentIdNumberMasked: string;
      documentNo: string;
      validFrom: string;
      validTo: string;
      notarised: boolean;
    };

export interface ReportQueryItem {
  at: string;
  officeCode: string;
  officeName: string | null;
  purposeCode: string;
  /** The catalogue's label at the time of issue; null for a code the catalogue no longer has. */
  purpose: { zh: string; en: string } | null;
}

export interface ReportContent {
  v: 1;
  reportNo: string;
  /** `window`: the office host's window that issued it (issue 23); absent from the office's own console. */
  office: { code: string; name: string; window?: number };
  issuedAt: string;
  /** China date the exclusions were decided on. */
  asOf: string;
  purpose: { code: string; zh: string; en: string; text: string | null };
  applicant: ReportApplicant;
  /** What the report covers: every section for the subject, the authorized ones for an agent. */
  scope: ScopeSection[];
  subject: {
    found: boolean;
    name: string;
    idNumber: string;
    gender: 'M' | 'F' | null;
    birthDate: string | null;
    regionCode: string | null;
  };
  sections: ReportSectionContent[];
  /** Statements on the subject as a whole; record statements travel with their record. */
  statements: ReportStatement[];
  /** null when an agent is not authorized for it. */
  queryHistory: ReportQueryItem[] | null;
}

/** Published records per section; null for a section outside the report's scope. */
export type SectionCounts = Record<ReportSection, number | null>;

export function sectionCounts(content: Pick<ReportContent, 'sections'>): SectionCounts {
  const counts = Object.fromEntries(REPORT_SECTIONS.map((s) => [s, null])) as SectionCounts;
  for (const s of content.sections) counts[s.key] = s.records.length + s.lists.length;
  return counts;
}

/**
 * What the QR code carries besides the signature: enough for another office to say who issued
 * the report, when, for whom (masked) and what it contained, without any database.
 */
export interface ReportSeal {
  v: 1;
  /** report number */
  n: string;
  /** issuing office code */
  o: string;
  /** issued at (ISO) */
  t: string;
  /** masked subject name and ID number */
  s: string;
  i: string;
  /** counts in REPORT_SECTIONS order, -1 outside the scope */
  c: number[];
  /** SHA-256 of the canonical content, base64url */
  d: string;
  /** signing key id */
  k: string;
  /**
   * The report's kind (issue 24): absent for the personal report, 'e' for an entity's full report
   * (then `c` follows ENTITY_REPORT_SECTIONS), 's' for a special report (then `c` follows `f`).
   */
  r?: 'e' | 's';
  /** A special report's fields, in the order of `c`. */
  f?: string[];
  /** A special report's period, "from/to" (inclusive China dates). */
  p?: string;
}

export type ReportKind = 'personal' | 'entity' | 'special';

export type VerifyFailure = 'malformed' | 'unknown_key' | 'bad_signature' | 'not_found' | 'code_mismatch' | 'record_altered';

export interface ReportVerification {
  genuine: boolean;
  failure: VerifyFailure | null;
  reportNo: string | null;
  office: { code: string; name: string | null } | null;
  issuedAt: string | null;
  subjectNameMasked: string | null;
  subjectIdMasked: string | null;
  counts: SectionCounts | null;
  /** Copies printed, known only for this office's own reports. */
  copiesPrinted: number | null;
  /** Which report this is; null when the QR could not be read as a report at all. */
  kind: ReportKind | null;
  /** An entity report's counts per section (ENTITY_REPORT_SECTIONS order) or a special report's per field. */
  entityCounts: { key: string; count: number }[] | null;
  /** A special report's period. */
  period: { from: string; to: string } | null;
}

export interface IssuedReport {
  reportId: number;
  reportNo: string;
  visitId: number;
  issuedAt: string;
  verifyCode: string;
  beyondFree: boolean;
  copiesPrinted: number;
  counts: SectionCounts;
  noRecord: boolean;
  kind: ReportKind;
  /** An entity report's data date: stale ones must be confirmed with the applicant before printing (issue 24). */
  freshness: Freshness | null;
}

export interface ReportQuota {
  year: string;
  used: number;
  free: number;
  /** The next report would be beyond the free ones and needs the applicant's confirmation. */
  nextBeyondFree: boolean;
  /** The report already issued for this visit, if any. */
  issued: IssuedReport | null;
}

/** A printable document: the PDF's bytes (base64 in the JSON transport) and what they are. */
export interface PdfDocument {
  pdfBase64: string;
  pages: number;
  /** Hex SHA-256 of the bytes: the same input always gives the same file. */
  sha256: string;
}

export interface ReportDocument extends PdfDocument {
  copyNo: number;
  reprint: boolean;
}

export interface StatementView {
  id: number;
  recordId: number | null;
  text: string;
  createdAt: string;
}
