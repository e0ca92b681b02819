import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { idCheckChar, PROVINCE_PREFIXES, validateIdNumber } from '../../../shared/validators/idNumber';
import { checkIdNumberPartial } from '../../../shared/validators/idNumberPartial';

const today = new Date('2026-11-21T02:00:00Z');

test('GB/T 2260 address code: 000000 and 999999 are refused, an unknown province is refused, an abandoned county code (362324) is accepted', () => {
  const withCheck = (first17: string) => first17 + idCheckChar(first17);
  for (const bad of ['00000019900101001', '99999919900101001', '10010519900101001', '11000019900101001', '81010519940823002']) {
    const r = validateIdNumber(withCheck(bad), today);
    assert.ok(!r.ok && r.code === 'ID_ADDRESS', bad);
  }
  assert.ok(validateIdNumber(withCheck('36232419700101001'), today).ok, '362324, once 丰城县, still valid for life');
  assert.ok(validateIdNumber('810000199408230021', today).ok, 'Hong Kong residents’ residence permit (2018)');
  assert.ok(validateIdNumber('11010519491231002X', today).ok);
  const typed = checkIdNumberPartial('00', today);
  assert.ok(!typed.ok && typed.code === 'ID_ADDRESS' && typed.position === 1, 'flagged as soon as the province is typed');
});

test('domain-rules "Address code": full-width digits and Ｘ from a Chinese input method are normalised, not refused', () => {
  const r = validateIdNumber('１１０１０５１９４９１２３１００２Ｘ', today);
  assert.ok(r.ok);
  assert.equal(r.value.idNumber, '11010519491231002X');
  assert.ok(validateIdNumber('１１０１０５１９４９１２３１００２ｘ', today).ok);
  const partial = checkIdNumberPartial('１１０１０５１９４９', today);
  assert.ok(partial.ok && !partial.complete);
});

test('GB 11643-1999: a 15-digit legacy number gets the legacy message while typing, not "birth date does not exist"', () => {
  const r = checkIdNumberPartial('110105491231002', today);
  assert.ok(!r.ok);
  assert.equal(r.code, 'ID_LEGACY_15');
  // A 15-digit prefix of a real 18-digit number is still "so far ok".
  const prefix = checkIdNumberPartial('110105194912310', today);
  assert.ok(prefix.ok && !prefix.complete);
});

test('GB 11643-1999 "not in the future": the office clock decides, not the machine clock', () => {
  const id = '110105' + '20261122' + '001';
  const full = id + idCheckChar(id);
  assert.ok(!validateIdNumber(full, new Date('2026-11-21T02:00:00Z')).ok, 'born tomorrow by the office clock');
  assert.ok(validateIdNumber(full, new Date('2026-11-22T02:00:00Z')).ok, 'born today by the office clock');
  // Midnight in China: 2026-11-21T16:00Z is already 22 November there.
  assert.ok(validateIdNumber(full, new Date('2026-11-21T16:00:00Z')).ok);
  assert.ok(validateIdNumber(full, null).ok, 'the contract (no clock) leaves the future check to the service');
});

// Property tests (fast-check): every generated valid number passes; every single-character change fails.
const PROVINCES = [...PROVINCE_PREFIXES].filter((p) => !['81', '82', '83'].includes(p));
const validNumber = fc
  .record({
    province: fc.constantFrom(...PROVINCES),
    rest: fc.integer({ min: 101, max: 9999 }),
    birth: fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2026-11-20T00:00:00Z'), noInvalidDate: true }),
    order: fc.integer({ min: 0, max: 999 }),
  })
  .map(({ province, rest, birth, order }) => {
    const first17 = province + String(rest).padStart(4, '0') + birth.toISOString().slice(0, 10).replaceAll('-', '') + String(order).padStart(3, '0');
    return first17 + idCheckChar(first17);
  });

test('property (GB 11643-1999): every generated valid number passes', () => {
  fc.assert(fc.property(validNumber, (id) => validateIdNumber(id, today).ok), { numRuns: 2000 });
});

test('property (ISO 7064 MOD 11-2): every single-character change of a valid number fails', () => {
  const ALPHABET = '0123456789X';
  fc.assert(
    fc.property(validNumber, fc.integer({ min: 0, max: 17 }), fc.integer({ min: 1, max: 10 }), (id, pos, shift) => {
      const from = ALPHABET.indexOf(id[pos]!);
      const alphabet = pos === 17 ? ALPHABET : ALPHABET.slice(0, 10);
      const replacement = alphabet[(from + shift) % alphabet.length]!;
      fc.pre(replacement !== id[pos]);
      const changed = id.slice(0, pos) + replacement + id.slice(pos + 1);
      return !validateIdNumber(changed, today).ok;
    }),
    { numRuns: 3000 },
  );
});
