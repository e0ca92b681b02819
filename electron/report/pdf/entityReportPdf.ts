import type { EntityReportContent } from '../../../shared/domain/entityReport';
import { chinaDateTime } from '../../../shared/calendar/dates';
import { CATEGORY_LABELS, L, label, LIST_TYPE_LABELS, type Bi } from '../reportLabels';
import { E, ENTITY_NOTES, ENTITY_SECTION_TITLES } from '../entityReportLabels';
import { MM, type Cell, type FinishedPdf } from './layout';
import { finishEntityPdf, openEntityPdf, type EntityPdfInput } from './entityPdfParts';
import { listColumnsFor, listRow, MUTED, recordColumnsFor, recordRow } from './reportPdf';

// The full report of a legal entity (issue 24): the personal report's header, record rows and frame,
// with the thirteen sections of the national report standard (2022), each saying 无记录 when empty.

export async function renderEntityReportPdf(input: EntityPdfInput<EntityReportContent>): Promise<FinishedPdf> {
  const { content: c, lang } = input;
  const bi = (b: Bi) => label(b, lang);
  const layout = openEntityPdf(input, E.title);

  layout.heading(bi(E.summary));
  const annotations = c.sections.reduce((a, x) => a + x.records.filter((r) => r.annotation).length, 0);
  const statements = c.statements.length + c.sections.reduce((a, x) => a + x.records.reduce((b, r) => b + r.statements.length, 0), 0);
  layout.table(
    [{ header: bi(L.section), share: 4 }, { header: bi(L.count), share: 1, align: 'right' }],
    [
      ...c.sections.map((x): Cell[] => [bi(ENTITY_SECTION_TITLES[x.key]), String(x.records.length + x.lists.length)]),
      [bi(L.annotations), String(annotations)],
      [bi(E.statements), String(statements)],
    ],
  );

  const recordColumns = recordColumnsFor(layout, Math.max(0, ...c.sections.map((x) => x.records.length)), lang);
  const listColumns = listColumnsFor(lang);
  c.sections.forEach((section, i) => {
    layout.heading(`${i + 1}. ${bi(ENTITY_SECTION_TITLES[section.key])}`, 18 * MM);
    if (section.records.length === 0 && section.lists.length === 0) {
      layout.paragraph({ text: bi(E.noRecord), color: MUTED }, { after: 2 * MM });
      return;
    }
    if (section.lists.length > 0) layout.table(listColumns, section.lists.map((e) => listRow(e, lang, LIST_TYPE_LABELS[e.listType])), { continued: bi(L.continued) });
    if (section.records.length > 0) {
      layout.table(recordColumns, section.records.map((r, n) => recordRow(r, n + 1, lang, CATEGORY_LABELS[r.category])), { tags: section.records.map((r) => r.id), continued: bi(L.continued) });
    }
  });

  layout.heading(bi(E.statements));
  if (c.statements.length === 0) layout.paragraph({ text: bi(E.noRecord), color: MUTED }, { after: 2 * MM });
  else layout.table([{ header: bi(L.statementDate), share: 1 }, { header: bi(L.statementText), share: 5 }], c.statements.map((x) => [chinaDateTime(x.createdAt).slice(0, 10), x.text]));

  return finishEntityPdf(layout, input, E.title, ENTITY_NOTES);
}
