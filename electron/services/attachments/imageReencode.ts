import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { refuseAttachment } from './attachmentRefusal';
import { MAX_PIXELS } from './imageDimensions';

// An uploaded image is decoded and encoded again, so only pixels survive: no metadata chunks, no
// comment segments, no script or archive appended after the image data. Runs in the attachment
// worker; the pixel cap was checked from the header before it started.

const unreadable = (mimeType: string, err: unknown): never =>
  refuseAttachment('image_unreadable', `The file is not a readable ${mimeType === 'image/png' ? 'PNG' : 'JPEG'} image; scan it again.`, {
    mimeType,
    why: err instanceof Error ? err.message : String(err),
  });

export function reencodeImage(mimeType: 'image/png' | 'image/jpeg', content: Buffer): Buffer {
  return mimeType === 'image/png' ? reencodePng(content) : reencodeJpeg(content);
}

function reencodePng(content: Buffer): Buffer {
  let png: PNG;
  try {
    png = PNG.sync.read(throughIend(content));
  } catch (err) {
    return unreadable('image/png', err);
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
  return unreadable('image/png', 'no end chunk');
}

function reencodeJpeg(content: Buffer): Buffer {
  let image: { width: number; height: number; data: Uint8Array };
  try {
    image = jpeg.decode(content, { useTArray: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 512, formatAsRGBA: true });
  } catch (err) {
    return unreadable('image/jpeg', err);
  }
  if (!(image.width > 0 && image.height > 0)) unreadable('image/jpeg', 'no pixels');
  return Buffer.from(jpeg.encode({ data: image.data, width: image.width, height: image.height }, 90).data);
}
