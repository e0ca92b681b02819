import { validateForeignerIdNumber, type ForeignerIdErrorCode } from './foreignerIdNumber';
import { normaliseIdNumber, validateIdNumber, type IdErrorCode } from './idNumber';

// The number of a person at the counter, typed or read: a citizen number (GB 11643, which also
// covers the residence permits of Hong Kong, Macao and Taiwan residents, 81/82/83) or the 2023
// foreigner's permanent residence number, which starts with 9, a first digit no GB/T 2260
// province has. One function so the contract, the counter and the report tell them apart alike.

export type PersonIdKind = 'citizen' | 'foreign_permanent';

export interface PersonIdInfo {
  idNumber: string;
  kind: PersonIdKind;
  birthDate: string;
  /** null where the number says nothing the office trusts about sex (the foreigner's order code, unconfirmed). */
  gender: 'M' | 'F' | null;
  /** The address code of a citizen number; null for a foreigner's. */
  regionCode: string | null;
}

export type PersonIdResult = { ok: true; value: PersonIdInfo } | { ok: false; code: IdErrorCode | ForeignerIdErrorCode; message: string; position?: number };

export interface PersonIdOptions {
  /** The rule profile's choices for the foreigner's number (shared/rules/idCardRules.ts). */
  foreignCheckDigit: boolean;
  foreignSexFromOrderCode: boolean;
}

/** Whether a number (as typed so far) is read as a foreigner's permanent residence number. */
export function isForeignPermanentNumber(raw: string): boolean {
  return normaliseIdNumber(raw).startsWith('9');
}

/** `today`: the office clock; null skips only the "born in the future" check (the contract's schema). */
export function validatePersonIdNumber(raw: string, today: Date | null, options: PersonIdOptions): PersonIdResult {
  if (isForeignPermanentNumber(raw)) {
    const r = validateForeignerIdNumber(raw, today, { checkDigit: options.foreignCheckDigit });
    if (!r.ok) return r;
    const gender = options.foreignSexFromOrderCode ? r.value.orderParitySex : null;
    return { ok: true, value: { idNumber: r.value.idNumber, kind: 'foreign_permanent', birthDate: r.value.birthDate, gender, regionCode: null } };
  }
  const r = validateIdNumber(raw, today);
  if (!r.ok) return r;
  return { ok: true, value: { idNumber: r.value.idNumber, kind: 'citizen', birthDate: r.value.birthDate, gender: r.value.gender, regionCode: r.value.regionCode } };
}
