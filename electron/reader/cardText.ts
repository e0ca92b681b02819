import iconv from 'iconv-lite';

// The chip holds its text as UCS-2 (UTF-16 little-endian); some vendor services hand it over as
// GBK instead, raw or as the charset of their whole answer (docs/id-card-reader.md). GBK text is
// decoded as GB 18030, its superset: a rare character (生僻字) outside GBK's 21,886 arrives as a
// four-byte GB 18030 sequence from services that say "GBK", and a GBK decoder would turn it into
// U+FFFD. iconv-lite is plain JavaScript, so the same tables decode under Node and in Electron's
// main process whatever ICU data the binary was built with (docs/dependencies.md).

export type CardCharset = 'ucs2' | 'gbk' | 'utf8';

/** UCS-2 little-endian as the chip stores it; a surrogate pair (a character beyond U+FFFF) is kept whole. */
export function decodeUcs2(bytes: Uint8Array): string {
  const even = bytes.length % 2 === 0 ? bytes : bytes.subarray(0, bytes.length - 1);
  return new TextDecoder('utf-16le').decode(even);
}

export function decodeGbk(bytes: Uint8Array): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
}

export function decodeCardText(bytes: Uint8Array, charset: CardCharset): string {
  if (charset === 'ucs2') return decodeUcs2(bytes);
  if (charset === 'gbk') return decodeGbk(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * The charset of a service's answer from its Content-Type. A service that names none is read as
 * UTF-8 when the bytes are valid UTF-8 and as GBK otherwise: Chinese GBK text is practically never
 * valid UTF-8, and the vendor services that omit the charset are the GBK ones.
 */
export function bodyCharset(contentType: string | undefined, body: Uint8Array): CardCharset {
  const named = /charset\s*=\s*"?([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
  if (named === 'gbk' || named === 'gb2312' || named === 'gb18030' || named === 'cp936') return 'gbk';
  if (named === 'utf-16le' || named === 'ucs-2' || named === 'utf-16') return 'ucs2';
  if (named !== undefined) return 'utf8';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(body);
    return 'utf8';
  } catch {
    return 'gbk';
  }
}
