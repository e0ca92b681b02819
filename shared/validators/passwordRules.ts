// The staff password rule, shared so the accounts screen explains a refusal before it is sent
// and the core enforces the same rule (one source of truth).

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

