import type { SpecialReportContent } from '../../../shared/domain/entityReport';
import { CATEGORY_LABELS, fill, L, label, type Bi } from '../reportLabels';
import { E, SPECIAL_NOTES } from '../entityReportLabels';
import { MM, type FinishedPdf } from './layout';
import { finishEntityPdf, openEntityPdf, type EntityPdfInput } from './entityPdfParts';
import { MUTED, recordColumnsFor, recordRow } from './reportPdf';

// The special credit report (专项信用报告, issue 24): the reasoning first (period, fields, what was
// checked, from which sources, as of which data date, how long the report is accepted), then per
// field either 无违法违规记录 or the records found, so a bank or a bidding agency can read it as the
// certificate it replaces.

export async function renderSpecialReportPdf(input: EntityPdfInput<SpecialReportContent>): Promise<FinishedPdf> {
  const { content: c, lang } = input;
  const bi = (b: Bi) => label(b, lang);
  const both = (b: Bi, vars: Record<string, string>): string => bi([fill(b[0], vars), fill(b[1], vars)]);
  const layout = openEntityPdf(input, E.specialTitle);

  layout.heading(bi(E.conclusion));
  layout.keyValues([
    [bi(E.period), both(E.periodText, c.period)],
    [bi(E.fields), c.fields.map((f) => (lang === 'en' ? `${f.label.zh} ${f.label.en}` : f.label.zh)).join('、')],
    [bi(E.categoriesConsulted), c.categories.map((k) => bi(CATEGORY_LABELS[k])).join('、')],
    [bi(E.validUntil), both(E.validText, { date: c.validUntil })],
  ]);
  layout.paragraph({ text: bi(c.repaired === 'mark' ? E.repairedShown : E.repairedOmitted), color: MUTED, size: 7.2 }, { after: 2 * MM });

  const recordColumns = recordColumnsFor(layout, Math.max(0, ...c.fields.map((f) => f.records.length)), lang);
  c.fields.forEach((f, i) => {
    layout.heading(`${i + 1}. ${lang === 'en' ? `${f.label.zh} ${f.label.en}` : f.label.zh}`, 18 * MM);
    layout.paragraph({ text: `${bi(E.sourcesConsulted)}：${lang === 'en' ? `${f.sources.zh} (${f.sources.en})` : f.sources.zh}`, color: MUTED, size: 7.2 }, { after: 1 * MM });
    if (f.records.length === 0) {
      layout.paragraph({ text: bi(E.noViolation), heavy: true, size: 9.5 }, { after: 3 * MM });
      return;
    }
    layout.paragraph({ text: bi(E.foundRecords), heavy: true, size: 9 }, { after: 1 * MM });
    layout.table(
      recordColumns,
      f.records.map((r, n) => recordRow(r, n + 1, lang, CATEGORY_LABELS[r.category], r.repaired ? E.repairedMark : null)),
      { tags: f.records.map((r) => r.id), continued: bi(L.continued) },
    );
  });

  return finishEntityPdf(layout, input, E.specialTitle, SPECIAL_NOTES);
}
