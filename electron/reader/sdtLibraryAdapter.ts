import { baseMessageType, BASE_MESSAGE_BYTES } from './baseMessage';
import { cardFromCvrAnswer, securityModuleId } from './cvrAnswer';
import { throwFailure, type CodeTable } from './libraryFailure';
import { libraryRead } from './libraryRead';
import { readerError, type ReaderPort } from './readerPort';

// The SDT_* family (sdtapi.dll and the Linux builds of the same API), the "security module" API
// most second-generation readers ship (issue 25): SDT_OpenPort, SDT_StartFindIDCard,
// SDT_SelectIDCard, SDT_ReadBaseMsg, SDT_ClosePort. The text is the chip's own 256-byte UCS-2
// block (baseMessage.ts); the photo is the chip's 1024-byte WLT, which only the vendor's decoder
// turns into a BMP (libwlt2bmp's unpack). docs/id-card-reader.md says which codes are confirmed.

export interface LibraryAdapterOptions {
  library: string;
  port: number;
  timeoutMs: number;
  /** Given to the core at start-up (CREDITDESK_READER_LIBRARY_DIR); null: the loader's search path. */
  dir: string | null;
  /** The WLT decoder's file name; by default libwlt2bmp.so where one is known (not on Windows, see the docs). */
  decoder?: string | null;
}

export const DEFAULT_WLT_DECODER = process.platform === 'win32' ? null : 'libwlt2bmp.so';

// 0x01 port not open (no reader, or another program holds a serial port: the SDK does not tell them
// apart), 0x02 the reader did not answer in time, 0x03 transfer error, 0x80 no card found (also a
// card read before and not lifted since), 0x81 the card could not be selected (moved), 0x41 the
// read failed, 0x40 a card kind the module does not know, 0x31–0x33 the card or module failed
// authentication.
const NOT_OPEN = ['READER_NOT_CONNECTED'] as const;
const SDT_CODES: CodeTable = {
  SDT_OpenPort: { 0x01: NOT_OPEN, 0x02: ['READER_TIMEOUT'], 0x03: NOT_OPEN },
  SDT_StartFindIDCard: { 0x80: ['READER_NO_CARD'], 0x01: NOT_OPEN, 0x02: ['READER_TIMEOUT'], 0x03: NOT_OPEN },
  SDT_SelectIDCard: { 0x81: ['READER_NO_CARD', 'replace'], 0x01: NOT_OPEN, 0x02: ['READER_TIMEOUT'], 0x03: NOT_OPEN },
  SDT_ReadBaseMsg: {
    0x41: ['READER_CARD_UNREADABLE'],
    0x40: ['READER_CARD_UNREADABLE', 'unknown_card_type'],
    0x31: ['READER_CARD_UNREADABLE', 'authentication'],
    0x32: ['READER_CARD_UNREADABLE', 'authentication'],
    0x33: ['READER_CARD_UNREADABLE', 'authentication'],
    0x01: NOT_OPEN,
    0x02: ['READER_TIMEOUT'],
    0x03: NOT_OPEN,
  },
};

/** The BMP's own length from its header (the decoder's buffer is larger than some photos). */
function bmpBytes(buffer: Uint8Array): Uint8Array {
  if (buffer.length < 6 || buffer[0] !== 0x42 || buffer[1] !== 0x4d) return buffer;
  const size = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength).readUInt32LE(2);
  return size > 0 && size <= buffer.length ? buffer.subarray(0, size) : buffer;
}

export function sdtLibraryAdapter(options: LibraryAdapterOptions): ReaderPort {
  const job = { family: 'sdt' as const, library: options.library, decoder: options.decoder === undefined ? DEFAULT_WLT_DECODER : options.decoder, dir: options.dir, port: options.port };
  return {
    kind: 'sdt_lib',
    async read() {
      const raw = await libraryRead(job, options.timeoutMs);
      if (!('family' in raw)) return throwFailure(raw, SDT_CODES, options.library);
      if (raw.family !== 'sdt' || raw.text.length !== BASE_MESSAGE_BYTES) throw readerError('READER_CARD_UNREADABLE', 'SDT_ReadBaseMsg gave no 256-byte text block', { reason: 'field_missing' });
      const kind = baseMessageType(raw.text);
      // The foreigner's cards lay their block out otherwise; that layout is not confirmed here (docs).
      if (kind !== 'resident' && kind !== 'hmt_permit') throw readerError('READER_CARD_UNREADABLE', `The SDT library's text block of a ${kind ?? 'unknown'} card is not read by this console`, { reason: 'card_layout', kind });
      if ('problem' in raw.photo) {
        throw readerError('READER_PHOTO_CORRUPT', raw.photo.problem === 'no_decoder' ? `No WLT photo decoder (${job.decoder ?? 'none known on this platform'}) beside the reader's library` : 'The WLT photo decoder could not decode the photo', { reason: raw.photo.problem });
      }
      const card = cardFromCvrAnswer({ baseInfo: Buffer.from(raw.text).toString('base64'), identityPic: Buffer.from(bmpBytes(raw.photo.bmp)).toString('base64') });
      return { card, securityModuleId: securityModuleId({ samID: raw.samId }) };
    },
  };
}
