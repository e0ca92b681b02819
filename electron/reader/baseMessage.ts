import type { CardType } from '../../shared/domain/idCard';
import { ethnicityName } from '../../shared/domain/ethnicities';
import { decodeUcs2 } from './cardText';

// The chip's 256-byte text block (the "base message" SDT_ReadBaseMsg returns, GA 467), UCS-2
// little-endian, each field a fixed width padded with spaces. Some vendor services pass it on as
// base64 beside (or instead of) their own decoded fields; reading it ourselves keeps the chip's
// own text, rare characters included, whatever the service's charset (docs/id-card-reader.md).
// The card kind is the character at byte 248: space for a resident card, 'J' for a Hong Kong,
// Macao or Taiwan residence permit, 'I' for the 2017 foreigner's card, 'Y' for the 2023 one.

export const BASE_MESSAGE_BYTES = 256;

export interface BaseMessageFields {
  type: CardType;
  name: string;
  /** GB/T 2261.1 code: '1' male, '2' female. */
  sexCode: string;
  ethnicity: string;
  /** YYYYMMDD. */
  birth: string;
  address: string;
  number: string;
  issuingAuthority: string;
  validFrom: string;
  validTo: string;
}

// [field, width in bytes] in chip order; the resident card and the residence permit share the
// fields the counter uses (the permit keeps its pass number and issue count in the reserved part).
const LAYOUT: ReadonlyArray<readonly [keyof Omit<BaseMessageFields, 'type'> | null, number]> = [
  ['name', 30], ['sexCode', 2], ['ethnicity', 4], ['birth', 16], ['address', 70], ['number', 36],
  ['issuingAuthority', 30], ['validFrom', 16], ['validTo', 16],
];
const TYPE_OFFSET = 248;

/** The kind of card the block's type character names, or null for one this console does not read. */
export function baseMessageType(block: Uint8Array): CardType | 'foreign_2017' | null {
  const c = decodeUcs2(block.subarray(TYPE_OFFSET, TYPE_OFFSET + 2));
  if (c === ' ' || c === '\u0000') return 'resident';
  if (c === 'J') return 'hmt_permit';
  if (c === 'Y') return 'foreign_permanent';
  if (c === 'I') return 'foreign_2017';
  return null;
}

/**
 * The fields of a resident card's or residence permit's block; null when the block is not one
 * (wrong size, or a foreigner's card, whose block is laid out differently and whose fields are
 * then taken from the service's own answer).
 */
export function parseBaseMessage(block: Uint8Array): BaseMessageFields | null {
  if (block.length !== BASE_MESSAGE_BYTES) return null;
  const type = baseMessageType(block);
  if (type !== 'resident' && type !== 'hmt_permit') return null;
  const out: Partial<Record<keyof BaseMessageFields, string>> = {};
  let at = 0;
  for (const [field, width] of LAYOUT) {
    if (field) out[field] = decodeUcs2(block.subarray(at, at + width)).replaceAll('\u0000', ' ').trimEnd();
    at += width;
  }
  const code = out.ethnicity ?? '';
  return {
    type,
    name: out.name ?? '',
    sexCode: out.sexCode ?? '',
    // A permit has no ethnicity: its 4 bytes are reserved.
    ethnicity: type === 'resident' ? (ethnicityName(code) ?? code) : '',
    birth: out.birth ?? '',
    address: out.address ?? '',
    number: out.number ?? '',
    issuingAuthority: out.issuingAuthority ?? '',
    validFrom: out.validFrom ?? '',
    validTo: out.validTo ?? '',
  };
}
