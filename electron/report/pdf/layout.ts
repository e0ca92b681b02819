import { pdfKit } from './pdfkit';
import { FONT_BOLD, FONT_REGULAR, fallbackFonts, reportFonts, type FallbackFontName } from './fonts';
import { fontFor, unprintable } from './glyphCoverage';
import { QR_QUIET_MODULES, qrMatrix, qrRuns } from './qr';
import { isInvisible, normaliseSpaces, wrapLines, wrapRanges, widthOf, type Advance } from './textWrap';

// The building blocks every printed document is made of: an A4 page frame (header, footer with
// page x of y, document number, QR and verification code), headings that never end a page,
// paragraphs, label/value tables and record tables whose header repeats on continued pages. All
// heights come from the font's real metrics (pdfkit's own line wrapper, the one that draws), so
// nothing overflows; every drawn box is recorded so tests can check it against the page area.

export const MM = 72 / 25.4;
const PAGE_W = 595.28;
const PAGE_H = 841.89;
const MARGIN_X = 12 * MM;
const HEADER_RULE = 13.5 * MM;
const BODY_TOP = 15.5 * MM;
/** Module size of the footer QR: 0.4 mm is 2.4 px at 150 dpi, enough for a scan to resolve. */
export const QR_MODULE = 0.4 * MM;

const TEXT = '#000000';
const MUTED = '#444444';
const RULE = '#777777';
const FAINT = '#bbbbbb';
const SHADE = '#ececec';

export interface Box {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
  kind: string;
}

export interface Run {
  text: string;
  heavy?: boolean;
  size?: number;
  color?: string;
}
/** One paragraph whose runs follow each other on the same lines (a bold title, then muted facts). */
export interface Spans {
  spans: Run[];
}
export type Para = Run | Spans;
/** A cell: one or more paragraphs stacked. */
export type Cell = string | Para[];

const isSpans = (p: Para): p is Spans => 'spans' in p;

export interface Column {
  header: string;
  /** Share of the body width; shares are normalised. */
  share: number;
  align?: 'left' | 'center' | 'right';
}

export interface Frame {
  /** Header, left: document title and number. */
  headerLeft: string;
  /** Header, right: 正本 / 重印件 第 n 份, or nothing. */
  headerRight: string | null;
  /** Footer lines next to the QR (or alone): number, verification code, hint. */
  footerLines: Run[];
  pageLabel: (x: number, y: number) => string;
  qrText: string | null;
}

export interface LayoutOptions {
  /** Fixed document information: the same input gives the same bytes (the file ID is derived from it). */
  info: { Title: string; Subject: string; Keywords: string; CreationDate: Date; Author: string };
  /** Whether the footer carries a QR (it needs the taller footer). */
  withQr: boolean;
}

export interface FinishedPdf {
  bytes: Buffer;
  pages: number;
  boxes: Box[];
  /** The body area every body box must stay inside (frame boxes sit above and below it). */
  body: { left: number; right: number; top: number; bottom: number };
  /** Tags (record ids) of the rows on each page, in order. */
  tagsPerPage: number[][];
}

const SIZE = 7;
const GAP = -1.8;
const PAD_X = 1.1 * MM;
const PAD_Y = 0.3 * MM;

export class PdfLayout {
  readonly doc: PDFKit.PDFDocument;
  readonly boxes: Box[] = [];
  readonly tagsPerPage: number[][] = [];
  readonly left = MARGIN_X;
  readonly width = PAGE_W - 2 * MARGIN_X;
  readonly top = BODY_TOP;
  readonly bottom: number;
  readonly footerTop: number;
  y = BODY_TOP;
  private pageIndex = -1;
  /** Drawn again at the top of a continued page while a table is open. */
  private repeatHeader: (() => void) | null = null;
  private pendingHeading: { run: Run; h: number } | null = null;
  private readonly advances = new Map<string, Map<string, number>>();
  private readonly lineHeights = new Map<string, number>();
  private readonly wrapped = new Map<string, string[]>();
  private readonly spanWrapped = new Map<string, { run: Run; text: string }[][]>();
  private readonly fallbacks = new Set<FallbackFontName>();

