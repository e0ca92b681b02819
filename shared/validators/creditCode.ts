// Unified social credit code, GB 32100-2015: registration department (1), institution type (1),
// region code (6, GB/T 2260), organization code (9, GB 11714), check character (1), over an
// alphabet of 31 characters that leaves out I, O, Z, S and V (easily confused with 1, 0, 2, 5, U).

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

export type CreditCodeErrorCode = 'CC_EMPTY' | 'CC_LENGTH' | 'CC_CHARS' | 'CC_CHECK_CHAR';
export type CreditCodeWarningCode = 'CC_CHECK_CHAR';

export interface CreditCodeInfo {
  /** Normalised: no spaces, upper case. */
  creditCode: string;
  registrationDept: string;
  institutionType: string;
  regionCode: string;
  organizationCode: string;
  /** Problems tolerated in platform mode; empty for a clean code. */
  warnings: { code: CreditCodeWarningCode; message: string }[];
}

export type CreditCodeResult =
  | { ok: true; value: CreditCodeInfo }
  | { ok: false; code: CreditCodeErrorCode; message: string; position?: number };

export interface CreditCodeOptions {
  /**
   * 'manual': typed by staff, a bad check character blocks. 'platform': the record came from the
   * credit platform; some early pilot codes were issued with a check character that fails the
   * algorithm, and refusing them would drop real registrations, so it is only a warning.
   */
  mode: 'manual' | 'platform';
}

/** The check character for the first 17 characters; throws if one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('creditCodeCheckChar needs exactly 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i] ?? '');
    if (value < 0) throw new RangeError(`Character ${i + 1} is not in the GB 32100 alphabet`);
    sum += value * (WEIGHTS[i] ?? 0);
  }
  const check = 31 - (sum % 31);
  return CREDIT_CODE_CHARSET[check === 31 ? 0 : check] ?? '';
}

export function normaliseCreditCode(raw: string): string {
  return raw.replace(/[\s\u3000]+/g, '').toUpperCase();
}

export function validateCreditCode(raw: string, options: CreditCodeOptions): CreditCodeResult {
  const code = normaliseCreditCode(raw);
  if (code.length === 0) return { ok: false, code: 'CC_EMPTY', message: 'No credit code given' };
  if (code.length !== 18) {
    return { ok: false, code: 'CC_LENGTH', message: `A unified social credit code has 18 characters, not ${code.length}` };
  }
  for (let i = 0; i < 18; i += 1) {
    const c = code[i] ?? '';
    if (!CREDIT_CODE_CHARSET.includes(c)) {
      const hint = 'IOZSV'.includes(c) ? ` (the letters I, O, Z, S and V are never used)` : '';
      return { ok: false, code: 'CC_CHARS', message: `Character ${i + 1} (${c}) is not allowed${hint}`, position: i + 1 };
    }
  }
  const warnings: CreditCodeInfo['warnings'] = [];
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) {
    const message = 'The check character does not match';
    if (options.mode === 'manual') {
      return { ok: false, code: 'CC_CHECK_CHAR', message: `${message}: a character was probably mistyped`, position: 18 };
    }
    warnings.push({ code: 'CC_CHECK_CHAR', message: `${message} (accepted from the platform: early pilot codes fail the check)` });
  }
  return {
    ok: true,
    value: {
      creditCode: code,
      registrationDept: code.slice(0, 1),
      institutionType: code.slice(1, 2),
      regionCode: code.slice(2, 8),
      organizationCode: code.slice(8, 17),
      warnings,
    },
  };
}
