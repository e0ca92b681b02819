import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { passwordProblem, type PasswordProblem } from '../../../shared/validators/passwordRules';

export { passwordProblem };

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
