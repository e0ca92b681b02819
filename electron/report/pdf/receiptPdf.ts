import type { ReportLang } from '../reportLabels';
import { MM, PdfLayout, type FinishedPdf } from './layout';
import { copyMark, pageLabel } from './reportPdf';

// The acceptance receipt (受理回执) of an objection, a repair application or a statement. The
// core stores its content (JSON) and renders the same PDF every time; copy 2 onwards says
// 重印件 第 n 份 on every page.

export interface ReceiptContent {
  title: string;
  officeName: string;
  receiptNo: string;
  caseNo: string;
  issuedAt: string;
  rows: [label: string, value: string][];
  items: { heading: string; lines: string[] } | null;
  dueDates: [label: string, value: string][];
  notes: string[];
  clerk: string;
  /** The office host's window it was taken at (issue 23); absent at the office's own console. */
  window?: number;
}

const MUTED = '#444444';

export async function renderReceiptPdf(c: ReceiptContent, copyNo: number, createdAt: string, lang: ReportLang = 'zh'): Promise<FinishedPdf> {
  const layout = new PdfLayout({
    info: { Title: `${c.title} ${c.receiptNo}`, Author: c.officeName, Subject: c.caseNo, Keywords: `${c.receiptNo} copy-${copyNo}`, CreationDate: new Date(createdAt) },
    withQr: false,
  });
  layout.paragraph({ text: c.title, heavy: true, size: 17 }, { align: 'center', after: 2 * MM });
  layout.paragraph({ text: `回执编号 ${c.receiptNo}　　案件编号 ${c.caseNo}　　${copyMark(copyNo, lang)}`, color: MUTED, size: 8.5 }, { align: 'center', after: 3 * MM });
  layout.keyValues(c.rows, { labelShare: 0.3, size: 9 });
  if (c.items) {
    layout.heading(c.items.heading);
    layout.table([{ header: '序号', share: 1.4, align: 'right' }, { header: '内容', share: 14 }], c.items.lines.map((l, i) => [[{ text: String(i + 1), size: 9 }], [{ text: l, size: 9 }]]));
  }
  if (c.dueDates.length > 0) {
    layout.heading('办理时限');
    layout.keyValues(c.dueDates, { labelShare: 0.3, size: 9 });
  }
  if (c.notes.length > 0) {
    layout.heading('说明', 8 * MM);
    c.notes.forEach((n, i) => layout.paragraph({ text: `${i + 1}. ${n}`, size: 8.5 }, { after: 0.8 * MM }));
  }
  layout.paragraph({ text: `受理人：${c.clerk}${c.window === undefined ? '' : `　　受理窗口：第 ${c.window} 号窗口`}　　受理时间：${c.issuedAt}`, size: 9 }, { after: 0 });
  layout.sealBlock([c.officeName, c.issuedAt.slice(0, 10)], '（盖章）');
  return layout.finish({
    headerLeft: `${c.title}　${c.receiptNo}`,
    headerRight: copyMark(copyNo, lang),
    footerLines: [{ text: `${c.officeName}　案件编号 ${c.caseNo}`, color: MUTED }],
    pageLabel: pageLabel(lang),
    qrText: null,
  });
}

/** A receipt stored before receipts were PDFs held HTML: its text, so it still prints. */
export function legacyReceiptContent(html: string, receiptNo: string, createdAt: string): ReceiptContent {
  const text = html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<\/(p|tr|h1|h2|li|div)>/g, '\n')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d)));
  const lines = text.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  return { title: lines[0] ?? '受理回执', officeName: '', receiptNo, caseNo: '', issuedAt: createdAt, rows: [], items: null, dueDates: [], notes: lines.slice(1), clerk: '' };
}
