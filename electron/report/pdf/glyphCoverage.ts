import { createRequire } from 'node:module';
import { AppError } from '../../../shared/errors';
import { isInvisible } from './textWrap';
import { FALLBACK_FONTS, FONT_BOLD, FONT_REGULAR, fallbackFonts, reportFonts, type FallbackFontName } from './fonts';

// Which bundled font draws a character: Noto Sans SC in the weight asked for, then the Hanazono
// fallbacks (regular only: a rare character in a bold title is drawn in their one weight). A
// character none of them holds is refused by name; a document never prints a box (☒).

interface FontkitFont {
  hasGlyphForCodePoint(cp: number): boolean;
}
type FontName = typeof FONT_REGULAR | typeof FONT_BOLD | FallbackFontName;

const requireHere = createRequire(import.meta.url);
let noto: Record<typeof FONT_REGULAR | typeof FONT_BOLD, FontkitFont> | null = null;
let backups: { name: FallbackFontName; font: FontkitFont }[] | null = null;
const chosen = new Map<number, FontName | null>();

function fontkit(): { create(buffer: Buffer): FontkitFont } {
  return requireHere('fontkit') as { create(buffer: Buffer): FontkitFont };
}

function notoFonts() {
  if (!noto) {
    const files = reportFonts();
    noto = { [FONT_REGULAR]: fontkit().create(files[FONT_REGULAR]), [FONT_BOLD]: fontkit().create(files[FONT_BOLD]) };
  }
  return noto;
}

/** Whether Noto Sans SC draws every visible character of `text` in both weights (no fallback needed). */
export function notoCovers(text: string): boolean {
  const fonts = notoFonts();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (!isInvisible(cp) && !(fonts[FONT_REGULAR].hasGlyphForCodePoint(cp) && fonts[FONT_BOLD].hasGlyphForCodePoint(cp))) return false;
  }
  return true;
}

/** The font that draws `cp`, or null when no bundled font has it. */
export function fontFor(cp: number, heavy: boolean): FontName | null {
  const fonts = notoFonts();
  if (heavy && fonts[FONT_BOLD].hasGlyphForCodePoint(cp)) return FONT_BOLD;
  if (fonts[FONT_REGULAR].hasGlyphForCodePoint(cp)) return FONT_REGULAR;
  let found = chosen.get(cp);
  if (found === undefined) {
    backups ??= FALLBACK_FONTS.map((f) => ({ name: f.name, font: fontkit().create(fallbackFonts()[f.name]) }));
    found = backups.find((b) => b.font.hasGlyphForCodePoint(cp))?.name ?? null;
    chosen.set(cp, found);
  }
  return found;
}

export function unprintable(ch: string): AppError {
  const codePoint = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return new AppError('DOCUMENT_CHARACTER_UNPRINTABLE', `The character “${ch}” (${codePoint}) has no glyph in any font CreditDesk prints with, so the document is not printed.`, {
    character: ch,
    codePoint,
  });
}

/** Refuses, naming the first one, a text holding a character no bundled font can draw. */
export function assertPrintable(texts: Iterable<string>): void {
  for (const text of texts) {
    if (notoCovers(text)) continue;
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (!isInvisible(cp) && fontFor(cp, false) === null) throw unprintable(ch);
    }
  }
}

/** Every string inside a JSON-like value (a report's content), for assertPrintable. */
export function* stringsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* stringsOf(v);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) yield* stringsOf(v);
}
