import type { CreditRecord } from '../../shared/domain/record';
import type { EntityReportRecord } from '../../shared/domain/entityReport';
import type { PublicationRules } from '../../shared/rules/statutoryPublicationEnd';
import { effectivePublicityEnd } from '../../shared/domain/publication';
import type { Annotation } from '../store/annotationStore';
import type { StatementView } from '../../shared/domain/report';

// A record as the entity reports print it: the personal report's shape (objection annotation and
// statements travel with the record), the publicity end cut by the statutory tiers.

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
