// Conservative text measurement for the report's fixed font (Noto Sans SC): a Han character or
// full-width punctuation is 1 em; Latin letters and digits are narrower than 0.62 em in this face.
// Lines are counted as if two characters per line were lost to wrapping and 禁则 (no 。 at a line
// start), so the estimate is an upper bound on what Chromium lays out.

const NARROW_EM = 0.62;
const BOLD_FACTOR = 1.08;

export function textWidthEm(text: string, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    em += cp >= 0x20 && cp <= 0x7e ? NARROW_EM : 1;
  }
  return bold ? em * BOLD_FACTOR : em;
}

/** Lines a paragraph takes at `fontMm` in a box `widthMm` wide (word-break: break-all). */
export function lineCount(text: string, widthMm: number, fontMm: number, bold = false): number {
  const usable = widthMm - 2 * fontMm;
  return Math.max(1, Math.ceil((textWidthEm(text, bold) * fontMm) / usable));
}