  constructor(opts: LayoutOptions) {
    const fonts = reportFonts();
    const PDFDocument = pdfKit();
    this.doc = new PDFDocument({
      size: 'A4',
      margin: 0,
      bufferPages: true,
      autoFirstPage: false,
      compress: true,
      pdfVersion: '1.7',
      lang: 'zh-CN',
      displayTitle: true,
      info: { ...opts.info, ModDate: opts.info.CreationDate, Producer: 'CreditDesk', Creator: 'CreditDesk' },
    });
    this.doc.registerFont(FONT_REGULAR, fonts[FONT_REGULAR]);
    this.doc.registerFont(FONT_BOLD, fonts[FONT_BOLD]);
    for (const name of [FONT_REGULAR, FONT_BOLD]) useNominalGlyphs(this.doc.font(name));
    // The QR (34 mm with its own 4-module quiet zone) ends 6.5 mm above the paper's edge: its dark
    // modules stay 8 mm clear of it, inside what any office printer prints.
    const footerH = opts.withQr ? 35.5 * MM : 12 * MM;
    this.footerTop = PAGE_H - 6 * MM - footerH;
    this.bottom = this.footerTop - 1.5 * MM;
    this.newPage();
  }

  get page(): number {
    return this.pageIndex;
  }

  private inFrame = false;

  private record(kind: string, x: number, y: number, w: number, h: number): void {
    this.boxes.push({ page: this.pageIndex, x, y, w, h, kind: this.inFrame ? `frame-${kind}` : kind });
  }

  newPage(): void {
    this.doc.addPage({ size: 'A4', margin: 0 });
    this.pageIndex += 1;
    this.tagsPerPage.push([]);
    this.y = this.top;
    if (this.repeatHeader) this.repeatHeader();
  }

  /** Starts a new page unless `h` more points fit on this one. */
  ensure(h: number): void {
    if (this.y + h > this.bottom + 0.01 && this.y > this.top + 0.01) this.newPage();
  }

  space(h: number): void {
    this.y = Math.min(this.y + h, this.bottom);
  }

  private font(run: Run): PDFKit.PDFDocument {
    return this.doc.font(run.heavy ? FONT_BOLD : FONT_REGULAR).fontSize(run.size ?? SIZE);
  }

  private advanceOf(bold: boolean | undefined): Advance {
    const name = bold ? FONT_BOLD : FONT_REGULAR;
    let cache = this.advances.get(name);
    if (!cache) {
      cache = new Map();
      this.advances.set(name, cache);
    }
    const map = cache;
    return (ch) => {
      let w = map.get(ch);
      if (w === undefined) {
        w = isInvisible(ch.codePointAt(0)!) ? 0 : this.doc.font(this.fontOf(ch, bold === true)).fontSize(1).widthOfString(ch);
        map.set(ch, w);
      }
      return w;
    };
  }

  /** The font that draws `ch` (a fallback is registered the first time it is needed); refuses a character none has. */
  private fontOf(ch: string, heavy: boolean): string {
    const font = fontFor(ch.codePointAt(0)!, heavy);
    if (font === null) throw unprintable(ch);
    if (font !== FONT_REGULAR && font !== FONT_BOLD && !this.fallbacks.has(font)) {
      this.doc.registerFont(font, fallbackFonts()[font]);
      useNominalGlyphs(this.doc.font(font));
      this.fallbacks.add(font);
    }
    return font;
  }

  private ascender(font: string): number {
    return (this.doc.font(font) as unknown as { _font: { ascender: number } })._font.ascender / 1000;
  }

