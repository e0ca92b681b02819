import { imageHeaderSize, type ImageSize } from '../../images/imageHeader';
import { refuseAttachment } from './attachmentRefusal';

// Issue 29, item 6: the pixel cap is checked from the image's header, before anything is decoded
// (a 186 KB PNG can claim 7000 × 7000 pixels and take seconds and hundreds of MB to decode).
// 18 million pixels: an A3 page scanned at 300 dpi is 3508 × 4961 = 17.4 MP (an A4 page 8.7 MP),
// and a scanner's A3 bed often takes a little more than the page (11.7 × 17 in = 3508 × 5100 =
// 17.9 MP), so 18 MP takes any scan at 300 dpi up to A3 and nothing much larger. Decoded as RGBA
// that is 72 MB, which the attachment worker holds easily.
export const MAX_PIXELS = 18_000_000;

export type { ImageSize };

const unreadable = (mimeType: string): never =>
  refuseAttachment('image_unreadable', `The file is not a readable ${mimeType === 'image/png' ? 'PNG' : 'JPEG'} image; scan it again.`, { mimeType });

/** Width and height as the image's header states them; an image without one is refused. */
export function imageSize(mimeType: 'image/png' | 'image/jpeg', content: Buffer): ImageSize {
  return imageHeaderSize(mimeType, content) ?? unreadable(mimeType);
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
