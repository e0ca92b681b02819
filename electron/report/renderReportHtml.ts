import QRCode from 'qrcode';
import { REPORT_SECTIONS } from '../../shared/domain/record';
import type { ReportContent, ReportListEntry, ReportRecord, ReportStatement } from '../../shared/domain/report';
import { chinaDateTime } from '../../shared/calendar/dates';
import { paginate, type Block } from './paginate';
import { fontFacesFor, REPORT_FONT_FAMILY } from './reportFont';
import {
  CATEGORY_LABELS, fill, L, label, LIST_TYPE_LABELS, NOTES, SCOPE_TITLES, SECTION_TITLES, SEVERITY_LABELS, type Bi, type ReportLang,
} from './reportLabels';
import { lineCount } from './textMetrics';

// The printed report: a standalone A4 HTML document (no scripts, no external resources) made of
// fixed-size page boxes. Pagination happens here, from height estimates that are upper bounds, so
// each page knows "page x of y" and no record block is ever cut by a page break.

export interface RenderInput {
  content: ReportContent;
  lang: ReportLang;
  qrText: string;
  verifyCode: string;
  copyNo: number;
}

export interface RenderedReport {
  html: string;
  pages: number;
  /** Record ids per page, in order: for tests and the benchmark. */
  recordsPerPage: number[][];
}

// Geometry in mm. The body box is 238 mm tall; pages are filled to BODY_FILL to keep a margin.
const INNER_W = 180;
const CARD_TEXT_W = 175;
const BODY_FILL = 235;
const FS = 3.2;
const LH = 4.8;
const TFS = 3.4;
const TLH = 5.0;
const HEADING_H = 10;
const CARD_EXTRA = 5.2; // padding 3, border 0.4, margin 1.6, rounding
const ROW_H = 5.4;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function line(text: string, width = CARD_TEXT_W, cls = 'ln'): { html: string; h: number } {
  const bold = cls === 't';
  const lines = lineCount(text, width, bold ? TFS : FS, bold);
  return { html: `<div class="${cls}">${esc(text)}</div>`, h: lines * (bold ? TLH : LH) };
}

function card(lines: { html: string; h: number }[], extraClass = ''): Block {
  return {
    html: `<div class="card${extraClass}">${lines.map((l) => l.html).join('')}</div>`,
    heightMm: lines.reduce((a, l) => a + l.h, 0) + CARD_EXTRA,
  };
}

function heading(text: string): Block {
  return { html: `<div class="h2">${esc(text)}</div>`, heightMm: HEADING_H, keepWithNext: true };
}

function paragraph(text: string, cls = 'p'): Block {
  const lines = lineCount(text, INNER_W, FS);
  return { html: `<div class="${cls}">${esc(text)}</div>`, heightMm: lines * LH + 1.6 };
}

function row(cells: { text: string; widthMm: number }[], cls = 'row'): Block {
  return {
    html: `<div class="${cls}">${cells.map((c) => `<span style="width:${c.widthMm}mm">${esc(c.text)}</span>`).join('')}</div>`,
    heightMm: ROW_H,
  };
}

function statementLine(s: ReportStatement, lang: ReportLang) {
  return line(`${label(L.statement, lang)}（${chinaDateTime(s.createdAt).slice(0, 10)}）：${s.text}`);
}

function recordBlock(r: ReportRecord, lang: ReportLang): Block {
  const tag = [label(CATEGORY_LABELS[r.category], lang), r.severity ? label(SEVERITY_LABELS[r.severity], lang) : null].filter(Boolean).join(' · ');
  const period = `${r.publicityStart} — ${r.publicityEnd ?? label(L.publicityOpen, lang)}`;
  const lines = [
    line(`【${tag}】${r.title}`, CARD_TEXT_W, 't'),
    line(`${label(L.documentNo, lang)}：${r.documentNo}　${label(L.decidedOn, lang)}：${r.decidedOn}　${label(L.publicity, lang)}：${period}`),
    line(`${label(L.provider, lang)}：${r.providerUnit}`),
    line(r.content),
  ];
  if (r.annotation) {
    const extra = [r.annotation.caseNo ? `${label(L.caseNo, lang)} ${r.annotation.caseNo}` : null, r.annotation.since ? `${label(L.since, lang)} ${r.annotation.since}` : null]
      .filter(Boolean)
      .join('，');
    const a = line(`⚠ ${label(L.annotation, lang)}${extra ? `（${extra}）` : ''}`);
    lines.push({ html: a.html.replace('class="ln"', 'class="ln ann"'), h: a.h });
  }
  for (const s of r.statements) lines.push(statementLine(s, lang));
  return { ...card(lines, r.annotation ? ' disputed' : ''), recordId: r.id };
}

