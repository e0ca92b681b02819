import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// Every printed document uses Noto Sans SC (OFL), read from the TTFs of
// @expo-google-fonts/noto-sans-sc, the same package files under tsx, in the electron-vite bundle
// (pdfkit and the package stay external node_modules) and in the packaged app. Only Regular and
// Bold are used; pdfkit embeds the subset of glyphs a document draws, so a PDF carries a few
// hundred KB of font, not 10 MB, and never depends on a font installed on the machine.

export const FONT_REGULAR = 'NotoSansSC-Regular';
export const FONT_BOLD = 'NotoSansSC-Bold';

const FILES = { [FONT_REGULAR]: '400Regular/NotoSansSC_400Regular.ttf', [FONT_BOLD]: '700Bold/NotoSansSC_700Bold.ttf' } as const;

let cache: Record<string, Buffer> | null = null;

export function fontPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
}

/** The two TTFs, read once per process (fontkit parses tables lazily from the buffer). */
export function reportFonts(): Record<typeof FONT_REGULAR | typeof FONT_BOLD, Buffer> {
  if (!cache) {
    const dir = fontPackageDir();
    cache = Object.fromEntries(Object.entries(FILES).map(([name, file]) => [name, readFileSync(join(dir, file))]));
  }
  return cache as Record<typeof FONT_REGULAR | typeof FONT_BOLD, Buffer>;
}
