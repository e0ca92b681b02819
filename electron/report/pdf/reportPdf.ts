import { REPORT_SECTIONS } from '../../../shared/domain/record';
import type { ReportContent, ReportListEntry, ReportRecord } from '../../../shared/domain/report';
import { chinaDateTime } from '../../../shared/calendar/dates';
import {
  CATEGORY_LABELS, fill, issuingOffice, L, label, LIST_TYPE_LABELS, NOTES, SCOPE_TITLES, SECTION_TITLES, SEVERITY_LABELS, type Bi, type ReportLang,
} from '../reportLabels';
import { MM, PdfLayout, type Cell, type Column, type FinishedPdf, type Para, type Run } from './layout';

// The personal credit report (DESIGN.md §5) as a PDF: header, identity, summary, the six
// sections as dense record tables (one row per record, annotations and statements inside the
// row), statements, query history, notes. Every page carries the report number, the QR, the
// verification code and page x of y.

export interface ReportPdfInput {
  content: ReportContent;
  lang: ReportLang;
  qrText: string;
  verifyCode: string;
  copyNo: number;
}

export type ReportPdf = FinishedPdf;

export const WARN = '#8a1c00';
export const MUTED = '#444444';
/**
 * A record's text, and the facts beside its title. The national standard's samples set 9–10.5 pt
 * with one record to a page; a register of 2,000 records in about 100 pages needs the density of
 * a printed gazette, and Noto Sans SC stays legible at these sizes on a 600-dpi office printer.
 */
const RECORD_SIZE = 6.8;
const FACT_SIZE = 6;

export function copyMark(copyNo: number, lang: ReportLang): string {
  if (copyNo <= 1) return label(L.copyOriginal, lang);
  const n = fill(L.copyNo[0], { n: copyNo });
  return lang === 'en' ? `${L.copyReprint[0]} ${n} · ${L.copyReprint[1]}, ${fill(L.copyNo[1], { n: copyNo })}` : `${L.copyReprint[0]} ${n}`;
}

export function pageLabel(lang: ReportLang) {
  return (x: number, y: number) => (lang === 'en' ? `${fill(L.page[0], { x, y })}\n${fill(L.page[1], { x, y })}` : fill(L.page[0], { x, y }));
}

/**
 * One record as one dense row: one paragraph of runs (kind, the title in bold, document number,
 * decision date, publicity period and providing unit in small muted type, then the content) across
 * the full width, then annotation and statements. Flowing the facts and the text together instead
 * of stacking them in columns is what keeps 2,000 records of realistic length near 100 pages.
 */
export function recordRow(r: Omit<ReportRecord, 'category'>, n: number, lang: ReportLang, category: Bi, mark: Bi | null = null): Cell[] {
  const bi = (b: Bi) => label(b, lang);
  const kind = [bi(category), r.severity ? bi(SEVERITY_LABELS[r.severity]) : null].filter(Boolean).join(' · ');
  // In the order the column header names them, so a row repeats no label.
  const facts = [r.documentNo, r.decidedOn, `${r.publicityStart} — ${r.publicityEnd ?? bi(L.publicityOpen)}`, r.providerUnit].join(' · ');
  const details: Para[] = [
    {
      spans: [
        ...(mark ? [{ text: `【${bi(mark)}】`, heavy: true, color: WARN, size: RECORD_SIZE }] : []),
        { text: `${kind}　`, color: MUTED, size: FACT_SIZE },
        { text: r.title, heavy: true, size: RECORD_SIZE },
        { text: `　${facts}　`, color: MUTED, size: FACT_SIZE },
        { text: r.content, size: RECORD_SIZE },
      ],
    },
  ];
  if (r.annotation) {
    const extra = [r.annotation.caseNo ? `${bi(L.caseNo)} ${r.annotation.caseNo}` : null, r.annotation.since ? `${bi(L.since)} ${r.annotation.since}` : null]
      .filter(Boolean)
      .join('，');
    details.push({ text: `⚠ ${bi(L.annotation)}${extra ? `（${extra}）` : ''}`, heavy: true, color: WARN });
  }
  for (const s of r.statements) details.push({ text: `${bi(L.statement)}（${chinaDateTime(s.createdAt).slice(0, 10)}）：${s.text}`, color: MUTED });
  return [String(n), details];
}

