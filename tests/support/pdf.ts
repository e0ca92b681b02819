import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';

// Reading printed documents back the way a person or a scanner would: the text through poppler's
// pdftotext, pages as raster images through pdftoppm, QR codes through ZXing (the wasm from the
// package, never the CDN).

export function pdfBytes(doc: Buffer | { pdfBase64: string }): Buffer {
  return Buffer.isBuffer(doc) ? doc : Buffer.from(doc.pdfBase64, 'base64');
}

function withFile<T>(bytes: Buffer, fn: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    return fn(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, in reading order; pages separated by form feeds. */
export function pdfText(doc: Buffer | { pdfBase64: string }, opts: { layout?: boolean } = {}): string {
  return withFile(pdfBytes(doc), (file) => execFileSync('pdftotext', [...(opts.layout === false ? [] : ['-layout']), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }));
}

export function pdfPageTexts(doc: Buffer | { pdfBase64: string }): string[] {
  const pages = pdfText(doc).split('\f');
  return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages;
}

/** PNG images of pages `first`..`last` (1-based) at `dpi`. */
export function rasterPages(doc: Buffer | { pdfBase64: string }, dpi: number, first = 1, last?: number): Buffer[] {
  return withFile(pdfBytes(doc), (file, dir) => {
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(first), ...(last ? ['-l', String(last)] : []), file, join(dir, 'page')]);
    return readdirSync(dir)
      .filter((f) => f.endsWith('.png'))
      .sort()
      .map((f) => readFileSync(join(dir, f)));
  });
}

let ready: Promise<unknown> | null = null;
function zxing(): Promise<unknown> {
  ready ??= Promise.resolve(
    prepareZXingModule({ overrides: { wasmBinary: readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')).buffer as ArrayBuffer }, fireImmediately: true }),
  );
  return ready;
}

/** Texts of the QR codes ZXing finds in an image file (PNG or JPEG bytes). */
export async function decodeQr(image: Buffer): Promise<string[]> {
  await zxing();
  const results = await readBarcodes(new Uint8Array(image), { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 4 });
  return results.filter((r) => r.isValid).map((r) => r.text);
}
