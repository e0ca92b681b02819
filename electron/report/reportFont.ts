import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// The report embeds its font (Noto Sans SC, shipped with the app) so that every machine prints the
// same glyphs and the document needs nothing outside itself. Only the unicode-range chunks that
// the document's characters fall in are embedded, as data: URLs.

export const REPORT_FONT_FAMILY = 'CreditDesk Report Sans';

interface Chunk {
  file: string;
  ranges: [number, number][];
}

let chunks: Chunk[] | null = null;
let packageDir: string | null = null;
const dataUrlCache = new Map<string, string>();

function fontPackageDir(): string {
  if (!packageDir) packageDir = dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/400.css'));
  return packageDir;
}

function loadChunks(): Chunk[] {
  if (chunks) return chunks;
  const css = readFileSync(join(fontPackageDir(), '400.css'), 'utf8');
  const found: Chunk[] = [];
  for (const face of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(face)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
      const lo = parseInt(a!, 16);
      return [lo, b ? parseInt(b, 16) : lo];
    });
    found.push({ file, ranges });
  }
  if (found.length === 0) throw new Error('The bundled report font (@fontsource/noto-sans-sc) could not be read.');
  chunks = found;
  return found;
}

function dataUrl(file: string): string {
  let url = dataUrlCache.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${readFileSync(join(fontPackageDir(), 'files', file)).toString('base64')}`;
    dataUrlCache.set(file, url);
  }
  return url;
}

/** @font-face rules covering every character of `text`. */
export function fontFacesFor(text: string): string {
  const codePoints = new Set<number>();
  for (const ch of text) codePoints.add(ch.codePointAt(0)!);
  const rules: string[] = [];
  for (const chunk of loadChunks()) {
    const needed = [...codePoints].some((cp) => chunk.ranges.some(([lo, hi]) => cp >= lo && cp <= hi));
    if (!needed) continue;
    const range = chunk.ranges.map(([lo, hi]) => (lo === hi ? `U+${lo.toString(16)}` : `U+${lo.toString(16)}-${hi.toString(16)}`)).join(',');
    rules.push(
      `@font-face{font-family:'${REPORT_FONT_FAMILY}';font-style:normal;font-weight:400;font-display:block;src:url(${dataUrl(chunk.file)}) format('woff2');unicode-range:${range};}`,
    );
  }
  return rules.join('\n');
}
