import { CARD_TYPES, VALIDITY_OPEN_END, type CardRead, type CardType } from '../../shared/domain/idCard';
import { ethnicityName } from '../../shared/domain/ethnicities';
import { parseBaseMessage } from './baseMessage';
import { photoFromBase64, checkCardPhoto } from './cardPhoto';
import { readerError, type ReaderErrorCode } from './readerPort';

// The answers of the CVR-100 family's local service (OpenDevice / readCard / CloseDevice), read
// the same way whether they came over HTTP or a WebSocket. Each answer is a JSON object with
// `resultFlag` (0 = done) and `errorMsg`; readCard's carries the card's fields, a base64 photo
// and a card-type field. docs/id-card-reader.md lists the fields and which are confirmed.

export type CvrAnswer = Record<string, unknown>;

// The service's failure codes, and the words of its errorMsg for versions that answer with
// another number: the message decides when the number is unknown.
const RESULT_CODES: Readonly<Record<number, ReaderErrorCode>> = {
  [-1]: 'READER_NOT_CONNECTED',
  [-2]: 'READER_NO_CARD',
  [-3]: 'READER_CARD_UNREADABLE',
  [-4]: 'READER_BUSY',
  [-5]: 'READER_TIMEOUT',
};
const MESSAGE_WORDS: ReadonlyArray<readonly [RegExp, ReaderErrorCode]> = [
  [/占用|忙|busy/i, 'READER_BUSY'],
  [/超时|timeout/i, 'READER_TIMEOUT'],
  [/未连接|未找到设备|打开设备|端口|no device|not connected/i, 'READER_NOT_CONNECTED'],
  [/放卡|寻卡|无卡|未找到卡|no card/i, 'READER_NO_CARD'],
  [/选卡|读卡失败|读取失败|read fail/i, 'READER_CARD_UNREADABLE'],
];

/** Throws the reader state an answer reports; returns when the answer says the step was done. */
export function requireDone(answer: CvrAnswer, step: string): void {
  const flag = Number(answer.resultFlag);
  if (flag === 0) return;
  const said = typeof answer.errorMsg === 'string' ? answer.errorMsg : '';
  const code = RESULT_CODES[flag] ?? MESSAGE_WORDS.find(([words]) => words.test(said))?.[1] ?? 'READER_CARD_UNREADABLE';
  // "放卡" (place the card again): the chip was read and the card not lifted since, which these
  // readers report like an empty reader; the sentence reminds to lift and re-place it either way.
  const details: Record<string, unknown> = { step, resultFlag: Number.isFinite(flag) ? flag : null };
  if (code === 'READER_NO_CARD' && /重新放|re-?place/i.test(said)) details.reason = 'replace';
  throw readerError(code, `The reader service answered ${step} with ${String(answer.resultFlag)} (${said})`, details);
}

function text(answer: CvrAnswer, key: string): string {
  const v = answer[key];
  return typeof v === 'string' ? v : '';
}

function unreadable(reason: string, field?: string): never {
  throw readerError('READER_CARD_UNREADABLE', `The reader's answer has no usable ${field ?? reason}`, field ? { reason, field } : { reason });
}

/** 'YYYYMMDD', 'YYYY.MM.DD' or 'YYYY-MM-DD' to 'YYYY-MM-DD'; the checks decide whether it is a real date. */
function cardDate(value: string, field: string): string {
  const digits = value.replace(/[.\-/\s]/g, '');
  if (!/^\d{8}$/.test(digits)) return unreadable('field_missing', field);
  return `${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6, 8)}`;
}

function cardSex(value: string): 'M' | 'F' {
  const v = value.trim();
  if (v === '男' || v === '1' || v === 'M' || v === '男/M') return 'M';
  if (v === '女' || v === '2' || v === 'F' || v === '女/F') return 'F';
  return unreadable('field_missing', 'sex');
}

/** The card-type field: blank for a resident card, J, I or Y for the others (some versions send the numbers 0–3). */
export function cvrCardType(value: unknown): CardType {
  const v = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (v === '' || v === '0') return 'resident';
  if (v === 'J' || v === '2') return 'hmt_permit';
  // I: the 2017 form; its 15-character number is then refused by name by the checks.
  if (v === 'Y' || v === 'I' || v === '1' || v === '3') return 'foreign_permanent';
  if ((CARD_TYPES as readonly string[]).includes(v.toLowerCase())) return v.toLowerCase() as CardType;
  return unreadable('unknown_card_type');
}

/**
 * The card as readCard's answer gives it. Where the answer carries the chip's own text block
 * (`baseInfo`, base64 UCS-2), the text fields come from it; else from the service's fields.
 */
export function cardFromCvrAnswer(answer: CvrAnswer): CardRead {
  const photo = checkCardPhoto(photoFromBase64(answer.identityPic)).bytes;
  const raw = text(answer, 'baseInfo');
  if (raw !== '') {
    const block = parseBaseMessage(new Uint8Array(Buffer.from(raw, 'base64')));
    if (block) {
      return {
        type: block.type,
        number: block.number,
        name: block.name,
        sex: cardSex(block.sexCode),
        ethnicity: block.ethnicity,
        birthDate: cardDate(block.birth, 'birthDate'),
        address: block.address,
        issuingAuthority: block.issuingAuthority,
        validFrom: cardDate(block.validFrom, 'validFrom'),
        validTo: block.validTo.trim() === VALIDITY_OPEN_END ? null : cardDate(block.validTo, 'validTo'),
        photo,
      };
    }
  }
  const type = cvrCardType(answer.certType);
  const number = text(answer, 'certNumber');
  if (number.trim() === '') unreadable('field_missing', 'number');
  const nation = text(answer, 'nation').trim();
  const latin = text(answer, 'englishName').trim();
  const name = text(answer, 'partyName').trim() || latin;
  const expires = text(answer, 'expDate').trim();
  const card: CardRead = {
    type,
    number,
    name,
    sex: cardSex(text(answer, 'gender')),
    ethnicity: type === 'foreign_permanent' ? text(answer, 'nationality').trim() : (ethnicityName(nation) ?? nation),
    birthDate: cardDate(text(answer, 'bornDay'), 'birthDate'),
    address: text(answer, 'certAddress'),
    issuingAuthority: text(answer, 'certOrg'),
    validFrom: cardDate(text(answer, 'effDate'), 'validFrom'),
    validTo: expires === VALIDITY_OPEN_END ? null : cardDate(expires, 'validTo'),
    photo,
  };
  if (latin !== '') card.nameLatin = latin;
  return card;
}

/** The security module id, where the service tells it (OpenDevice's or readCard's `samID`). */
export function securityModuleId(...answers: CvrAnswer[]): string | null {
  for (const a of answers) {
    const id = text(a, 'samID').trim();
    if (/^[\w.-]{1,64}$/.test(id)) return id;
  }
  return null;
}
