// What a card reader hands over (issue 25): the fields of the chip, already decoded to text by
// the adapter in the core. Nothing here has been checked yet; shared/idcard/checkCard.ts does that.

/**
 * The card kinds the second-generation readers read:
 * - resident: 居民身份证 (GB 11643 number, mainland address code);
 * - hmt_permit: 港澳台居民居住证 (2018; GB 11643 number with address code 810000/820000/830000);
 * - foreign_permanent: 外国人永久居留身份证, the 2023 form (18 characters, first character 9).
 */
export const CARD_TYPES = ['resident', 'hmt_permit', 'foreign_permanent'] as const;
export type CardType = (typeof CARD_TYPES)[number];

export interface CardRead {
  type: CardType;
  /** As the chip holds it; normalised (spaces, full-width digits, lower-case x) by the checks. */
  number: string;
  /** Chinese name; for a foreigner's card the Chinese name when there is one, else the English name. */
  name: string;
  /** A foreigner's card carries the name in Latin letters as well. */
  nameLatin?: string;
  sex: 'M' | 'F';
  /** Ethnicity (民族) on a resident card; nationality (国籍, ISO 3166 alpha-3) on a foreigner's card; '' on a permit. */
  ethnicity: string;
  /** YYYY-MM-DD as printed on the card. */
  birthDate: string;
  address: string;
  issuingAuthority: string;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** YYYY-MM-DD, or null for 长期 (a card without an end). */
  validTo: string | null;
  /** The photo as the reader's service decoded it (JPEG, BMP or PNG bytes); never stored by default. */
  photo: Uint8Array;
}

/** The one word the chip and the vendor services write for a card without an end date. */
export const VALIDITY_OPEN_END = '长期';
