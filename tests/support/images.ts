import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

/** A real PNG scan (decodable), w × h, grey with a diagonal. */
export function pngScan(w = 4, h = 4): Buffer {
  const png = new PNG({ width: w, height: h });
  for (let i = 0; i < w * h; i++) png.data.set(i % (w + 1) === 0 ? [0, 0, 0, 255] : [200, 200, 200, 255], i * 4);
  return PNG.sync.write(png);
}

/** A real baseline JPEG scan, w × h. */
export function jpegScan(w = 8, h = 8): Buffer {
  const data = Buffer.alloc(w * h * 4, 180);
  return Buffer.from(jpeg.encode({ data, width: w, height: h }, 80).data);
}

/** A minimal one-page PDF; `extra` goes into the catalogue dictionary (e.g. an /OpenAction). */
export function pdfDocument(extra = '', objects: string[] = []): Buffer {
  const body = [
    `1 0 obj << /Type /Catalog /Pages 2 0 R ${extra} >> endobj`,
    '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
    '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj',
    ...objects,
  ].join('\n');
  return Buffer.from(`%PDF-1.7\n${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}
