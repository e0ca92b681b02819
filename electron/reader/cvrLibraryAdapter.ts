import type { CvrAnswer } from './cvrAnswer';
import { cardFromCvrAnswer, securityModuleId } from './cvrAnswer';
import { decodeGbk } from './cardText';
import { throwFailure, type CodeTable } from './libraryFailure';
import { libraryRead } from './libraryRead';
import { readerError, type ReaderPort } from './readerPort';
import type { LibraryAdapterOptions } from './sdtLibraryAdapter';

// The CVR_* family (Termb.dll of the CVR-100 readers and its Linux builds; issue 25):
// CVR_InitComm, CVR_Authenticate, CVR_Read_FPContent (or the older CVR_Read_Content), then one
// Get* call per field, GetBMPData for the photo the library itself decodes, CVR_CloseComm. The
// fields come in the system's ANSI code page, GBK on a Chinese Windows, decoded as GB 18030
// (cardText.ts) so that rare characters survive. docs/id-card-reader.md says what is confirmed.

// InitComm: 1 done, 2 the port could not be opened (no reader, or held by another program: the
// SDK does not tell them apart). Authenticate: 2 no card found (also a card read before and not
// lifted since), 3 the card could not be selected, 4 the reader is not connected. The reads: 0
// failed, 4 not connected, 99 the library's own exception.
const CVR_CODES: CodeTable = {
  CVR_InitComm: { 2: ['READER_NOT_CONNECTED'], 0: ['READER_SERVICE_DOWN', 'library_failed'] },
  CVR_Authenticate: { 2: ['READER_NO_CARD'], 3: ['READER_NO_CARD', 'replace'], 4: ['READER_NOT_CONNECTED'], 0: ['READER_SERVICE_DOWN', 'library_failed'] },
  CVR_Read_FPContent: { 0: ['READER_CARD_UNREADABLE'], 4: ['READER_NOT_CONNECTED'], 99: ['READER_CARD_UNREADABLE', 'library_exception'] },
  CVR_Read_Content: { 0: ['READER_CARD_UNREADABLE'], 4: ['READER_NOT_CONNECTED'], 99: ['READER_CARD_UNREADABLE', 'library_exception'] },
};

/** Some builds write dates as 1949年12月31日; the answer's reader wants the digits. */
const dateDigits = (v: string) => v.replace(/[年月日]/g, '');

export function cvrLibraryAdapter(options: LibraryAdapterOptions): ReaderPort {
  const job = { family: 'cvr' as const, library: options.library, decoder: null, dir: options.dir, port: options.port };
  return {
    kind: 'cvr_lib',
    async read() {
      const raw = await libraryRead(job, options.timeoutMs);
      if (!('family' in raw)) return throwFailure(raw, CVR_CODES, options.library);
      if (raw.family !== 'cvr') throw readerError('READER_CARD_UNREADABLE', 'The CVR library gave no fields', { reason: 'field_missing' });
      const f = (key: string) => (raw.fields[key] ? decodeGbk(raw.fields[key]).replaceAll('\u0000', '').trim() : '');
      const type = f('type');
      // A foreigner's card: GetPeopleName is the name in Latin letters, GetPeopleChineseName the
      // Chinese one where the card has it, GetNationCode the nationality (ISO 3166 alpha-3).
      const foreign = type === 'Y' || type === 'I';
      const answer: CvrAnswer = {
        certType: type,
        partyName: foreign ? f('chineseName') : f('name'),
        gender: f('sex'),
        nation: f('nation'),
        bornDay: dateDigits(f('birth')),
        certAddress: f('address'),
        certNumber: f('number'),
        certOrg: f('authority'),
        effDate: dateDigits(f('start')),
        expDate: dateDigits(f('end')),
        identityPic: Buffer.from(raw.photo).toString('base64'),
      };
      if (foreign) Object.assign(answer, { englishName: f('name'), nationality: f('nationCode') });
      return { card: cardFromCvrAnswer(answer), securityModuleId: securityModuleId({ samID: raw.samId }) };
    },
  };
}