  /**
   * One line of `run` at (x, y), in pieces by font: a character Noto Sans SC lacks is drawn in a
   * fallback, on the same baseline. `lift` moves a smaller run down onto a larger one's baseline.
   */
  private drawText(text: string, run: Run, x: number, y: number, lift = 0): number {
    const size = run.size ?? SIZE;
    const base = run.heavy ? FONT_BOLD : FONT_REGULAR;
    const advance = this.advanceOf(run.heavy);
    let px = x;
    let piece = '';
    let font = base;
    const flush = () => {
      if (piece === '') return;
      const w = widthOf(piece, size, advance);
      if (piece.trim() !== '') {
        const shift = font === base ? 0 : (this.ascender(base) - this.ascender(font)) * size;
        // textWidth given: pdfkit need not lay the piece out a second time to measure it.
        this.doc.font(font).fontSize(size).fillColor(run.color ?? TEXT).text(piece, px, y + lift + shift, { lineBreak: false, textWidth: w, wordCount: 1 } as PDFKit.Mixins.TextOptions);
      }
      px += w;
      piece = '';
    };
    for (const ch of text) {
      const f = ch === ' ' ? font : this.fontOf(ch, run.heavy === true);
      if (f !== font) {
        flush();
        font = f;
      }
      piece += ch;
    }
    flush();
    return px - x;
  }

  private lineHeight(run: Run): number {
    const size = run.size ?? SIZE;
    const key = `${run.heavy ? 1 : 0}:${size}`;
    let h = this.lineHeights.get(key);
    if (h === undefined) {
      h = this.font(run).currentLineHeight(true) + gapOf(run);
      this.lineHeights.set(key, h);
    }
    return h;
  }

  /** Rows are measured, then drawn: the second wrap of the same text is a lookup. */
  private lines(run: Run, width: number): string[] {
    const key = `${run.heavy ? 1 : 0}|${run.size ?? SIZE}|${width}|${run.text}`;
    let lines = this.wrapped.get(key);
    if (!lines) {
      lines = wrapLines(run.text, width, run.size ?? SIZE, this.advanceOf(run.heavy));
      if (this.wrapped.size > 20_000) this.wrapped.clear();
      this.wrapped.set(key, lines);
    }
    return lines;
  }

  /** Height of `para` wrapped to `width`: the lines drawn are these lines. */
  measure(para: Para, width: number): number {
    if (isSpans(para)) return this.spanLines(para, width).length * this.spansLineHeight(para);
    if (para.text === '') return 0;
    return this.lines(para, width).length * this.lineHeight(para);
  }

  private spansLineHeight(p: Spans): number {
    return Math.max(0, ...p.spans.filter((r) => r.text !== '').map((r) => this.lineHeight(r)));
  }

  /** The lines of a paragraph of runs, each line as its pieces (run and text), wrapped together. */
  private spanLines(p: Spans, width: number): { run: Run; text: string }[][] {
    const key = `S|${width}|${JSON.stringify(p.spans)}`;
    const cached = this.spanWrapped.get(key);
    if (cached) return cached;
    const runs = p.spans.filter((r) => r.text !== '').map((r) => ({ ...r, text: normaliseSpaces(r.text) }));
    const text = runs.map((r) => r.text).join('');
    const owner: number[] = [];
    runs.forEach((r, k) => {
      for (let i = 0; i < r.text.length; i++) owner.push(k);
    });
    const advances = runs.map((r) => this.advanceOf(r.heavy));
    const widthAt = (i: number) => advances[owner[i]!]!(String.fromCodePoint(text.codePointAt(i)!)) * (runs[owner[i]!]!.size ?? SIZE);
    const lines = text === '' ? [] : wrapRanges(text, width, widthAt).map(([a, b]) => {
      const pieces: { run: Run; text: string }[] = [];
      for (let i = a; i < b; ) {
        const k = owner[i]!;
        let j = i;
        while (j < b && owner[j] === k) j++;
        pieces.push({ run: runs[k]!, text: text.slice(i, j) });
        i = j;
      }
      return pieces;
    });
    if (this.spanWrapped.size > 20_000) this.spanWrapped.clear();
    this.spanWrapped.set(key, lines);
    return lines;
  }

  widthOf(run: Run): number {
    return widthOf(run.text, run.size ?? SIZE, this.advanceOf(run.heavy));
  }

