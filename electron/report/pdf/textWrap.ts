// Line breaking for the printed documents, from the font's real advance widths. Chinese breaks
// between any two characters except before closing and after opening punctuation (禁则); Latin
// breaks at spaces, and a word wider than the line is broken between letters, so nothing ever runs
// past its box. Measuring and drawing use the same lines, so the measured height is the drawn one.

/** Advance width of one character at size 1 (in points per point of font size). */
export type Advance = (ch: string) => number;

const CLOSING = new Set('，。、；：？！）》」』】〕〉…·,.;:!?)]}%’”'.split(''));
const OPENING = new Set('（《「『【〔〈([{‘“'.split(''));

function isBreakable(cp: number): boolean {
  // CJK ideographs, kana, CJK symbols and full-width forms: a line may break around each.
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x20000 && cp <= 0x3ffff);
}

/** Units that are never split across lines (unless one is wider than a line). */
function tokens(text: string): string[] {
  const out: string[] = [];
  let word = '';
  const flush = () => {
    if (word) out.push(word);
    word = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === ' ' || ch === '\t' || ch === '\u3000') {
      flush();
      out.push(' ');
    } else if (isBreakable(cp) || CLOSING.has(ch) || OPENING.has(ch)) {
      flush();
      out.push(ch);
    } else {
      word += ch;
      // A hyphen or slash inside a long word is a place to break after.
      if (ch === '-' || ch === '/') flush();
    }
  }
  flush();
  // 禁则: closing punctuation sticks to what precedes it, opening punctuation to what follows.
  const merged: string[] = [];
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (CLOSING.has(t) && merged.length > 0 && merged[merged.length - 1] !== ' ') merged[merged.length - 1] += t;
    else merged.push(t);
  }
  const result: string[] = [];
  for (let i = 0; i < merged.length; i++) {
    let t = merged[i]!;
    while (OPENING.has(t.slice(-1)) && i + 1 < merged.length && merged[i + 1] !== ' ') t += merged[++i]!;
    result.push(t);
  }
  return result;
}

export function widthOf(text: string, size: number, advance: Advance): number {
  let w = 0;
  for (const ch of text) w += advance(ch);
  return w * size;
}

/** The lines `text` takes at `size` in `width` points; '\n' always breaks. */
export function wrapLines(text: string, width: number, size: number, advance: Advance): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let lineW = 0;
    const push = () => {
      lines.push(line.trimEnd());
      line = '';
      lineW = 0;
    };
    for (const t of tokens(paragraph)) {
      const w = widthOf(t, size, advance);
      if (lineW + w <= width) {
        line += t;
        lineW += w;
        continue;
      }
      if (t === ' ') {
        push();
        continue;
      }
      if (line.trim() !== '') push();
      else {
        line = '';
        lineW = 0;
      }
      if (w <= width) {
        line = t;
        lineW = w;
        continue;
      }
      // Wider than a whole line: break between characters.
      for (const ch of t) {
        const cw = advance(ch) * size;
        if (lineW + cw > width && line !== '') push();
        line += ch;
        lineW += cw;
      }
    }
    if (line.trim() !== '' || lines.length === 0 || paragraph === '') push();
  }
  return lines;
}
