import { chinaDate, isIsoDate } from '../calendar/dates';
import type { CardRead, CardType } from '../domain/idCard';
import type { IdCardRules } from '../rules/profile';
import { validateForeignerIdNumber } from '../validators/foreignerIdNumber';
import { validateIdNumber } from '../validators/idNumber';
import { normaliseCardName, trimCardText } from './cardName';

// The card itself is checked before anything on it is believed (issue 25): its number by the
// same validator as typed input, the birth date and sex printed on it against the number, and its
// validity period against today's date in China on the office clock.

export type CardInvalidReason =
  | 'type_not_accepted'
  | 'type_mismatch'
  | 'number_invalid'
  | 'birth_mismatch'
  | 'sex_mismatch'
  | 'name_missing'
  | 'date_invalid'
  | 'validity_reversed'
  | 'not_yet_valid';

export interface CheckedCard extends CardRead {
  /** True only where the profile accepts an expired card with the clerk's note. */
  expired: boolean;
}

export type CardCheckResult =
  | { ok: true; card: CheckedCard }
  | { ok: false; code: 'CARD_INVALID'; reason: CardInvalidReason; message: string; details: Record<string, string> }
  | { ok: false; code: 'CARD_EXPIRED'; message: string; details: { validTo: string; today: string; basisZh: string; basisEn: string } };

const PERMIT_PREFIXES = ['81', '82', '83'];

function invalid(reason: CardInvalidReason, message: string, details: Record<string, string> = {}): CardCheckResult {
  return { ok: false, code: 'CARD_INVALID', reason, message, details: { reason, ...details } };
}

interface NumberFacts {
  number: string;
  birthDate: string;
  /** null: the number says nothing the profile trusts about sex. */
  sex: 'M' | 'F' | null;
}

function checkNumber(type: CardType, raw: string, today: Date, rules: IdCardRules): NumberFacts | CardCheckResult {
  if (type === 'foreign_permanent') {
    const r = validateForeignerIdNumber(raw, today, { checkDigit: rules.foreignPermanent.checkDigit });
    if (!r.ok) return invalid('number_invalid', r.message, { numberReason: r.code });
    return { number: r.value.idNumber, birthDate: r.value.birthDate, sex: rules.foreignPermanent.sexFromOrderCode ? r.value.orderParitySex : null };
  }
  const r = validateIdNumber(raw, today);
  if (!r.ok) return invalid('number_invalid', r.message, { numberReason: r.code });
  // The number's address code and the card's type field must tell the same kind of card: a
  // permit number on a "resident" card (or the reverse) is a misread or a forged chip.
  const permitNumber = PERMIT_PREFIXES.includes(r.value.idNumber.slice(0, 2));
  if (permitNumber !== (type === 'hmt_permit')) {
    return invalid('type_mismatch', `The number ${permitNumber ? 'is' : 'is not'} a residence-permit number but the card says ${type}`, { cardType: type });
  }
  return { number: r.value.idNumber, birthDate: r.value.birthDate, sex: r.value.gender };
}

/**
 * Checks a card as read. `today` is the office clock (ctx.now()), never the machine's; the
 * expired-card decision is the profile's (idCardRules()).
 */
export function checkCard(read: CardRead, today: Date, rules: IdCardRules): CardCheckResult {
  if (!rules.acceptedTypes.includes(read.type)) {
    return invalid('type_not_accepted', `The office's rules do not accept a ${read.type} card`, { cardType: read.type });
  }
  const name = normaliseCardName(read.name);
  if (name === '') return invalid('name_missing', 'The card gave no name');
  const facts = checkNumber(read.type, read.number, today, rules);
  if ('ok' in facts) return facts;
  for (const field of ['birthDate', 'validFrom'] as const) {
    if (!isIsoDate(read[field])) return invalid('date_invalid', `The card's ${field} is not a real date`, { field });
  }
  if (read.validTo !== null && !isIsoDate(read.validTo)) return invalid('date_invalid', "The card's validTo is not a real date", { field: 'validTo' });
  if (read.birthDate !== facts.birthDate) {
    return invalid('birth_mismatch', `The card's birth date ${read.birthDate} differs from the number's ${facts.birthDate}`, { cardBirthDate: read.birthDate, numberBirthDate: facts.birthDate });
  }
  if (facts.sex !== null && read.sex !== facts.sex) {
    return invalid('sex_mismatch', `The card's sex ${read.sex} differs from the number's ${facts.sex}`, { cardSex: read.sex, numberSex: facts.sex });
  }
  if (read.validTo !== null && read.validTo < read.validFrom) {
    return invalid('validity_reversed', `The card's validity ends (${read.validTo}) before it starts (${read.validFrom})`, { validFrom: read.validFrom, validTo: read.validTo });
  }
  const todayIso = chinaDate(today);
  if (read.validFrom > todayIso) {
    return invalid('not_yet_valid', `The card is valid only from ${read.validFrom}`, { validFrom: read.validFrom, today: todayIso });
  }
  // The end date is the last day the card is valid (issue 25: end ≥ today's China date).
  const expired = read.validTo !== null && read.validTo < todayIso;
  if (expired && rules.expiredCard.policy === 'refuse') {
    return {
      ok: false,
      code: 'CARD_EXPIRED',
      message: `The card expired on ${read.validTo ?? ''}`,
      details: { validTo: read.validTo ?? '', today: todayIso, basisZh: rules.expiredCard.basis.zh, basisEn: rules.expiredCard.basis.en },
    };
  }
  const card: CheckedCard = {
    ...read,
    number: facts.number,
    name,
    ethnicity: trimCardText(read.ethnicity),
    address: trimCardText(read.address),
    issuingAuthority: trimCardText(read.issuingAuthority),
    expired,
  };
  if (read.nameLatin !== undefined) card.nameLatin = trimCardText(read.nameLatin);
  return { ok: true, card };
}