  private draw(para: Para, x: number, y: number, width: number, align: 'left' | 'center' | 'right' = 'left'): number {
    if (isSpans(para)) return this.drawSpans(para, x, y, width);
    const run = para;
    if (run.text === '') return 0;
    const lines = this.lines(run, width);
    const lh = this.lineHeight(run);
    let minX = x + width;
    let maxX = x;
    lines.forEach((line, i) => {
      if (line === '') return;
      const lw = this.widthOf({ ...run, text: line });
      const dx = align === 'center' ? (width - lw) / 2 : align === 'right' ? width - lw : 0;
      this.drawText(line, run, x + dx, y + i * lh);
      minX = Math.min(minX, x + dx);
      maxX = Math.max(maxX, x + dx + lw);
    });
    const h = lines.length * lh;
    // The ink actually drawn (widest line), so tests can check it against its cell and the page.
    if (maxX > minX) this.record('text', minX, y, maxX - minX, h);
    return h;
  }

  /** A paragraph of runs, left-aligned; pieces of a smaller size share the line's baseline. */
  private drawSpans(p: Spans, x: number, y: number, width: number): number {
    const lines = this.spanLines(p, width);
    const lh = this.spansLineHeight(p);
    const big = Math.max(...p.spans.map((r) => r.size ?? SIZE));
    let maxX = x;
    lines.forEach((pieces, i) => {
      let px = x;
      for (const { run, text } of pieces) {
        const lift = this.ascender(run.heavy ? FONT_BOLD : FONT_REGULAR) * (big - (run.size ?? SIZE));
        px += this.drawText(text, run, px, y + i * lh, lift);
      }
      maxX = Math.max(maxX, px);
    });
    const h = lines.length * lh;
    if (maxX > x) this.record('text', x, y, maxX - x, h);
    return h;
  }

  /** A paragraph across the body (kept whole on one page). */
  paragraph(runs: Run | Run[], opts: { indent?: number; after?: number; align?: 'left' | 'center' | 'right' } = {}): void {
    const list = Array.isArray(runs) ? runs : [runs];
    const x = this.left + (opts.indent ?? 0);
    const w = this.width - (opts.indent ?? 0);
    const h = list.reduce((a, r) => a + this.measure(r, w), 0);
    this.place(h);
    for (const r of list) this.y += this.draw(r, x, this.y, w, opts.align);
    this.y += opts.after ?? 1.2 * MM;
  }

  /**
   * A section heading. It is drawn by the next block, on the page where that block starts, so a
   * heading never ends a page: `keep` is only the fallback when nothing follows.
   */
  heading(text: string, keep = 10 * MM): void {
    this.flushHeading(keep);
    const run: Run = { text, heavy: true, size: 10.5 };
    this.pendingHeading = { run, h: this.measure(run, this.width) + 3.6 * MM };
  }

  /** Starts a new page unless the pending heading and `h` more points fit on this one; draws the heading. */
  private place(h: number): void {
    const pending = this.pendingHeading;
    this.pendingHeading = null;
    this.ensure((pending?.h ?? 0) + h);
    if (!pending) return;
    this.y += 0.8 * MM;
    this.draw(pending.run, this.left, this.y, this.width);
    this.y += pending.h - 3.6 * MM + 0.5 * MM;
    this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(0.6).strokeColor(RULE).stroke();
    this.record('rule', this.left, this.y - 0.3, this.width, 0.6);
    this.y += 1.3 * MM;
  }

  private flushHeading(keep = 0): void {
    if (this.pendingHeading) this.place(keep);
  }

  /** Label / value rows in a ruled box (identity, case facts); each row stays on one page. */
  keyValues(rows: [label: string, value: Cell][], opts: { labelShare?: number; size?: number } = {}): void {
    const share = opts.labelShare ?? 0.26;
    const size = opts.size ?? SIZE;
    this.table(
      [{ header: '', share }, { header: '', share: 1 - share }],
      rows.map(([k, v]) => [[{ text: k, heavy: true, size }], typeof v === 'string' ? [{ text: v, size }] : v]),
      { header: false, shadeFirst: true },
    );
  }

  private cellRuns(cell: Cell): Para[] {
    return typeof cell === 'string' ? [{ text: cell }] : cell;
  }