function listBlock(e: ReportListEntry, lang: ReportLang): Block {
  const lines = [
    line(`【${label(LIST_TYPE_LABELS[e.listType], lang)}】${e.listName}`, CARD_TEXT_W, 't'),
    line(`${label(L.listEntered, lang)}：${e.enteredOn}${e.exitOn ? `　${label(L.listExit, lang)}：${e.exitOn}` : ''}　${label(L.decidingUnit, lang)}：${e.decidingUnit}`),
    line(e.reason),
    line(`${label(L.basis, lang)}：${e.basis}`),
  ];
  if (e.measures.length > 0) {
    lines.push(line(`${label(L.measures, lang)}：`));
    for (const m of e.measures) lines.push(line(`· ${m.title}（${m.basis}）`));
  }
  return card(lines, ' list');
}

function headerBlocks(c: ReportContent, lang: ReportLang, copyNo: number): Block[] {
  const bi = (b: Bi) => label(b, lang);
  const purpose = `${lang === 'en' ? `${c.purpose.zh} ${c.purpose.en}` : c.purpose.zh}${c.purpose.text ? `：${c.purpose.text}` : ''}`;
  const applicant =
    c.applicant.kind === 'self'
      ? bi(L.self)
      : `${bi(L.agent)}　${bi(L.agentName)}：${c.applicant.agentName}（${c.applicant.agentIdNumberMasked}）　${bi(L.authorizationNo)}：${c.applicant.documentNo}　${bi(L.validity)}：${c.applicant.validFrom} — ${c.applicant.validTo}${c.applicant.notarised ? `（${bi(L.notarised)}）` : ''}`;
  const copy = copyNo > 1 ? `${bi(L.copyReprint)}（${fill(L.copyNo[0], { n: copyNo })}${lang === 'en' ? ` ${fill(L.copyNo[1], { n: copyNo })}` : ''}）` : bi(L.copyOriginal);
  const rows = [
    line(`${bi(L.reportNo)}：${c.reportNo}　　${copy}`, INNER_W),
    line(`${bi(L.office)}：${c.office.name}（${c.office.code}）`, INNER_W),
    line(`${bi(L.issuedAt)}：${chinaDateTime(c.issuedAt)}`, INNER_W),
    line(`${bi(L.purpose)}：${purpose}`, INNER_W),
    line(`${bi(L.applicant)}：${applicant}`, INNER_W),
  ];
  const title = lang === 'en' ? `<div class="title">${esc(L.title[0])}</div><div class="subtitle">${esc(L.title[1])}</div>` : `<div class="title">${esc(L.title[0])}</div>`;
  const blocks: Block[] = [
    {
      html: `${title}<div class="info">${rows.map((r) => r.html).join('')}</div>`,
      heightMm: (lang === 'en' ? 20 : 14) + rows.reduce((a, r) => a + r.h, 0) + 3,
    },
  ];
  if (c.applicant.kind === 'agent') {
    blocks.push(paragraph(`${bi(L.scopeNote)}${c.scope.map((s) => bi(SCOPE_TITLES[s])).join('、')}`, 'p scope'));
  }
  return blocks;
}

function identityBlocks(c: ReportContent, lang: ReportLang): Block[] {
  const bi = (b: Bi) => label(b, lang);
  const s = c.subject;
  const gender = s.gender === 'M' ? bi(L.male) : s.gender === 'F' ? bi(L.female) : '—';
  const lines = [
    line(`${bi(L.name)}：${s.name}　　${bi(L.idNumber)}：${s.idNumber}`, INNER_W),
    line(`${bi(L.gender)}：${gender}　　${bi(L.birthDate)}：${s.birthDate ?? '—'}　　${bi(L.region)}：${s.regionCode ?? '—'}`, INNER_W),
  ];
  const blocks: Block[] = [heading(bi(L.identity)), { html: `<div class="id">${lines.map((l) => l.html).join('')}</div>`, heightMm: lines.reduce((a, l) => a + l.h, 0) + 2 }];
  if (!s.found) blocks.push(heading(bi(L.noRecordTitle)), paragraph(bi(L.noRecord), 'p norecord'));
  return blocks;
}

