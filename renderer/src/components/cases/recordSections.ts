import type { CreditRecord } from '../../../../shared/domain/record';
import { ENTITY_REPORT_SECTIONS, ENTITY_SECTION_OF } from '../../../../shared/domain/record';
import { ENTITY_SECTION_TITLES } from '../../../../shared/i18n/entityLabels';

// An entity's records at the counter's intake forms fall under the sections of its report
// (issue 24), in the report's order and with the report's names, so the clerk finds the penalty
// the applicant points at on the printed report under the same heading.

export interface RecordGroup<T> {
  title: string;
  records: T[];
}

export function recordsBySection<T extends Pick<CreditRecord, 'category'>>(records: readonly T[], locale: 'zh' | 'en'): RecordGroup<T>[] {
  const at = locale === 'zh' ? 0 : 1;
  return ENTITY_REPORT_SECTIONS.map((section) => ({
    title: ENTITY_SECTION_TITLES[section][at],
    records: records.filter((r) => ENTITY_SECTION_OF[r.category] === section),
  })).filter((g) => g.records.length > 0);
}

/** Select data: grouped by section for an entity, flat for a person. */
export function recordOptions<T extends Pick<CreditRecord, 'category' | 'id'>>(
  records: readonly T[],
  entity: boolean,
  locale: 'zh' | 'en',
  label: (r: T) => string,
): ({ value: string; label: string } | { group: string; items: { value: string; label: string }[] })[] {
  const item = (r: T) => ({ value: String(r.id), label: label(r) });
  return entity ? recordsBySection(records, locale).map((g) => ({ group: g.title, items: g.records.map(item) })) : records.map(item);
}