  private cellHeight(cell: Cell, w: number): number {
    return this.cellRuns(cell).reduce((a, r) => a + this.measure(r, w - 2 * PAD_X), 0) + 2 * PAD_Y;
  }

  /**
   * A table: rows are never split (a row that does not fit starts the next page, under the
   * repeated header); only a row taller than a whole page is cut, marked as continued.
   */
  table(columns: Column[], rows: Cell[][], opts: { header?: boolean; tags?: (number | undefined)[]; shadeFirst?: boolean; continued?: string } = {}): void {
    const total = columns.reduce((a, c) => a + c.share, 0);
    const widths = columns.map((c) => (c.share / total) * this.width);
    const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, w) => a + w, 0));
    const withHeader = opts.header !== false;
    const headerCells: Cell[] = columns.map((c) => [{ text: c.header, heavy: true, size: 7.2 }]);
    const headerH = withHeader ? Math.max(...headerCells.map((c, i) => this.cellHeight(c, widths[i]!))) : 0;
    const drawRow = (cells: Cell[], h: number, shade: boolean) => {
      if (shade) {
        this.doc.rect(this.left, this.y, this.width, h).fillColor(SHADE).fill();
      } else if (opts.shadeFirst) {
        this.doc.rect(this.left, this.y, widths[0]!, h).fillColor(SHADE).fill();
      }
      cells.forEach((cell, i) => {
        this.record('cell', xs[i]!, this.y, widths[i]!, h);
        let cy = this.y + PAD_Y;
        for (const r of this.cellRuns(cell)) cy += this.draw(r, xs[i]! + PAD_X, cy, widths[i]! - 2 * PAD_X, columns[i]!.align);
      });
      this.record(shade ? 'thead' : 'row', this.left, this.y, this.width, h);
      this.doc.lineWidth(0.35).strokeColor(shade ? RULE : FAINT);
      this.doc.moveTo(this.left, this.y + h).lineTo(this.left + this.width, this.y + h).stroke();
      this.y += h;
    };
    const header = () => {
      if (!withHeader) return;
      this.doc.moveTo(this.left, this.y).lineTo(this.left + this.width, this.y).lineWidth(0.6).strokeColor(RULE).stroke();
      drawRow(headerCells, headerH, true);
    };
    // The header stays with the first row (or with a line of it, when that row is taller than a page).
    const first = rows[0] ? Math.max(...rows[0].map((c, i) => this.cellHeight(c, widths[i]!))) : 0;
    const fullPage = this.bottom - this.top - headerH;
    this.place(headerH + (first <= fullPage ? first : this.cellHeight('中', 100)));
    header();
    this.repeatHeader = header;
    try {
      rows.forEach((cells, index) => {
        let pending: Cell[] | null = cells;
        while (pending) {
          const h = Math.max(...pending.map((c, i) => this.cellHeight(c, widths[i]!)));
          if (h <= fullPage + 0.01) {
            this.ensure(h);
            drawRow(pending, h, false);
            const tag = opts.tags?.[index];
            if (tag !== undefined) this.tagsPerPage[this.pageIndex]!.push(tag);
            pending = null;
          } else {
            // Taller than a page: fill what is left of this one (at least a couple of lines).
            if (this.bottom - this.y < 2 * this.cellHeight('中', 100)) this.newPage();
            const [head, tail] = this.splitRow(pending, widths, this.bottom - this.y, opts.continued ?? '（续）');
            drawRow(head, this.bottom - this.y, false);
            const tag = opts.tags?.[index];
            if (tag !== undefined) this.tagsPerPage[this.pageIndex]!.push(tag);
            this.newPage();
            pending = tail;
          }
        }
      });
    } finally {
      this.repeatHeader = null;
    }
    this.y += 2 * MM;
  }

  /** Cuts each cell at the last character that fits `avail` (binary search on measured height). */
  private splitRow(cells: Cell[], widths: number[], avail: number, continued: string): [Cell[], Cell[]] {
    const head: Cell[] = [];
    const tail: Cell[] = [];
    cells.forEach((cell, i) => {
      const w = widths[i]! - 2 * PAD_X;
      let room = avail - 2 * PAD_Y;
      const kept: Para[] = [];
      const rest: Para[] = [];
      for (const r of this.cellRuns(cell)) {
        if (rest.length > 0) {
          rest.push(r);
          continue;
        }
        const h = this.measure(r, w);
        if (h <= room) {
          kept.push(r);
          room -= h;
          continue;
        }
        const count = charCount(r);
        let lo = 0;
        let hi = count;
        while (lo < hi) {
          const mid = Math.ceil((lo + hi) / 2);
          if (this.measure(slicePara(r, 0, mid), w) <= room) lo = mid;
          else hi = mid - 1;
        }
        if (lo > 0) kept.push(slicePara(r, 0, lo));
        rest.push(slicePara(r, lo, count));
        room = 0;
      }
      head.push(kept);
      tail.push(rest.length > 0 ? rest : i === 0 ? [{ text: continued, color: MUTED }] : []);
    });
    return [head, tail];
  }

  /**
   * A seal block: office name, date, a circle where the office stamps the paper. The lines take
   * all the room left of the circle, right-aligned against it, so an office's name stays on one
   * line (it broke inside "（演示）" in a half-width column).
   */
  sealBlock(lines: string[], caption: string): void {
    const d = 36 * MM;
    const x = this.left + this.width - d - 10 * MM;
    const textW = x - 4 * MM - this.left;
    const textH = lines.reduce((a, t) => a + this.measure({ text: t, size: 9 }, textW), 0);
    this.place(Math.max(d, textH) + 4 * MM);
    this.y += 4 * MM;
    this.doc.circle(x + d / 2, this.y + d / 2, d / 2).lineWidth(0.5).dash(2, { space: 2 }).strokeColor(FAINT).stroke().undash();
    this.record('seal', x, this.y, d, d);
    this.draw({ text: caption, size: 7, color: MUTED }, x, this.y + d / 2 - 4, d, 'center');
    let ty = this.y + Math.max(d - textH, 0);
    for (const t of lines) ty += this.draw({ text: t, size: 9 }, this.left, ty, textW, 'right');
    this.y += Math.max(d, textH) + 2 * MM;
  }

  /** Draws the frame on every page (now that the page count is known) and returns the file. */
  async finish(frame: Frame): Promise<FinishedPdf> {
    this.flushHeading();
    const doc = this.doc;
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    const done = new Promise<void>((resolve, reject) => {
      doc.on('end', () => resolve());
      doc.on('error', reject);
    });
    const range = doc.bufferedPageRange();
    const qr = frame.qrText ? this.qrForm(frame.qrText) : null;
    this.inFrame = true;
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      this.pageIndex = i;
      this.drawFrame(frame, i + 1, range.count, qr);
    }
    doc.flushPages();
    doc.end();
    await done;
    return {
      bytes: Buffer.concat(chunks),
      pages: range.count,
      boxes: this.boxes,
      body: { left: this.left, right: this.left + this.width, top: this.top, bottom: this.bottom },
      tagsPerPage: this.tagsPerPage,
    };
  }

  /** The QR once, as a form XObject every page refers to (one copy of ~2,000 rectangles). */
  private qrForm(text: string): { ref: PDFKit.PDFKitReference; side: number } {
    const m = qrMatrix(text);
    const side = (m.size + 2 * QR_QUIET_MODULES) * QR_MODULE;
    const f = (v: number) => (Math.round(v * 1000) / 1000).toString();
    // The quiet zone is left white on purpose; only dark modules are drawn, slightly overlapping so
    // that no hairline gap appears between neighbours.
    const ops = qrRuns(m).map(([c, r, w, h]) => `${f((c + QR_QUIET_MODULES) * QR_MODULE)} ${f((r + QR_QUIET_MODULES) * QR_MODULE)} ${f(w * QR_MODULE + 0.05)} ${f(h * QR_MODULE + 0.05)} re`);
    const ref = this.doc.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, side, side], Resources: {} });
    ref.end(`0 g\n${ops.join('\n')}\nf\n`);
    return { ref, side };
  }

  private drawFrame(frame: Frame, x: number, y: number, qr: { ref: PDFKit.PDFKitReference; side: number } | null): void {
    const doc = this.doc;
    const right = this.left + this.width;
    const headerRun: Run = { text: frame.headerLeft, heavy: true, size: 8, color: MUTED };
    this.draw(headerRun, this.left, HEADER_RULE - 5 * MM, this.width * 0.75);
    if (frame.headerRight) this.draw({ text: frame.headerRight, heavy: true, size: 8 }, this.left + this.width * 0.6, HEADER_RULE - 5 * MM, this.width * 0.4, 'right');
    doc.moveTo(this.left, HEADER_RULE).lineTo(right, HEADER_RULE).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.moveTo(this.left, this.footerTop).lineTo(right, this.footerTop).lineWidth(0.5).strokeColor(RULE).stroke();
    let textX = this.left;
    if (qr) {
      const qx = this.left;
      const qy = this.footerTop + 1 * MM;
      (this.doc.page as unknown as { xobjects: Record<string, unknown> }).xobjects.CDQR = qr.ref;
      doc.save();
      doc.addContent(`1 0 0 1 ${qx.toFixed(3)} ${qy.toFixed(3)} cm /CDQR Do`);
      doc.restore();
      this.record('qr', qx, qy, qr.side, qr.side);
      textX = qx + qr.side + 2 * MM;
    }
    const pageText = frame.pageLabel(x, y);
    const pageW = 38 * MM;
    const textW = right - pageW - textX;
    let ty = this.footerTop + (qr ? 5 * MM : 2 * MM);
    for (const run of frame.footerLines) ty += this.draw({ size: 7.5, ...run }, textX, ty, textW) + 0.6 * MM;
    this.draw({ text: pageText, heavy: true, size: 8.5 }, right - pageW, this.footerTop + (qr ? 5 * MM : 2 * MM), pageW, 'right');
  }
}

