import zlib from 'node:zlib';
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

/**
 * A blank greyscale PNG of w × h pixels, small on disk whatever its size (rows of zeros deflate
 * about a thousand to one): a 7000 × 7000 one is about 50 KB and decodes to 196 MB of RGBA.
 */
export function blankPng(w: number, h: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), out.length - 4);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, no interlace
  // Each row: filter byte 0 and w zero bytes, deflated in one stream fed row by row.
  const deflate = zlib.deflateSync(Buffer.alloc((w + 1) * h), { level: 9 });
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflate), chunk('IEND', Buffer.alloc(0))]);
}

function crc32(bytes: Buffer): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/**
 * A PDF 1.5 whose catalogue (object 1) and `packed` objects (6, 7, …) sit in a Flate-compressed
 * object stream (object 4), found by a cross-reference stream as a reader finds them: `objStmDict`
 * is what the object stream's dictionary says besides /N, /First, /Filter and /Length (normally
 * "/Type /ObjStm"); `catalogExtra` goes into the catalogue, `pageExtra` into the one page.
 */
export function objectStreamPdf(opts: { objStmDict?: string; catalogExtra?: string; pageExtra?: string; packed?: string[] } = {}): Buffer {
  const packed = [`<< /Type /Catalog /Pages 2 0 R ${opts.catalogExtra ?? ''} >>`, ...(opts.packed ?? [])];
  const numbers = [1, ...packed.slice(1).map((_, i) => 6 + i)];
  let offsets = '';
  let body = '';
  packed.forEach((o, i) => {
    offsets += `${numbers[i]} ${body.length} `;
    body += `${o}\n`;
  });
  const inner = Buffer.from(offsets + body, 'latin1');
  const data = zlib.deflateSync(inner);
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  const at: Record<number, number> = {};
  const length = () => parts.reduce((n, p) => n + p.length, 0);
  const add = (n: number, text: string | Buffer[]) => {
    at[n] = length();
    parts.push(...(typeof text === 'string' ? [Buffer.from(text, 'latin1')] : text));
  };
  add(2, '2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n');
  add(3, `3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] ${opts.pageExtra ?? ''} >>\nendobj\n`);
  add(4, [
    Buffer.from(`4 0 obj\n<< ${opts.objStmDict ?? '/Type /ObjStm'} /N ${packed.length} /First ${offsets.length} /Filter /FlateDecode /Length ${data.length} >>\nstream\n`, 'latin1'),
    data,
    Buffer.from('\nendstream\nendobj\n', 'latin1'),
  ]);
  // Cross-reference stream (object 5): type 1 = offset, type 2 = in object stream 4 at an index.
  const size = 6 + packed.length - 1;
  const rows = Buffer.alloc(size * 7);
  const row = (n: number, type: number, field2: number, field3: number) => {
    rows[n * 7] = type;
    rows.writeUInt32BE(field2, n * 7 + 1);
    rows.writeUInt16BE(field3, n * 7 + 5);
  };
  row(0, 0, 0, 65535);
  row(1, 2, 4, 0);
  numbers.slice(1).forEach((n, i) => row(n, 2, 4, i + 1));
  for (const n of [2, 3, 4]) row(n, 1, at[n]!, 0);
  at[5] = length();
  row(5, 1, at[5], 0);
  parts.push(Buffer.from(`5 0 obj\n<< /Type /XRef /Size ${size} /W [1 4 2] /Root 1 0 R /Length ${rows.length} >>\nstream\n`, 'latin1'), rows, Buffer.from(`\nendstream\nendobj\nstartxref\n${at[5]}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}
