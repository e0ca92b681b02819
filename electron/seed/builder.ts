// Per-subject state shared by the record generators: the subject's stream, its home region and
// the arrays being filled. Central ids are `${prefix}R${index}-${k}` (lists: L), numbered in
// generation order, so they are stable for a given (seed, index).
import type { PenaltyKind, RecordCategory, RecordDomain, RecordStatus, Severity } from '../../shared/domain/record';
import type { ListEntryRow, RecordRow } from '../../shared/domain/population';
import { addMonths, dayToIso, isoToDay } from './days';
import type { Rng } from './prng';
import type { Region } from './regions';
import { REGIONS } from './regions';

export interface RecordDraft {
  category: RecordCategory;
  domain: RecordDomain;
  severity?: Severity | null;
  penaltyKind?: PenaltyKind | null;
  title: string;
  content: string;
  providerUnit: string;
  documentNo: string;
  occurredOn?: string;
  decidedOn: string;
  publicityStart?: string;
  publicityEnd: string | null;
  status?: RecordStatus;
  version?: number;
}

export class SubjectBuilder {
  readonly records: RecordRow[] = [];
  readonly listEntries: ListEntryRow[] = [];
  readonly todayDay: number;
  /** First day on which the subject could plausibly have adult records (18th birthday). */
  readonly adultDay: number;

  constructor(
    readonly rng: Rng,
    readonly region: Region,
    readonly name: string,
    readonly birthDate: string | null,
    readonly today: string,
    readonly subjectCentralId: string,
    /** `${prefix}R${index}-`: record central ids append a 1-based counter. */
    private readonly recordStem: string,
    private readonly listStem: string,
  ) {
    this.todayDay = isoToDay(today);
    this.adultDay = birthDate ? isoToDay(addMonths(birthDate, 18 * 12)) : this.todayDay - 365 * 20;
  }

  /** A decision date within the last `years` years, never before the subject came of age. */
  dateWithin(years: number, minAgeDays = 0): string {
    const from = Math.max(this.adultDay, this.todayDay - Math.round(years * 365.25));
    return dayToIso(this.rng.int(from, Math.max(from, this.todayDay - minAgeDays)));
  }

  /** Mostly the home region; sometimes a decision from elsewhere (travel, work away from home). */
  deciderRegion(): Region {
    return this.rng.chance(0.85) ? this.region : this.rng.pick(REGIONS);
  }

  add(d: RecordDraft): string {
    const centralId = this.recordStem + String(this.records.length + 1);
    this.records.push({
      centralId,
      subjectCentralId: this.subjectCentralId,
      category: d.category,
      domain: d.domain,
      severity: d.severity ?? null,
      penaltyKind: d.penaltyKind ?? null,
      title: d.title,
      content: d.content,
      providerUnit: d.providerUnit,
      documentNo: d.documentNo,
      occurredOn: d.occurredOn ?? d.decidedOn,
      decidedOn: d.decidedOn,
      publicityStart: d.publicityStart ?? d.decidedOn,
      publicityEnd: d.publicityEnd,
      status: d.status ?? 'active',
      version: d.version ?? 1,
    });
    return centralId;
  }

  addListEntry(entry: Omit<ListEntryRow, 'centralId' | 'subjectCentralId'>): void {
    this.listEntries.push({
      centralId: this.listStem + String(this.listEntries.length + 1),
      subjectCentralId: this.subjectCentralId,
      ...entry,
    });
  }
}
