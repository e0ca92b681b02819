import assert from 'node:assert/strict';

// The language rule for a refusal's two sentences (issue 29, item 11: Chinese refusals carried
// English detail). A Chinese sentence holds no Latin word except tokens a clerk cannot translate
// and IT staff must find as written:
//   - anything quoted (“category”, "schema"): field names, values and names taken from the file;
//   - file names (subjects.jsonl, trust.json, *.cdbundle);
//   - tokens with a digit in them (370306-02, X1, 0x4, SHA-256, UTF-8, ed25519, offsets and counts);
//   - codes, acronyms and letters in capitals (BUNDLE_SEQUENCE_GAP, JSON, PEM, EIO, a fingerprint's
//     hex groups, the X of an ID number, U 盘);
//   - the staff command line's name and words ("creditdesk sync import").
// An English sentence holds no Han character and no full-width punctuation, except inside quotes
// and in proper names the caller names (an office's name, a subject's name from the file).
const QUOTED = /“[^”]*”|"[^"]*"/g;
const FILE_NAME = /[\w.-]+\.(?:jsonl|json|cdbundle|pem)\b/g;
const WITH_DIGIT = /[A-Za-z0-9._:+\-/…]*\d[A-Za-z0-9._:+\-/…]*/g;
const CAPITALS = /\b[A-Z][A-Z0-9_]*\b/g;
const COMMAND = /\bcreditdesk(?: [a-z][a-z-]*)*/g;
const HAN = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/** What is left of a Chinese sentence once the allowed tokens are taken out. */
export function latinLeftIn(zh: string): string[] {
  const rest = zh.replace(QUOTED, ' ').replace(FILE_NAME, ' ').replace(COMMAND, ' ').replace(WITH_DIGIT, ' ').replace(CAPITALS, ' ');
  return rest.match(/[A-Za-z]+/g) ?? [];
}

/** Han characters or full-width punctuation left in an English sentence. */
export function hanLeftIn(en: string, properNames: readonly string[] = []): string[] {
  let rest = en.replace(QUOTED, ' ');
  for (const name of properNames) if (name) rest = rest.split(name).join(' ');
  return [...rest].filter((c) => HAN.test(c));
}

export function assertRefusalLanguage(r: { code: string; zh: string; en: string }, properNames: readonly string[] = []): void {
  assert.ok(r.zh.length > 0 && r.en.length > 0, `${r.code}: both sentences`);
  assert.match(r.zh, /\p{Script=Han}/u, `${r.code}: the Chinese sentence is Chinese: ${r.zh}`);
  assert.deepEqual(latinLeftIn(r.zh), [], `${r.code}: English words in the Chinese sentence: ${r.zh}`);
  assert.deepEqual(hanLeftIn(r.en, properNames), [], `${r.code}: Chinese in the English sentence: ${r.en}`);
}

/** Codes whose sentence is built around a detail code (electron/sync/bundle/refusalDetails.ts). */
const DETAILED = new Set(['BUNDLE_HEADER_MALFORMED', 'BUNDLE_KEYRING_MALFORMED', 'BUNDLE_MANIFEST_MALFORMED', 'BUNDLE_JSON_INVALID', 'SYNC_CONTENT_INVALID']);

/**
 * A sync refusal as raised (code, parameters, both sentences): the language rule, and a detail
 * named by its code, never by a sentence (which could only be in one language).
 */
export function assertSyncRefusalLanguage(r: { code: string; params: Record<string, string | number>; zh: string; en: string }, isDetailCode: (v: unknown) => boolean): void {
  if (DETAILED.has(r.code)) assert.ok(isDetailCode(r.params.detail), `${r.code}: the detail is a code, not ${JSON.stringify(r.params.detail)}`);
  const names = Object.entries(r.params).filter(([k]) => /name$/i.test(k) && k !== 'name').map(([, v]) => String(v));
  assertRefusalLanguage(r, names);
}
