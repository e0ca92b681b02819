import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliDecompress, brotliDecompressSync } from 'node:zlib';

// Every printed document uses Noto Sans SC (OFL), read from the TTFs of
// @expo-google-fonts/noto-sans-sc, the same package files under tsx, in the electron-vite bundle
// (pdfkit and the package stay external node_modules) and in the packaged app. Only Regular and
// Bold are used; pdfkit embeds the subset of glyphs a document draws, so a PDF carries a few
// hundred KB of font, not 10 MB, and never depends on a font installed on the machine.
//
// Names may hold characters Noto Sans SC lacks (CJK Extensions B–F, 𠮷, 𡒄: GB 18030-2022 level 3).
// For those, and only those, two subsets of the Hanazono Mincho fonts (resources/fonts, built by
// tools/fonts/buildFallbackFonts.mjs, Hanazono Font License) follow Noto. They are 31 MB of TTF,
// shipped brotli-compressed (13.7 MB) and inflated the first time a document needs them.

export const FONT_REGULAR = 'NotoSansSC-Regular';
export const FONT_BOLD = 'NotoSansSC-Bold';

const FILES = { [FONT_REGULAR]: '400Regular/NotoSansSC_400Regular.ttf', [FONT_BOLD]: '700Bold/NotoSansSC_700Bold.ttf' } as const;

/** The fallbacks, in the order they are asked: BMP and Extension B leftovers, then Extensions B–F. */
export const FALLBACK_FONTS = [
  { name: 'HanFallbackA', file: 'han-fallback-a.ttf.br' },
  { name: 'HanFallbackB', file: 'han-fallback-b.ttf.br' },
] as const;
export type FallbackFontName = (typeof FALLBACK_FONTS)[number]['name'];

let cache: Record<string, Buffer> | null = null;
let fallbacks: Record<FallbackFontName, Buffer> | null = null;

export function fontPackageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/package.json'));
}

/** The app's resources/fonts: up from this module (electron/report/pdf under tsx, out/host bundled, inside app.asar packaged). */
export function fallbackFontDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FALLBACK_FONTS[0].file))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('resources/fonts is missing from this installation: reinstall CreditDesk.');
    dir = up;
  }
}

/** The two TTFs, read once per process (fontkit parses tables lazily from the buffer). */
export function reportFonts(): Record<typeof FONT_REGULAR | typeof FONT_BOLD, Buffer> {
  if (!cache) {
    const dir = fontPackageDir();
    cache = Object.fromEntries(Object.entries(FILES).map(([name, file]) => [name, readFileSync(join(dir, file))]));
  }
  return cache as Record<typeof FONT_REGULAR | typeof FONT_BOLD, Buffer>;
}

/** The fallback TTFs, inflated on first use (about 0.2 s) and kept for the process. */
export function fallbackFonts(): Record<FallbackFontName, Buffer> {
  if (!fallbacks) {
    const dir = fallbackFontDir();
    fallbacks = Object.fromEntries(FALLBACK_FONTS.map((f) => [f.name, brotliDecompressSync(readFileSync(join(dir, f.file)))])) as Record<FallbackFontName, Buffer>;
  }
  return fallbacks;
}

/** The same, inflated on the thread pool: call it before work that must not stall (a transaction). */
export async function loadFallbackFonts(): Promise<void> {
  if (fallbacks) return;
  const dir = fallbackFontDir();
  const inflate = promisify(brotliDecompress);
  const loaded = await Promise.all(FALLBACK_FONTS.map(async (f) => [f.name, await inflate(readFileSync(join(dir, f.file)))] as const));
  fallbacks ??= Object.fromEntries(loaded) as Record<FallbackFontName, Buffer>;
}

export function fallbackFontsLoaded(): boolean {
  return fallbacks !== null;
}