export function listRow(e: Omit<ReportListEntry, 'listType'>, lang: ReportLang, listLabel: Bi): Cell[] {
  const bi = (b: Bi) => label(b, lang);
  const reason: Run[] = [{ text: e.reason }, { text: `${bi(L.basis)}：${e.basis}`, color: MUTED }];
  if (e.measures.length > 0) {
    reason.push({ text: `${bi(L.measures)}：`, heavy: true });
    for (const m of e.measures) reason.push({ text: `· ${m.title}（${m.basis}）` });
  }
  return [
    [{ text: bi(listLabel), color: MUTED, size: 6.8 }, { text: e.listName, heavy: true }],
    [{ text: e.enteredOn }, { text: e.exitOn ?? '—', color: MUTED }],
    reason,
    e.decidingUnit,
  ];
}

/**
 * The record table's columns: the number column just as wide as the largest number or a word of
 * its header (plus the cell padding); every point it does not need goes to the records' text.
 */
export function recordColumnsFor(layout: PdfLayout, most: number, lang: ReportLang): Column[] {
  const bi = (b: Bi) => label(b, lang);
  const seqWidth = Math.max(layout.widthOf({ text: String(most) }), ...bi(L.seq).split(' ').map((word) => layout.widthOf({ text: word, heavy: true, size: 7.2 }))) + 2.4 * MM;
  return [
    { header: bi(L.seq), share: seqWidth, align: 'right' },
    { header: bi(L.recordColumn), share: layout.width - seqWidth },
  ];
}

export function listColumnsFor(lang: ReportLang): Column[] {
  const bi = (b: Bi) => label(b, lang);
  return [
    { header: bi(L.listCol), share: 40 },
    { header: bi(L.listDates), share: 24 },
    { header: bi(L.reasonBasis), share: 84 },
    { header: bi(L.decidingUnit), share: 34 },
  ];
}