function summaryBlocks(c: ReportContent, lang: ReportLang): Block[] {
  const bi = (b: Bi) => label(b, lang);
  const blocks: Block[] = [heading(bi(L.summary)), row([{ text: bi(L.section), widthMm: 130 }, { text: bi(L.count), widthMm: 40 }], 'row th')];
  for (const s of c.sections) blocks.push(row([{ text: bi(SECTION_TITLES[s.key]), widthMm: 130 }, { text: String(s.records.length + s.lists.length), widthMm: 40 }]));
  const annotations = c.sections.reduce((a, s) => a + s.records.filter((r) => r.annotation).length, 0);
  const statements = c.statements.length + c.sections.reduce((a, s) => a + s.records.reduce((b, r) => b + r.statements.length, 0), 0);
  blocks.push(row([{ text: bi(L.annotations), widthMm: 130 }, { text: String(annotations), widthMm: 40 }]));
  blocks.push(row([{ text: bi(L.statementsCount), widthMm: 130 }, { text: String(statements), widthMm: 40 }]));
  return blocks;
}

/** The document's blocks in printed order (DESIGN.md §5). */
export function reportBlocks(c: ReportContent, lang: ReportLang, copyNo: number): Block[] {
  const bi = (b: Bi) => label(b, lang);
  const blocks: Block[] = [...headerBlocks(c, lang, copyNo), ...identityBlocks(c, lang)];
  if (c.subject.found) {
    blocks.push(...summaryBlocks(c, lang));
    for (const key of REPORT_SECTIONS) {
      const section = c.sections.find((s) => s.key === key);
      if (!section) continue;
      blocks.push(heading(bi(SECTION_TITLES[key])));
      if (section.records.length === 0 && section.lists.length === 0) blocks.push(paragraph(bi(L.noEntries), 'p empty'));
      for (const e of section.lists) blocks.push(listBlock(e, lang));
      for (const r of section.records) blocks.push(recordBlock(r, lang));
    }
    blocks.push(heading(bi(L.statements)));
    if (c.statements.length === 0) blocks.push(paragraph(bi(L.noStatements), 'p empty'));
    for (const s of c.statements) blocks.push(card([statementLine(s, lang)], ' stmt'));
  }
  if (c.queryHistory) {
    blocks.push(heading(bi(L.queryHistory)));
    if (c.queryHistory.length === 0) blocks.push(paragraph(bi(L.noQueries), 'p empty'));
    else blocks.push({ ...row([{ text: bi(L.queryAt), widthMm: 40 }, { text: bi(L.queryOffice), widthMm: 80 }, { text: bi(L.queryPurpose), widthMm: 58 }], 'row th'), keepWithNext: true });
    for (const q of c.queryHistory) {
      blocks.push(
        row([
          { text: chinaDateTime(q.at), widthMm: 40 },
          { text: q.officeName ? `${q.officeName}（${q.officeCode}）` : q.officeCode, widthMm: 80 },
          { text: q.purpose ? (lang === 'en' ? `${q.purpose.zh} ${q.purpose.en}` : q.purpose.zh) : q.purposeCode, widthMm: 58 },
        ]),
      );
    }
  }
  blocks.push(heading(bi(L.notes)));
  NOTES.forEach((n, i) => blocks.push(paragraph(`${i + 1}. ${label(n, lang)}`, 'p note')));
  return blocks;
}

