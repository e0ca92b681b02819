import { AppError } from '../../shared/errors';

/** Deep enough for any contract input; deeper input is refused by the schema that follows anyway. */
const MAX_DEPTH = 32;
/** With the u flag a well-formed pair is one code point, so only a lone surrogate matches. */
const LONE_SURROGATE = /\p{Surrogate}/u;
const wellFormed = (s: string): boolean => !LONE_SURROGATE.test(s);

/**
 * Every string of a request must be well-formed Unicode before any schema reads it. A lone UTF-16
 * surrogate ("\ud800") has no UTF-8 form: SQLite would store U+FFFD while the audit MAC was computed
 * over the original, so what is hashed would not be what is stored, and one typed character would
 * break `audit verify` for good. Refused, not repaired: a clerk's form cannot produce one, so its
 * presence means a broken client or an attack. Returns the dotted paths of the offending strings.
 */
export function malformedTextPaths(value: unknown, path: string[] = [], out: string[] = []): string[] {
  if (typeof value === 'string') {
    if (!wellFormed(value)) out.push(path.join('.'));
  } else if (value && typeof value === 'object' && path.length < MAX_DEPTH) {
    for (const [key, v] of Object.entries(value)) {
      if (!wellFormed(key)) out.push([...path, '(key)'].join('.'));
      else malformedTextPaths(v, [...path, key], out);
    }
  }
  return out;
}

/** A VALIDATION error naming each field that holds text which is not well-formed Unicode. */
export function refuseMalformedText(input: unknown): void {
  const paths = malformedTextPaths(input);
  if (paths.length === 0) return;
  throw new AppError('VALIDATION', `Invalid input — ${paths[0] || 'the request'}: contains a character that is not valid text (an unpaired UTF-16 surrogate).`, {
    issues: paths.slice(0, 20).map((p) => ({ path: p, reason: 'malformed_text', message: 'unpaired UTF-16 surrogate' })),
  });
}