export async function renderReportPdf(input: ReportPdfInput): Promise<ReportPdf> {
  const { content: c, lang, copyNo } = input;
  const bi = (b: Bi) => label(b, lang);
  const layout = new PdfLayout({
    info: {
      Title: `${L.title[0]} ${c.reportNo}`,
      Author: c.office.name,
      Subject: `${c.reportNo} ${copyMark(copyNo, 'zh')}`,
      // The file ID is an MD5 over this dictionary, so it follows the signed content and the copy.
      Keywords: `${c.reportNo} ${input.verifyCode} copy-${copyNo} ${lang}`,
      CreationDate: new Date(c.issuedAt),
    },
    withQr: true,
  });

  // Title and the facts of issue.
  layout.paragraph({ text: L.title[0], heavy: true, size: 17 }, { align: 'center', after: lang === 'en' ? 0 : 3 * MM });
  if (lang === 'en') layout.paragraph({ text: L.title[1], size: 10, color: MUTED }, { align: 'center', after: 3 * MM });
  if (copyNo > 1) layout.paragraph({ text: `${copyMark(copyNo, lang)}　${bi(L.reprintNotice)}`, heavy: true, color: WARN }, { after: 1.5 * MM });
  const purpose = `${lang === 'en' ? `${c.purpose.zh} ${c.purpose.en}` : c.purpose.zh}${c.purpose.text ? `：${c.purpose.text}` : ''}`;
  const applicant =
    c.applicant.kind === 'self'
      ? bi(L.self)
      : `${bi(L.agent)}　${bi(L.agentName)}：${c.applicant.agentName}（${c.applicant.agentIdNumberMasked}）　${bi(L.authorizationNo)}：${c.applicant.documentNo}　${bi(L.validity)}：${c.applicant.validFrom} — ${c.applicant.validTo}${c.applicant.notarised ? `（${bi(L.notarised)}）` : ''}`;
  layout.keyValues([
    [bi(L.reportNo), `${c.reportNo}　　${copyMark(copyNo, lang)}`],
    [bi(L.office), issuingOffice(c.office, lang)],
    [bi(L.issuedAt), chinaDateTime(c.issuedAt)],
    [bi(L.purpose), purpose],
    [bi(L.applicant), applicant],
  ]);
  if (c.applicant.kind === 'agent') layout.paragraph({ text: `${bi(L.scopeNote)}${c.scope.map((s) => bi(SCOPE_TITLES[s])).join('、')}`, heavy: true });

  // Identity.
  const s = c.subject;
  const gender = s.gender === 'M' ? bi(L.male) : s.gender === 'F' ? bi(L.female) : '—';
  layout.heading(bi(L.identity));
  layout.keyValues([
    [bi(L.name), s.name],
    [bi(L.idNumber), s.idNumber],
    [bi(L.gender), gender],
    [bi(L.birthDate), s.birthDate ?? '—'],
    [bi(L.region), s.regionCode ?? '—'],
  ]);
  if (!s.found) {
    layout.heading(bi(L.noRecordTitle));
    layout.paragraph({ text: bi(L.noRecord), heavy: true, size: 9.5 }, { after: 3 * MM });
  } else {
    layout.heading(bi(L.summary));
    const annotations = c.sections.reduce((a, x) => a + x.records.filter((r) => r.annotation).length, 0);
    const statements = c.statements.length + c.sections.reduce((a, x) => a + x.records.reduce((b, r) => b + r.statements.length, 0), 0);
    layout.table(
      [{ header: bi(L.section), share: 4 }, { header: bi(L.count), share: 1, align: 'right' }],
      [
        ...c.sections.map((x): Cell[] => [bi(SECTION_TITLES[x.key]), String(x.records.length + x.lists.length)]),
        [bi(L.annotations), String(annotations)],
        [bi(L.statementsCount), String(statements)],
      ],
    );

    const recordColumns = recordColumnsFor(layout, Math.max(0, ...c.sections.map((x) => x.records.length)), lang);
    const listColumns = listColumnsFor(lang);
    for (const key of REPORT_SECTIONS) {
      const section = c.sections.find((x) => x.key === key);
      if (!section) continue;
      layout.heading(bi(SECTION_TITLES[key]), 18 * MM);
      if (section.records.length === 0 && section.lists.length === 0) {
        layout.paragraph({ text: bi(L.noEntries), color: MUTED }, { after: 2 * MM });
        continue;
      }
      if (section.lists.length > 0) layout.table(listColumns, section.lists.map((e) => listRow(e, lang, LIST_TYPE_LABELS[e.listType])), { continued: bi(L.continued) });
      if (section.records.length > 0) {
        layout.table(recordColumns, section.records.map((r, i) => recordRow(r, i + 1, lang, CATEGORY_LABELS[r.category])), { tags: section.records.map((r) => r.id), continued: bi(L.continued) });
      }
    }

    layout.heading(bi(L.statements));
    if (c.statements.length === 0) layout.paragraph({ text: bi(L.noStatements), color: MUTED }, { after: 2 * MM });
    else layout.table([{ header: bi(L.statementDate), share: 1 }, { header: bi(L.statementText), share: 5 }], c.statements.map((x) => [chinaDateTime(x.createdAt).slice(0, 10), x.text]));
  }

  if (c.queryHistory) {
    layout.heading(bi(L.queryHistory));
    if (c.queryHistory.length === 0) layout.paragraph({ text: bi(L.noQueries), color: MUTED }, { after: 2 * MM });
    else {
      layout.table(
        [{ header: bi(L.queryAt), share: 2 }, { header: bi(L.queryOffice), share: 4 }, { header: bi(L.queryPurpose), share: 4 }],
        c.queryHistory.map((q) => [
          chinaDateTime(q.at),
          q.officeName ? `${q.officeName}（${q.officeCode}）` : q.officeCode,
          q.purpose ? (lang === 'en' ? `${q.purpose.zh} ${q.purpose.en}` : q.purpose.zh) : q.purposeCode,
        ]),
      );
    }
  }

  layout.heading(bi(L.notes), 10 * MM);
  NOTES.forEach((n, i) => layout.paragraph({ text: `${i + 1}. ${bi(n)}`, size: 7.2 }, { after: 0.8 * MM }));

  return layout.finish({
    headerLeft: `${L.title[0]}　${bi(L.reportNo)}：${c.reportNo}`,
    headerRight: copyMark(copyNo, lang),
    footerLines: [
      { text: `${bi(L.reportNo)}：${c.reportNo}` },
      { text: `${bi(L.verifyCode)}：${input.verifyCode}`, heavy: true, size: 9 },
      { text: bi(L.verifyHint), color: MUTED, size: 6.8 },
      { text: c.office.name, color: MUTED, size: 6.8 },
    ],
    pageLabel: pageLabel(lang),
    qrText: input.qrText,
  });
}
