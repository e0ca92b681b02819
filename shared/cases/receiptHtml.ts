// The acceptance receipt (受理回执) as a standalone printable HTML document: the core stores exactly
// what was printed, and the renderer shows it in a sandboxed iframe for printing.

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
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * `font`: @font-face rules and their family, embedded so the receipt prints the same glyphs on every
 * machine (a counter PC without a CJK system font would otherwise print empty boxes).
 */
export function receiptHtml(c: ReceiptContent, font?: { css: string; family: string }): string {
  const table = (rows: [string, string][]) =>
    `<table>${rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('')}</table>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(c.title)} ${esc(c.caseNo)}</title>
<style>${font ? `\n${font.css}` : ''}
  @page { size: A4; margin: 18mm; }
  body { font-family: ${font ? `'${font.family}', ` : ''}"Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; color: #000; font-size: 11pt; }
  h1 { text-align: center; font-size: 18pt; margin: 0 0 4mm; letter-spacing: 0.2em; }
  .meta { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 4mm; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 4mm; }
  th, td { border: 1px solid #000; padding: 2mm 3mm; text-align: left; vertical-align: top; }
  th { width: 30%; background: #f2f2f2; font-weight: 600; }
  h2 { font-size: 12pt; margin: 4mm 0 2mm; }
  ul { margin: 0 0 4mm; padding-left: 6mm; }
  .notes { font-size: 9.5pt; }
  .sign { margin-top: 10mm; display: flex; justify-content: space-between; }
</style></head>
<body>
<h1>${esc(c.title)}</h1>
<div class="meta"><span>回执编号 ${esc(c.receiptNo)}</span><span>案件编号 <strong data-case-no>${esc(c.caseNo)}</strong></span></div>
${table(c.rows)}
${c.items ? `<h2>${esc(c.items.heading)}</h2><ul>${c.items.lines.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>` : ''}
<h2>办理时限</h2>
${table(c.dueDates)}
<div class="notes">${c.notes.map((n) => `<p>${esc(n)}</p>`).join('')}</div>
<div class="sign"><span>受理人：${esc(c.clerk)}</span><span>${esc(c.officeName)}（盖章）</span><span>${esc(c.issuedAt)}</span></div>
</body></html>`;
}