interface FontkitGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}
interface EmbeddedFontLike {
  font?: { glyphForCodePoint(cp: number): FontkitGlyph };
  scale: number;
  layoutRun: (text: string) => unknown;
}

/**
 * Maps characters straight to the font's nominal glyphs (cmap) instead of OpenType shaping.
 * Chinese needs no shaping, and Latin only loses kerning and ligatures; in exchange every
 * character's advance is fixed, so the line widths the wrapper computes are exactly what is drawn,
 * and a 2,000-record report does not spend seconds in the shaper.
 */
function useNominalGlyphs(doc: PDFKit.PDFDocument): void {
  const ef = (doc as unknown as { _font: EmbeddedFontLike })._font;
  const font = ef.font;
  if (!font) return;
  const glyphs = new Map<number, FontkitGlyph>();
  ef.layoutRun = (text: string) => {
    const run: FontkitGlyph[] = [];
    const positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      let g = glyphs.get(cp);
      if (!g) {
        g = font.glyphForCodePoint(cp);
        glyphs.set(cp, g);
      }
      const w = g.advanceWidth * ef.scale;
      run.push(g);
      positions.push({ xAdvance: w, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: w });
      advanceWidth += w;
    }
    return { glyphs: run, positions, advanceWidth };
  };
}

function charCount(p: Para): number {
  return isSpans(p) ? p.spans.reduce((a, r) => a + Array.from(r.text).length, 0) : Array.from(p.text).length;
}

/** Characters [from, to) of a paragraph, runs and their styles kept. */
function slicePara(p: Para, from: number, to: number): Para {
  if (!isSpans(p)) return { ...p, text: Array.from(p.text).slice(from, to).join('') };
  const spans: Run[] = [];
  let at = 0;
  for (const r of p.spans) {
    const chars = Array.from(r.text);
    const a = Math.max(from - at, 0);
    const b = Math.min(to - at, chars.length);
    if (b > a) spans.push({ ...r, text: chars.slice(a, b).join('') });
    at += chars.length;
  }
  return { spans };
}

function gapOf(run: Run): number {
  return GAP * ((run.size ?? SIZE) / SIZE);
}

/** The page area a drawn box must stay inside (for tests). */
export const PAGE_AREA = { w: PAGE_W, h: PAGE_H };
