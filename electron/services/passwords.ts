import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../shared/errors';

// scrypt with a per-user salt; parameters are stored with the hash so they can be raised later
// without invalidating existing accounts.
const PARAMS = { N: 16384, r: 8, p: 1, keylen: 32 };

function derive(password: string, salt: Buffer, o: { N: number; r: number; p: number; keylen: number }): Promise<Buffer> {
  const options: ScryptOptions = { N: o.N, r: o.r, p: o.p, maxmem: 64 * 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(password.normalize('NFC'), salt, o.keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return ['scrypt', PARAMS.N, PARAMS.r, PARAMS.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p), keylen: expected.length });
  return timingSafeEqual(actual, expected);
}

// The commonest staff passwords that would pass the length and mix rules, and the words people
// pad with digits ("Password2026!"). Short on purpose: the rule is "not what an attacker tries
// first", not a dictionary. Compared in lower case, letters only for the stems.
const COMMON_PASSWORDS = new Set([
  'password123', 'password1234', 'passw0rd123', 'p@ssw0rd123', 'qwerty123456', 'qwertyuiop1', '1qaz2wsx3edc', '1q2w3e4r5t',
  'q1w2e3r4t5', 'a123456789', 'a1234567890', 'aa123456789', 'qq123456789', 'abc123456789', 'abcd123456', 'abcd1234567',
  'abcdefg123', 'asdf123456', 'asd123456789', 'zxcvbnm123', 'woaini1314', 'woaini520', '5201314abc', 'iloveyou123',
  'admin123456', 'admin12345', 'root123456', 'test123456', 'welcome123', 'changeme123', 'letmein123', 'qazwsx123456',
]);
const COMMON_STEMS = new Set(['password', 'passw', 'pass', 'qwerty', 'qwertyuiop', 'admin', 'administrator', 'abc', 'abcd', 'abcdef', 'abcdefg', 'asdf', 'asdfgh', 'zxcvbnm', 'qazwsx', 'iloveyou', 'woaini', 'welcome', 'changeme', 'letmein', 'creditdesk', 'test', 'root', 'user', 'a', 'aa', 'qq', 'q', 'x']);

export type PasswordProblem = 'too_short' | 'needs_letters_and_digits' | 'contains_username' | 'common';

/** Why a password is refused, or null. The username rule: equal, or containing it (3+ characters). */
export function passwordProblem(password: string, username: string | null): PasswordProblem | null {
  if (password.length < 10) return 'too_short';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'needs_letters_and_digits';
  const lower = password.toLowerCase();
  const user = (username ?? '').trim().toLowerCase();
  if (user && (lower === user || (user.length >= 3 && lower.includes(user)))) return 'contains_username';
  const letters = lower.replace(/[^a-z]/g, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_STEMS.has(letters)) {
    return 'common';
  }
  return null;
}

const PROBLEM_SENTENCE: Record<PasswordProblem, string> = {
  too_short: 'The password needs at least 10 characters.',
  needs_letters_and_digits: 'The password needs both letters and digits.',
  contains_username: 'The password must not be or contain the user name.',
  common: 'This password is among the first ones an attacker tries; choose a less common one.',
};

/** At least 10 characters mixing letters and digits, not the user name, not a common one. */
export function assertPasswordStrength(password: string, username: string | null): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('WEAK_PASSWORD', PROBLEM_SENTENCE[problem], { reason: problem });
}