const CSS = `
@page { size: A4; margin: 0; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: '${REPORT_FONT_FAMILY}', sans-serif; color: #111; font-size: ${FS}mm; line-height: ${LH}mm;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; word-break: break-all; overflow-wrap: anywhere; }
.page { position: relative; width: 210mm; height: 297mm; overflow: hidden; background: #fff; break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.ph { position: absolute; top: 10mm; left: 15mm; width: 180mm; height: 10mm; border-bottom: 0.3mm solid #333; font-size: 2.8mm; line-height: 4.2mm; }
.ph .l { position: absolute; left: 0; bottom: 1mm; white-space: nowrap; }
.ph .r { position: absolute; right: 0; bottom: 1mm; white-space: nowrap; font-weight: 700; }
.pb { position: absolute; top: 22mm; left: 15mm; width: 180mm; height: 238mm; }
.pf { position: absolute; top: 262mm; left: 15mm; width: 180mm; height: 26mm; border-top: 0.3mm solid #333; font-size: 2.8mm; line-height: 4.2mm; }
.pf .qr { position: absolute; left: 0; top: 1.5mm; width: 23mm; height: 23mm; }
.pf .qr svg { width: 23mm; height: 23mm; display: block; }
.pf .fi { position: absolute; left: 27mm; top: 2mm; width: 110mm; word-break: normal; overflow-wrap: break-word; }
.pf .code { font-size: 3.4mm; line-height: 5mm; font-weight: 700; letter-spacing: 0.2mm; word-break: keep-all; }
.pf .pn { position: absolute; right: 0; top: 2mm; width: 40mm; text-align: right; font-size: 3.2mm; }
.title { font-size: 6mm; line-height: 9mm; height: 11mm; text-align: center; font-weight: 700; letter-spacing: 0.6mm; }
.subtitle { font-size: 3.6mm; line-height: 5mm; height: 6mm; text-align: center; }
.info { margin-bottom: 3mm; }
.h2 { height: 8.4mm; margin: 1.6mm 0 0 0; padding-top: 1.4mm; font-size: 4mm; line-height: 6mm; font-weight: 700; border-bottom: 0.3mm solid #333; white-space: nowrap; overflow: hidden; }
.id { padding-top: 1mm; margin-bottom: 1mm; }
.p { margin: 0 0 1.6mm 0; }
.scope { font-weight: 700; }
.norecord { font-weight: 700; }
.card { border: 0.2mm solid #888; padding: 1.5mm 2mm; margin: 0 0 1.6mm 0; break-inside: avoid; page-break-inside: avoid; }
.card.disputed { border-left: 1mm solid #000; }
.card.list { background: #f4f4f4; }
.ln { font-size: ${FS}mm; line-height: ${LH}mm; }
.t { font-size: ${TFS}mm; line-height: ${TLH}mm; font-weight: 700; }
.ann { font-weight: 700; }
.row { height: ${ROW_H}mm; line-height: ${ROW_H}mm; border-bottom: 0.1mm solid #bbb; white-space: nowrap; overflow: hidden; }
.row span { display: inline-block; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; vertical-align: top; padding-right: 1mm; }
.row.th { font-weight: 700; border-bottom: 0.3mm solid #333; }
@media screen {
  body { background: #d9d9d9; padding: 6mm 0; }
  .page { margin: 0 auto 6mm auto; box-shadow: 0 0.5mm 2mm rgba(0,0,0,.35); }
}
`;

export async function renderReportHtml(input: RenderInput): Promise<RenderedReport> {
  const { content: c, lang, copyNo } = input;
  const pages = paginate(reportBlocks(c, lang, copyNo), BODY_FILL);
  const total = pages.length;
  const qrSvg = await QRCode.toString(input.qrText, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const bi = (b: Bi) => label(b, lang);
  const copyMark = copyNo > 1 ? `${bi(L.copyReprint)} ${fill(L.copyNo[0], { n: copyNo })}` : bi(L.copyOriginal);
  const pageText = (x: number) => (lang === 'en' ? `${fill(L.page[0], { x, y: total })}<br>${fill(L.page[1], { x, y: total })}` : fill(L.page[0], { x, y: total }));
  const body = pages
    .map(
      (blocks, i) => `<section class="page" data-page="${i + 1}">
<div class="ph"><span class="l">${esc(L.title[0])}　${esc(bi(L.reportNo))}：${esc(c.reportNo)}</span><span class="r">${esc(copyMark)}</span></div>
<div class="pb">${blocks.map((b) => b.html).join('\n')}</div>
<div class="pf"><div class="qr">${qrSvg}</div><div class="fi">${esc(bi(L.reportNo))}：${esc(c.reportNo)}<br>${esc(bi(L.verifyCode))}：<span class="code">${esc(input.verifyCode)}</span><br>${esc(bi(L.verifyHint))}</div><div class="pn">${pageText(i + 1)}</div></div>
</section>`,
    )
    .join('\n');
  const fonts = fontFacesFor(body + L.title[0]);
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(c.reportNo)}</title>
<style>${fonts}
${CSS}</style></head>
<body>
${body}
</body></html>`;
  return { html, pages: total, recordsPerPage: pages.map((p) => p.flatMap((b) => (b.recordId === undefined ? [] : [b.recordId]))) };
}
