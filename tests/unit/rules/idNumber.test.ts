import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { idCheckChar, validateIdNumber } from '../../../shared/validators/idNumber';
import { checkIdNumberPartial } from '../../../shared/validators/idNumberPartial';

// Noon in Beijing on 2026-11-21; any instant that day must give the same answers.
const today = new Date('2026-11-21T04:00:00Z');

function codeOf(raw: string, at = today): string {
  const r = validateIdNumber(raw, at);
  return r.ok ? 'ok' : r.code;
}

describe('validateIdNumber (GB 11643-1999)', () => {
  it('accepts the vectors of the standard and decodes them', () => {
    assert.deepEqual(validateIdNumber('11010519491231002X', today), {
      ok: true,
      value: { idNumber: '11010519491231002X', regionCode: '110105', birthDate: '1949-12-31', gender: 'F' },
    });
    const r = validateIdNumber('440524188001010014', today);
    assert.ok(r.ok);
    assert.equal(r.value.birthDate, '1880-01-01');
    assert.equal(r.value.gender, 'M');
  });

  it('normalises a lowercase x and surrounding spaces', () => {
    const r = validateIdNumber(' 110105 19491231 002x ', today);
    assert.ok(r.ok);
    assert.equal(r.value.idNumber, '11010519491231002X');
  });

  it('computes the check character for generators', () => {
    assert.equal(idCheckChar('11010519491231002'), 'X');
    assert.equal(idCheckChar('44052418800101001'), '4');
    assert.throws(() => idCheckChar('1234'));
  });

  it('rejects each kind of bad input with its own code', () => {
    assert.equal(codeOf(''), 'ID_EMPTY');
    assert.equal(codeOf('   '), 'ID_EMPTY');
    assert.equal(codeOf('110105491231002'), 'ID_LEGACY_15');
    assert.equal(codeOf('11010519491231002'), 'ID_LENGTH');
    assert.equal(codeOf('1101051949123100XX'), 'ID_CHARS');
    assert.equal(codeOf('110105194912310021'), 'ID_CHECK_DIGIT');
    assert.equal(codeOf('110105' + '19490230' + '0021'), 'ID_BIRTH_DATE');
    assert.equal(codeOf('110105' + '19001301' + '0021'), 'ID_BIRTH_DATE');
    assert.equal(codeOf('110105' + '17991231' + '0021'), 'ID_BIRTH_DATE');
  });

  it('rejects a birth date after today in China, accepts today', () => {
    const born = (d: string) => `110105${d}002` + idCheckChar(`110105${d}002`);
    assert.equal(codeOf(born('20261122')), 'ID_BIRTH_FUTURE');
    assert.equal(codeOf(born('20261121')), 'ok');
    // 2026-11-20T17:00Z is already 11-21 in Beijing, whatever the machine's time zone.
    assert.equal(codeOf(born('20261121'), new Date('2026-11-20T17:00:00Z')), 'ok');
    assert.equal(codeOf(born('20261121'), new Date('2026-11-20T15:00:00Z')), 'ID_BIRTH_FUTURE');
  });

  it('explains a legacy 15-digit number', () => {
    const r = validateIdNumber('110105491231002', today);
    assert.ok(!r.ok);
    assert.match(r.message, /15-digit/);
  });
});

describe('checkIdNumberPartial (as typed)', () => {
  const partial = (raw: string) => {
    const r = checkIdNumberPartial(raw, today);
    return r.ok ? (r.complete ? 'complete' : 'so far ok') : r.code;
  };

  it('accepts plausible prefixes', () => {
    assert.equal(partial(''), 'so far ok');
    assert.equal(partial('1101051949'), 'so far ok');
    assert.equal(partial('11010519491231'), 'so far ok');
    assert.equal(partial('11010519491231002x'), 'complete');
  });

  it('flags an impossible birth date as soon as it is certain', () => {
    assert.equal(partial('1101053'), 'ID_BIRTH_DATE');
    assert.equal(partial('1101051949023'), 'ID_BIRTH_DATE');
    assert.equal(partial('11010519490230'), 'ID_BIRTH_DATE');
    assert.equal(partial('110105194913'), 'ID_BIRTH_DATE');
    assert.equal(partial('110105202612'), 'ID_BIRTH_FUTURE');
    assert.equal(partial('11010520261122'), 'ID_BIRTH_FUTURE');
  });

  it('flags a letter in the digits and a wrong final check character', () => {
    const r = checkIdNumberPartial('11010A', today);
    assert.ok(!r.ok);
    assert.equal(r.code, 'ID_CHARS');
    assert.equal(r.position, 6);
    assert.equal(partial('110105194912310021'), 'ID_CHECK_DIGIT');
  });
});

describe("a foreigner's permanent residence number (2023 form, 9…) as typed", () => {
  const number = `91184019800101123${idCheckChar('91184019800101123')}`;
  it('is taken while typed and once complete, with its birth date and no sex read from the order code', () => {
    for (let n = 1; n < 18; n += 1) assert.equal(checkIdNumberPartial(number.slice(0, n), today).ok, true, number.slice(0, n));
    const r = checkIdNumberPartial(number, today);
    assert.ok(r.ok && r.complete);
    assert.deepEqual(r.value, { idNumber: number, kind: 'foreign_permanent', birthDate: '1980-01-01', gender: null, regionCode: null });
  });
  it('is refused at once where its province cannot issue the card (Hong Kong, Taiwan) or the birth date cannot be', () => {
    assert.deepEqual(pick(checkIdNumberPartial('981', today)), 'FOREIGN_ID_PROVINCE');
    assert.deepEqual(pick(checkIdNumberPartial('971', today)), 'FOREIGN_ID_PROVINCE');
    assert.deepEqual(pick(checkIdNumberPartial('9118401980', today)), 'so far ok');
    assert.deepEqual(pick(checkIdNumberPartial('91184019801', today)), 'so far ok');
    assert.deepEqual(pick(checkIdNumberPartial('911840199913', today)), 'ID_BIRTH_DATE');
  });
});

function pick(r: ReturnType<typeof checkIdNumberPartial>): string {
  return r.ok ? 'so far ok' : r.code;
}
