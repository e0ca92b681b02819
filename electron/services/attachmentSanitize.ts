import { inflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError } from '../../shared/errors';

// What an uploaded scan is allowed to be. A file is not trusted for its first bytes: images are
// decoded and encoded again, so only pixels survive (no metadata chunks, no comment segments, no
// script or archive appended after the image data); a PDF is refused if it carries anything that
// acts by itself when opened (scripts, launch and open actions, embedded files, rich media, XFA).

/** Larger images are refused before decoding: a few small bytes can claim gigapixels. */
const MAX_MEGAPIXELS = 60;
/** Inflated object streams beyond this are refused rather than inspected. */
const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

const invalid = (message: string, details: Record<string, unknown> = {}): never => {
  throw new AppError('ATTACHMENT_INVALID', message, details);
};

/** Returns the bytes to store: the re-encoded image, or the PDF unchanged once it passed the scan. */
export function sanitizeAttachment(mimeType: string, content: Buffer): Buffer {
  if (mimeType === 'image/png') return reencodePng(content);
  if (mimeType === 'image/jpeg') return reencodeJpeg(content);
  if (mimeType === 'application/pdf') {
    checkPdf(content);
    return content;
  }
  return invalid(`The file type ${mimeType} is not accepted; attach a PNG or JPEG image or a PDF.`, { mimeType });
}

function reencodePng(content: Buffer): Buffer {
  // IHDR is the first chunk: width and height at bytes 16..24.
  if (content.length >= 24 && content.toString('latin1', 12, 16) === 'IHDR') {
    const mp = (content.readUInt32BE(16) * content.readUInt32BE(20)) / 1e6;
    if (mp > MAX_MEGAPIXELS) invalid(`The image is larger than ${MAX_MEGAPIXELS} megapixels; scan at a lower resolution.`, { megapixels: Math.round(mp) });
  }
  let png: PNG;
  try {
    png = PNG.sync.read(throughIend(content));
  } catch (err) {
    return invalid('The file is not a readable PNG image; scan it again.', { mimeType: 'image/png', reason: (err as Error).message });
  }
  return PNG.sync.write(png, { colorType: 6 });
}

/** The PNG up to the end of its IEND chunk: whatever follows is not part of the image. */
function throughIend(content: Buffer): Buffer {
  let pos = 8;
  while (pos + 12 <= content.length) {
    const length = content.readUInt32BE(pos);
    const type = content.toString('latin1', pos + 4, pos + 8);
    pos += 12 + length;
    if (type === 'IEND') return content.subarray(0, pos);
  }
  return invalid('The file is not a readable PNG image; scan it again.', { mimeType: 'image/png', reason: 'no end chunk' });
}

function reencodeJpeg(content: Buffer): Buffer {
  let image: { width: number; height: number; data: Uint8Array };
  try {
    image = jpeg.decode(content, { useTArray: true, maxResolutionInMP: MAX_MEGAPIXELS, maxMemoryUsageInMB: 1024, formatAsRGBA: true });
  } catch (err) {
    return invalid('The file is not a readable JPEG image; scan it again.', { mimeType: 'image/jpeg', reason: (err as Error).message });
  }
  if (!(image.width > 0 && image.height > 0)) invalid('The file is not a readable JPEG image; scan it again.', { mimeType: 'image/jpeg' });
  return Buffer.from(jpeg.encode({ data: image.data, width: image.width, height: image.height }, 90).data);
}

/**
 * PDF keys that make a document act by itself. A name may spell its letters as #xx escapes
 * (/J#61vaScript), so escapes are decoded before matching; a name ends at a delimiter, so /JSON or
 * /AAA is not /JS or /AA.
 */
const ACTIVE_KEYS = ['JavaScript', 'JS', 'OpenAction', 'AA', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia', 'XFA'];
const ACTIVE = new RegExp(`/(${ACTIVE_KEYS.join('|')})(?=[\\s()<>\\[\\]{}/%]|$)`);

function activeKey(latin1: string): string | null {
  const text = latin1.replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return ACTIVE.exec(text)?.[1] ?? null;
}

/**
 * Dictionaries (where actions and scripts live) are either plain text in the file or packed into
 * object streams (/Type /ObjStm), which are almost always Flate-compressed. Both are scanned: the
 * raw bytes, then every object stream inflated. An object stream that cannot be inflated with
 * Flate alone (another filter, predictors, damage) cannot be inspected, so the file is refused
 * rather than trusted; an encrypted PDF likewise. Page content and image streams are not
 * dictionaries and cannot carry actions, so they are not decoded.
 */
function checkPdf(content: Buffer): void {
  const raw = content.toString('latin1');
  const refuse = (key: string): never =>
    invalid(`The PDF contains active content (/${key}); print it to a plain PDF or scan the paper instead.`, { mimeType: 'application/pdf', key });
  if (/\/Encrypt(?=[\s()<>[\]{}/%])/.test(raw)) refuse('Encrypt');
  const found = activeKey(raw);
  if (found) refuse(found);
  const streamStart = /(?<!end)stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streamStart.exec(raw))) {
    // The stream's own dictionary: from its object's "N G obj" to the stream keyword.
    const objStart = raw.lastIndexOf('obj', m.index);
    const dict = objStart >= 0 ? raw.slice(objStart, m.index) : '';
    if (!/\/Type\s*\/ObjStm/.test(dict)) continue;
    const end = raw.indexOf('endstream', m.index + m[0].length);
    if (end < 0) refuse('ObjStm');
    const filters = [...dict.matchAll(/\/(\w+Decode)\b/g)].map((f) => f[1]);
    if (filters.length !== 1 || filters[0] !== 'FlateDecode' || /\/DecodeParms/.test(dict)) refuse('ObjStm');
    let inflated: Buffer;
    try {
      inflated = inflateSync(content.subarray(m.index + m[0].length, end), { maxOutputLength: MAX_INFLATED_BYTES });
    } catch {
      return refuse('ObjStm');
    }
    const inner = activeKey(inflated.toString('latin1'));
    if (inner) refuse(inner);
    streamStart.lastIndex = end + 'endstream'.length;
  }
}
