import LineBreaker from 'linebreak';

// Line breaking for the printed documents, from the font's real advance widths. Chinese breaks
// between any two characters except before closing and after opening punctuation (禁则); Latin
// breaks at spaces, and a word wider than the line is broken between letters, so nothing ever runs
// past its box. Measuring and drawing use the same lines, so the measured height is the drawn one.

/** Advance width of one character at size 1 (in points per point of font size). */
export type Advance = (ch: string) => number;

// Break opportunities come from the Unicode line breaking algorithm (UAX #14, the `linebreak` package
// pdfkit already brings): ideographs break around each other, closing punctuation never starts a
// line, opening never ends one, numbers keep their signs and separators (2026/11, 1,000.5%). One
// tailoring stays on top of it: the Chinese 间隔号 · (a name's middle dot, class AI, which UAX #14
// resolves as a letter) sticks to what precedes it, as 禁则 wants.
const NO_LINE_START = new Set(['·']);

/** Units that are never split across lines (unless one is wider than a line), as [start, end) of `text`; each space is a unit of its own. */
function tokens(text: string, from: number, to: number): [number, number][] {
  const out: [number, number][] = [];
  const breaker = new LineBreaker(text.slice(from, to));
  let last = from;
  for (let bk = breaker.nextBreak(); bk; bk = breaker.nextBreak()) {
    const end = from + bk.position;
    let word = end;
    while (word > last && text[word - 1] === ' ') word--;
    if (word > last) {
      const prev = out[out.length - 1];
      if (prev && NO_LINE_START.has(text[last]!) && text[prev[0]] !== ' ') prev[1] = word;
      else out.push([last, word]);
    }
    // Trailing spaces as units of their own: a line that ends at them drops them, not the word.
    for (let i = word; i < end; i++) out.push([i, i + 1]);
    last = end;
  }
  return out;
}

export function widthOf(text: string, size: number, advance: Advance): number {
  let w = 0;
  for (const ch of text) w += advance(ch);
  return w * size;
}

/** Characters that draw nothing: line ends, tabs, variation selectors and zero-width (dropped, never looked up). */
export function isInvisible(cp: number): boolean {
  return cp < 0x20 || (cp >= 0x200b && cp <= 0x200d) || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

/**
 * The text as drawn: tabs and ideographic spaces as plain spaces, variation selectors and
 * zero-width characters dropped (no font draws them; looked up, they would print as boxes).
 */
export function normaliseSpaces(text: string): string {
  const spaced = text.replace(/[\t\u3000]/g, ' ');
  let out = '';
  for (const ch of spaced) if (ch === '\n' || !isInvisible(ch.codePointAt(0)!)) out += ch;
  return out;
}

/**
 * The lines of `text` (already space-normalised) in `width` points, as [start, end) offsets,
 * trailing spaces dropped; `widthAt(i)` is the drawn width of the character starting at offset i.
 * '\n' always breaks. Offsets let a paragraph of several styles find each line's pieces.
 */
export function wrapRanges(text: string, width: number, widthAt: (i: number) => number): [number, number][] {
  const lines: [number, number][] = [];
  const span = (a: number, b: number) => {
    let w = 0;
    for (let i = a; i < b; ) {
      w += widthAt(i);
      i += text.codePointAt(i)! > 0xffff ? 2 : 1;
    }
    return w;
  };
  let from = 0;
  for (const paragraph of text.split('\n')) {
    const pStart = from;
    const pEnd = from + paragraph.length;
    from = pEnd + 1;
    let start = -1;
    let end = -1;
    let lineW = 0;
    const push = () => {
      if (start < 0) start = end = pStart;
      let e = end;
      while (e > start && text[e - 1] === ' ') e--;
      lines.push([start, e]);
      start = end = -1;
      lineW = 0;
    };
    const add = (a: number, b: number, w: number) => {
      if (start < 0) start = a;
      end = b;
      lineW += w;
    };
    const blank = () => start < 0 || text.slice(start, end).trim() === '';
    for (const [a, b] of tokens(text, pStart, pEnd)) {
      const w = span(a, b);
      if (lineW + w <= width) {
        add(a, b, w);
        continue;
      }
      if (text[a] === ' ' && b - a === 1) {
        push();
        continue;
      }
      if (!blank()) push();
      else {
        start = end = -1;
        lineW = 0;
      }
      if (w <= width) {
        add(a, b, w);
        continue;
      }
      // Wider than a whole line: break between characters.
      for (let i = a; i < b; ) {
        const n = text.codePointAt(i)! > 0xffff ? 2 : 1;
        const cw = widthAt(i);
        if (lineW + cw > width && start >= 0 && end > start) push();
        add(i, i + n, cw);
        i += n;
      }
    }
    if (!blank() || lines.length === 0 || paragraph === '') push();
  }
  return lines;
}

/** The lines `text` takes at `size` in `width` points; '\n' always breaks. */
export function wrapLines(text: string, width: number, size: number, advance: Advance): string[] {
  const t = normaliseSpaces(text);
  return wrapRanges(t, width, (i) => advance(String.fromCodePoint(t.codePointAt(i)!)) * size).map(([a, b]) => t.slice(a, b));
}
