// Display de-identification (PIPL art. 51; GB/T 35273-2020 §7.2 display restriction): staff
// screens show partial values unless a role reveals the full one, and the reveal is logged.
// How much stays visible is a project default kept in the rule profile, not a legal constant.

export interface KeepEnds {
  keepStart: number;
  keepEnd: number;
}

export interface NameMasking {
  /** Keep 欧阳 in 欧阳娜娜 rather than only 欧. */
  compoundSurnames: boolean;
  /** null: one mask character per hidden character; a number hides the length too. */
  fixedMaskLength: number | null;
}

export interface MaskingOptions {
  maskChar: string;
  idNumber: KeepEnds;
  creditCode: KeepEnds;
  phone: KeepEnds;
  name: NameMasking;
}

export const DEFAULT_MASKING: MaskingOptions = {
  maskChar: '*',
  idNumber: { keepStart: 6, keepEnd: 4 },
  creditCode: { keepStart: 6, keepEnd: 4 },
  phone: { keepStart: 3, keepEnd: 4 },
  name: { compoundSurnames: true, fixedMaskLength: null },
};

/** Two-character surnames still in use (百家姓 复姓 and common modern ones). */
export const COMPOUND_SURNAMES: ReadonlySet<string> = new Set([
  '欧阳', '司马', '诸葛', '上官', '东方', '皇甫', '尉迟', '公孙', '慕容', '长孙', '令狐', '宇文',
  '夏侯', '端木', '澹台', '轩辕', '司徒', '司空', '西门', '南宫', '独孤', '申屠', '公冶', '太史',
  '闻人', '钟离', '赫连', '万俟', '濮阳', '淳于', '单于', '呼延', '百里', '东郭', '拓跋', '完颜',
  '宗政', '公羊', '微生', '羊舌', '仲孙', '叔孙', '第五', '梁丘', '左丘', '东门', '谷梁', '乐正',
  '漆雕', '壤驷', '公良', '巫马', '子车', '颛孙', '亓官', '司寇', '鲜于', '闾丘', '段干',
]);

/**
 * Keeps `keepStart` leading and `keepEnd` trailing characters. A value too short for that (it
 * would be shown in full) keeps less, so that at least half of it is hidden.
 */
export function maskMiddle(value: string, keep: KeepEnds, maskChar = DEFAULT_MASKING.maskChar): string {
  const chars = Array.from(value);
  let { keepStart, keepEnd } = keep;
  if (keepStart + keepEnd >= chars.length) {
    const budget = Math.floor(chars.length / 2);
    keepStart = Math.min(keepStart, Math.ceil(budget / 2));
    keepEnd = Math.min(keepEnd, budget - keepStart);
  }
  const hidden = chars.length - keepStart - keepEnd;
  return chars.slice(0, keepStart).join('') + maskChar.repeat(hidden) + chars.slice(chars.length - keepEnd).join('');
}

export function maskIdNumber(idNumber: string, options: MaskingOptions = DEFAULT_MASKING): string {
  return maskMiddle(idNumber.trim(), options.idNumber, options.maskChar);
}

export function maskCreditCode(code: string, options: MaskingOptions = DEFAULT_MASKING): string {
  return maskMiddle(code.trim(), options.creditCode, options.maskChar);
}

/** Works on the digits only, so '+86 138-1234-5678' becomes '138****5678'. */
export function maskPhone(phone: string, options: MaskingOptions = DEFAULT_MASKING): string {
  let digits = phone.replace(/\D/g, '');
  if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return maskMiddle(digits, options.phone, options.maskChar);
}

const HAN = /\p{Script=Han}/u;

/**
 * Chinese names keep the surname (张三 → 张*, 欧阳娜娜 → 欧阳**); a two-character name is never
 * read as a compound surname, since the given name would then be empty. Names with a middle dot
 * (transliterated minority or foreign names, 阿沛·阿旺晋美) keep the first character and the dots.
 * Latin names keep the initial of each word (John Smith → J*** S****).
 */
export function maskName(name: string, options: MaskingOptions = DEFAULT_MASKING): string {
  const trimmed = name.trim();
  const chars = Array.from(trimmed);
  const mask = options.maskChar;
  const first = chars[0];
  if (first === undefined) return '';
  if (!HAN.test(first)) {
    return trimmed.replace(/\p{L}[\p{L}\p{M}]*/gu, (word) => {
      const letters = Array.from(word);
      return (letters[0] ?? '') + mask.repeat(letters.length - 1);
    });
  }
  if (/[·•・.]/.test(trimmed)) {
    return chars.map((c, i) => (i === 0 || /[·•・.]/.test(c) ? c : mask)).join('');
  }
  const surnameLength =
    options.name.compoundSurnames && chars.length >= 3 && COMPOUND_SURNAMES.has(chars.slice(0, 2).join('')) ? 2 : 1;
  const hidden = Math.max(chars.length - surnameLength, 1);
  const surname = chars.length === 1 ? '' : chars.slice(0, surnameLength).join('');
  return surname + mask.repeat(options.name.fixedMaskLength ?? hidden);
}
