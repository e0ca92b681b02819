import { refuseAttachment } from './attachmentRefusal';

// Issue 29, item 6: the pixel cap is checked from the image's header, before anything is decoded
// (a 186 KB PNG can claim 7000 × 7000 pixels and take seconds and hundreds of MB to decode).
// 18 million pixels: an A3 page scanned at 300 dpi is 3508 × 4961 = 17.4 MP (an A4 page 8.7 MP),
// and a scanner's A3 bed often takes a little more than the page (11.7 × 17 in = 3508 × 5100 =
// 17.9 MP), so 18 MP takes any scan at 300 dpi up to A3 and nothing much larger. Decoded as RGBA
// that is 72 MB, which the attachment worker holds easily.
export const MAX_PIXELS = 18_000_000;

export interface ImageSize {
  width: number;
  height: number;
}

const unreadable = (mimeType: string): never =>
  refuseAttachment('image_unreadable', `The file is not a readable ${mimeType === 'image/png' ? 'PNG' : 'JPEG'} image; scan it again.`, { mimeType });

/** Width and height as the image's header states them (PNG IHDR, JPEG start of frame). */
export function imageSize(mimeType: 'image/png' | 'image/jpeg', content: Buffer): ImageSize {
  if (mimeType === 'image/png') {
    // IHDR is the first chunk: width and height at bytes 16..24.
    if (content.length < 24 || content.toString('latin1', 12, 16) !== 'IHDR') return unreadable(mimeType);
    return { width: content.readUInt32BE(16), height: content.readUInt32BE(20) };
  }
  // JPEG: segments FF xx with a 2-byte length after SOI, up to the first start of frame
  // (SOF0–SOF15 except DHT C4, JPG C8 and DAC CC), whose height and width follow its precision byte.
  let pos = 2;
  while (pos + 9 <= content.length) {
    if (content[pos] !== 0xff) return unreadable(mimeType);
    const marker = content[pos + 1]!;
    if (marker === 0xff) {
      pos++;
      continue;
    }
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: content.readUInt16BE(pos + 5), width: content.readUInt16BE(pos + 7) };
    }
    if (marker === 0xda || marker === 0xd9) break;
    pos += 2 + content.readUInt16BE(pos + 2);
  }
  return unreadable(mimeType);
}

/** Refuses an image with more pixels than a 300-dpi A3 scan, naming its size. */
export function checkPixelCap(mimeType: 'image/png' | 'image/jpeg', content: Buffer): ImageSize {
  const size = imageSize(mimeType, content);
  if (size.width === 0 || size.height === 0) return unreadable(mimeType);
  if (size.width * size.height > MAX_PIXELS) {
    const megapixels = Math.round((size.width * size.height) / 1e5) / 10;
    refuseAttachment(
      'image_pixels',
      `The image is ${size.width} × ${size.height} pixels (${megapixels} megapixels), more than the ${MAX_PIXELS / 1e6} megapixels of an A3 page scanned at 300 dpi; scan at 300 dpi or less.`,
      { width: size.width, height: size.height, megapixels, maxMegapixels: MAX_PIXELS / 1e6 },
    );
  }
  return size;
}
