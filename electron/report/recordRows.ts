import type { CreditRecord } from '../../shared/domain/record';
import type { EntityReportRecord } from '../../shared/domain/entityReport';
import type { PublicationRules } from '../../shared/rules/statutoryPublicationEnd';
import { effectivePublicityEnd } from '../../shared/domain/publication';
import type { Annotation } from '../store/annotationStore';
import type { ReportListEntry, StatementView } from '../../shared/domain/report';
import type { ListEntry } from '../../shared/domain/list';

// A record and a list entry as every report prints them, personal, entity and special alike: the
// objection annotation and the statements travel with the record, the publicity end is cut by the
// statutory tiers. One mapping, so the reports cannot drift apart in what a row carries.

export interface RecordExtras {
  annotationOf: Map<number, Annotation>;
  statementsOf: Map<number, EntityReportRecord['statements']>;
}

export function extrasOf(annotations: readonly Annotation[], statements: readonly StatementView[]): RecordExtras {
  const statementsOf = new Map<number, EntityReportRecord['statements']>();
  for (const s of statements) {
    if (s.recordId === null) continue;
    const list = statementsOf.get(s.recordId) ?? [];
    list.push({ id: s.id, text: s.text, createdAt: s.createdAt });
    statementsOf.set(s.recordId, list);
  }
  return { annotationOf: new Map(annotations.map((a) => [a.recordId, a])), statementsOf };
}

export function reportRecordOf(r: CreditRecord, extras: RecordExtras, rules: PublicationRules, repaired = false): EntityReportRecord {
  const annotation = extras.annotationOf.get(r.id);
  return {
    id: r.id,
    centralId: r.centralId,
    version: r.version,
    category: r.category,
    severity: r.severity,
    title: r.title,
    content: r.content,
    providerUnit: r.providerUnit,
    documentNo: r.documentNo,
    decidedOn: r.decidedOn,
    publicityStart: r.publicityStart,
    publicityEnd: effectivePublicityEnd(r, rules),
    annotation: annotation ? { caseNo: annotation.caseNo, since: annotation.since } : null,
    statements: extras.statementsOf.get(r.id) ?? [],
    ...(repaired ? { repaired: true } : {}),
  };
}

/** A list entry (红黑名单) as a report prints it, with its measures. */
export function reportListEntryOf(e: ListEntry): ReportListEntry {
  return {
    centralId: e.centralId,
    listType: e.listType,
    listName: e.listName,
    reason: e.reason,
    basis: e.basis,
    decidingUnit: e.decidingUnit,
    enteredOn: e.enteredOn,
    exitOn: e.exitOn,
    measures: e.measures.map((m) => ({ code: m.code, title: m.title, basis: m.basis })),
  };
}
