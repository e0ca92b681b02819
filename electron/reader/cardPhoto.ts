import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { AppError } from '../../shared/errors';
import { imageHeaderSize } from '../images/imageHeader';

// The card's photo as the vendor service decoded it from the chip (the chip holds it in the
// vendors' own WLT compression; the services hand over a 102 × 126 BMP, or a JPEG or PNG). The
// clerk compares it with the face, so a photo that does not decode whole is refused as corrupt
// rather than shown half grey (issue 25). A real photo is about 38 KB as BMP; anything far larger
// is not a card photo and is refused before it is decoded.

export const MAX_PHOTO_BYTES = 256 * 1024;
const MAX_SIDE = 1024;

export type PhotoFormat = 'jpeg' | 'png' | 'bmp';

export interface CardPhoto {
  format: PhotoFormat;
  width: number;
  height: number;
  bytes: Uint8Array;
}

function corrupt(why: string): never {
  throw new AppError('READER_PHOTO_CORRUPT', `The card's photo is damaged: ${why}`, { reason: why });
}

/** Strict base64 (standard or URL alphabet, padding optional); anything else is corrupt. */
export function photoFromBase64(value: unknown): Uint8Array {
  if (typeof value !== 'string') return corrupt('missing');
  const text = value.replace(/^data:image\/[a-z]+;base64,/, '').replace(/\s+/g, '');
  if (text === '') return corrupt('missing');
  if (text.length > Math.ceil(MAX_PHOTO_BYTES / 3) * 4 || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(text) || text.length % 4 === 1) return corrupt('not_base64');
  return new Uint8Array(Buffer.from(text, text.includes('-') || text.includes('_') ? 'base64url' : 'base64'));
}

function checkSide(width: number, height: number): void {
  if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) corrupt('dimensions');
}

function checkBmp(b: Buffer): { width: number; height: number } {
  if (b.length < 54) return corrupt('truncated');
  const offset = b.readUInt32LE(10);
  const dibSize = b.readUInt32LE(14);
  if (dibSize < 40) return corrupt('bmp_header');
  const width = b.readInt32LE(18);
  const height = Math.abs(b.readInt32LE(22));
  const bpp = b.readUInt16LE(28);
  const compression = b.readUInt32LE(30);
  checkSide(width, height);
  if (![8, 24, 32].includes(bpp) || compression !== 0) return corrupt('bmp_format');
  const rowBytes = Math.ceil((width * bpp) / 32) * 4;
  if (offset < 14 + dibSize || offset + rowBytes * height > b.length) return corrupt('truncated');
  return { width, height };
}

/** Decodes the photo once to prove it is whole; returns its bytes unchanged with its format and size. */
export function checkCardPhoto(bytes: Uint8Array): CardPhoto {
  if (bytes.length === 0) return corrupt('missing');
  if (bytes.length > MAX_PHOTO_BYTES) return corrupt('too_large');
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b[0] === 0x42 && b[1] === 0x4d) return { format: 'bmp', ...checkBmp(b), bytes };
  const format: PhotoFormat | null = b[0] === 0xff && b[1] === 0xd8 ? 'jpeg' : b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) ? 'png' : null;
  if (format === null) return corrupt('unknown_format');
  const size = imageHeaderSize(format === 'png' ? 'image/png' : 'image/jpeg', b);
  if (!size) return corrupt('truncated');
  checkSide(size.width, size.height);
  try {
    if (format === 'png') PNG.sync.read(b);
    // jpeg-js fills a truncated scan with grey instead of failing; the end-of-image marker tells.
    else if (b[b.length - 2] !== 0xff || b[b.length - 1] !== 0xd9) return corrupt('truncated');
    else jpeg.decode(b, { maxResolutionInMP: 1, maxMemoryUsageInMB: 16, tolerantDecoding: false });
  } catch (err) {
    if (err instanceof AppError) throw err;
    return corrupt('undecodable');
  }
  return { format, ...size, bytes };
}
