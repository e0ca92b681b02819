import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliDecompress, brotliDecompressSync } from 'node:zlib';

// Every printed document uses Noto Sans SC (OFL), Regular and Bold, vendored in resources/fonts
// (from @expo-google-fonts/noto-sans-sc 0.4.3, whose 92 MB package held seven weights nobody
// printed). pdfkit embeds the subset of glyphs a document draws, so a PDF carries a few hundred KB
// of font, not 10 MB, and never depends on a font installed on the machine.
//
// Names may hold characters Noto Sans SC lacks (CJK Extensions B–F, 𠮷, 𡒄: GB 18030-2022 level 3).
// For those, and only those, two subsets of the Hanazono Mincho fonts (resources/fonts, built by
// tools/fonts/buildFallbackFonts.mjs, Hanazono Font License) follow Noto.
//
// All four are TTFs shipped brotli-compressed (pdfkit cannot subset WOFF2): Noto's two are
// inflated on the thread pool as the core starts (loadReportFonts), the fallbacks the first time a
// document needs them.

export const FONT_REGULAR = 'NotoSansSC-Regular';
export const FONT_BOLD = 'NotoSansSC-Bold';

const FILES = { [FONT_REGULAR]: 'NotoSansSC-Regular.ttf.br', [FONT_BOLD]: 'NotoSansSC-Bold.ttf.br' } as const;
type MainFontName = typeof FONT_REGULAR | typeof FONT_BOLD;

/** The fallbacks, in the order they are asked: BMP and Extension B leftovers, then Extensions B–F. */
export const FALLBACK_FONTS = [
  { name: 'HanFallbackA', file: 'han-fallback-a.ttf.br' },
  { name: 'HanFallbackB', file: 'han-fallback-b.ttf.br' },
] as const;
export type FallbackFontName = (typeof FALLBACK_FONTS)[number]['name'];

let cache: Record<MainFontName, Buffer> | null = null;
let fallbacks: Record<FallbackFontName, Buffer> | null = null;

/** The app's resources/fonts: up from this module (electron/report/pdf under tsx, out/host bundled, inside app.asar packaged). */
export function fontDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'resources', 'fonts');
    if (existsSync(join(candidate, FILES[FONT_REGULAR]))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new Error('resources/fonts is missing from this installation: reinstall CreditDesk.');
    dir = up;
  }
}

const inflate = promisify(brotliDecompress);

/** Noto Sans SC Regular and Bold, inflated once per process (fontkit parses tables lazily from the buffer). */
export function reportFonts(): Record<MainFontName, Buffer> {
  if (!cache) {
    const dir = fontDir();
    cache = { [FONT_REGULAR]: brotliDecompressSync(readFileSync(join(dir, FILES[FONT_REGULAR]))), [FONT_BOLD]: brotliDecompressSync(readFileSync(join(dir, FILES[FONT_BOLD]))) };
  }
  return cache;
}

/** The same, inflated on the thread pool: the core calls it at start so the first document does not wait. */
export async function loadReportFonts(): Promise<void> {
  if (cache) return;
  const dir = fontDir();
  const [regular, bold] = await Promise.all([inflate(await readFile(join(dir, FILES[FONT_REGULAR]))), inflate(await readFile(join(dir, FILES[FONT_BOLD])))]);
  cache ??= { [FONT_REGULAR]: regular, [FONT_BOLD]: bold };
}

export function fallbackFonts(): Record<FallbackFontName, Buffer> {
  if (!fallbacks) {
    const dir = fontDir();
    fallbacks = Object.fromEntries(FALLBACK_FONTS.map((f) => [f.name, brotliDecompressSync(readFileSync(join(dir, f.file)))])) as Record<FallbackFontName, Buffer>;
  }
  return fallbacks;
}

/** The same, inflated on the thread pool: call it before work that must not stall (a transaction). */
export async function loadFallbackFonts(): Promise<void> {
  if (fallbacks) return;
  const dir = fontDir();
  const loaded = await Promise.all(FALLBACK_FONTS.map(async (f) => [f.name, await inflate(await readFile(join(dir, f.file)))] as const));
  fallbacks ??= Object.fromEntries(loaded) as Record<FallbackFontName, Buffer>;
}

export function fallbackFontsLoaded(): boolean {
  return fallbacks !== null;
}
