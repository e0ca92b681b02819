// An image's size read from its header, before anything is decoded: for uploads (the pixel cap,
// services/attachments/imageDimensions.ts) and the card reader's photo alike, so it knows neither.

export interface ImageSize {
  width: number;
  height: number;
}

/** Width and height as the image's header states them (PNG IHDR, JPEG start of frame); null when there is no such header. */
export function imageHeaderSize(mimeType: 'image/png' | 'image/jpeg', content: Buffer): ImageSize | null {
  if (mimeType === 'image/png') {
    // IHDR is the first chunk: width and height at bytes 16..24.
    if (content.length < 24 || content.toString('latin1', 12, 16) !== 'IHDR') return null;
    return { width: content.readUInt32BE(16), height: content.readUInt32BE(20) };
  }
  // JPEG: segments FF xx with a 2-byte length after SOI, up to the first start of frame
  // (SOF0–SOF15 except DHT C4, JPG C8 and DAC CC), whose height and width follow its precision byte.
  let pos = 2;
  while (pos + 9 <= content.length) {
    if (content[pos] !== 0xff) return null;
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
  return null;
}
