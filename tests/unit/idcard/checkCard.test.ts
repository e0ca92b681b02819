import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CardRead } from '../../../shared/domain/idCard';
import { checkCard, type CardCheckResult } from '../../../shared/idcard/checkCard';
import { normaliseCardName } from '../../../shared/idcard/cardName';
import { idCardRules } from '../../../shared/rules/idCardRules';
import { parseProfile, SHIPPED_PROFILE_IDS, shippedProfile } from '../../../shared/rules/loadProfile';
import type { IdCardRules } from '../../../shared/rules/profile';
import { idCheckChar } from '../../../shared/validators/idNumber';
import { validateForeignerIdNumber } from '../../../shared/validators/foreignerIdNumber';

// Noon in Beijing on 2026-11-21, stated: no check reads the machine's clock.
const TODAY = new Date('2026-11-21T04:00:00Z');
const RULES = idCardRules(shippedProfile('default')!);
const withCheck = (first17: string) => first17 + idCheckChar(first17);

const RESIDENT: CardRead = {
  type: 'resident',
  number: '11010519491231002X',
  name: '张三',
  sex: 'F',
  ethnicity: '汉',
  birthDate: '1949-12-31',
  address: '北京市朝阳区建国路 1 号',
  issuingAuthority: '北京市公安局朝阳分局',
  validFrom: '2020-01-01',
  validTo: null,
  photo: new Uint8Array([0xff, 0xd8, 0xff]),
};
const PERMIT: CardRead = { ...RESIDENT, type: 'hmt_permit', number: withCheck('81000019940823002'), birthDate: '1994-08-23', name: '陈大文', validFrom: '2024-01-01', validTo: '2029-01-01' };
const FOREIGN_NUMBER = withCheck('91184019800101123');
const FOREIGNER: CardRead = { ...RESIDENT, type: 'foreign_permanent', number: FOREIGN_NUMBER, name: '约翰·史密斯', nameLatin: 'SMITH, JOHN', ethnicity: 'USA', sex: 'M', birthDate: '1980-01-01', address: '', validFrom: '2024-01-01', validTo: '2034-01-01' };

function refusal(r: CardCheckResult): { code: string; reason?: string } {
  assert.ok(!r.ok, 'refused');
  return r.code === 'CARD_INVALID' ? { code: r.code, reason: r.reason } : { code: r.code };
}

describe('checkCard: each card type', () => {
  it('accepts a resident card with 长期 validity and normalises its number', () => {
    const r = checkCard({ ...RESIDENT, number: ' 110105194912310 02x' }, TODAY, RULES);
    assert.ok(r.ok);
    assert.equal(r.card.number, '11010519491231002X');
    assert.equal(r.card.validTo, null);
    assert.equal(r.card.expired, false);
  });

  it('accepts a Hong Kong, Macao or Taiwan residence permit (81/82/83) and refuses the prefix on the wrong type', () => {
    for (const prefix of ['81', '82', '83']) {
      const number = withCheck(`${prefix}000019940823002`);
      assert.ok(checkCard({ ...PERMIT, number }, TODAY, RULES).ok, prefix);
      assert.deepEqual(refusal(checkCard({ ...PERMIT, type: 'resident', number }, TODAY, RULES)), { code: 'CARD_INVALID', reason: 'type_mismatch' });
    }
    assert.deepEqual(refusal(checkCard({ ...RESIDENT, type: 'hmt_permit' }, TODAY, RULES)), { code: 'CARD_INVALID', reason: 'type_mismatch' });
  });

  it('accepts the 2023 foreigner card and refuses its 2017 form by name', () => {
    const r = checkCard(FOREIGNER, TODAY, RULES);
    assert.ok(r.ok);
    assert.equal(r.card.name, '约翰·史密斯');
    assert.equal(r.card.nameLatin, 'SMITH, JOHN');
    const legacy = checkCard({ ...FOREIGNER, number: 'USA110080010101' }, TODAY, RULES);
    assert.ok(!legacy.ok && legacy.code === 'CARD_INVALID');
    assert.equal(legacy.details.numberReason, 'FOREIGN_ID_LEGACY');
  });

  it('refuses a card type the profile does not accept', () => {
    const rules: IdCardRules = { ...RULES, acceptedTypes: ['resident'] };
    assert.deepEqual(refusal(checkCard(FOREIGNER, TODAY, rules)), { code: 'CARD_INVALID', reason: 'type_not_accepted' });
  });
});

describe('checkCard: the number is checked as typed input is', () => {
  it('refuses a wrong check character with the validator\'s own reason', () => {
    const wrong = RESIDENT.number.slice(0, 17) + '0';
    const r = checkCard({ ...RESIDENT, number: wrong }, TODAY, RULES);
    assert.ok(!r.ok && r.code === 'CARD_INVALID');
    assert.equal(r.reason, 'number_invalid');
    assert.equal(r.details.numberReason, 'ID_CHECK_DIGIT');
  });

  it('refuses a birth date or sex on the card that disagrees with the number', () => {
    assert.deepEqual(refusal(checkCard({ ...RESIDENT, birthDate: '1949-12-30' }, TODAY, RULES)), { code: 'CARD_INVALID', reason: 'birth_mismatch' });
    assert.deepEqual(refusal(checkCard({ ...RESIDENT, sex: 'M' }, TODAY, RULES)), { code: 'CARD_INVALID', reason: 'sex_mismatch' });
    assert.deepEqual(refusal(checkCard({ ...FOREIGNER, birthDate: '1980-01-02' }, TODAY, RULES)), { code: 'CARD_INVALID', reason: 'birth_mismatch' });
  });

  it('foreigner card: check character and sex-from-order-code follow the profile', () => {
    const badCheck = FOREIGN_NUMBER.slice(0, 17) + (FOREIGN_NUMBER.endsWith('0') ? '1' : '0');
    assert.deepEqual(refusal(checkCard({ ...FOREIGNER, number: badCheck }, TODAY, RULES)), { code: 'CARD_INVALID', reason: 'number_invalid' });
    const noCheck: IdCardRules = { ...RULES, foreignPermanent: { checkDigit: false, sexFromOrderCode: false } };
    assert.ok(checkCard({ ...FOREIGNER, number: badCheck }, TODAY, noCheck).ok);
    // Order code 123 is odd: male under GB 11643's reading, which the default profile does not apply.
    assert.ok(checkCard({ ...FOREIGNER, sex: 'F' }, TODAY, RULES).ok);
    const bySex: IdCardRules = { ...RULES, foreignPermanent: { checkDigit: true, sexFromOrderCode: true } };
    assert.deepEqual(refusal(checkCard({ ...FOREIGNER, sex: 'F' }, TODAY, bySex)), { code: 'CARD_INVALID', reason: 'sex_mismatch' });
  });

  it('foreigner numbers: prefix, province and nationality', () => {
    const v = (n: string) => validateForeignerIdNumber(n, TODAY, { checkDigit: true });
    const code = (n: string) => { const r = v(n); return r.ok ? 'ok' : r.code; };
    assert.equal(code(FOREIGN_NUMBER), 'ok');
    assert.equal(code(withCheck('11184019800101123')), 'FOREIGN_ID_PREFIX');
    assert.equal(code(withCheck('98184019800101123')), 'FOREIGN_ID_PROVINCE');
    assert.equal(code(withCheck('91100019800101123')), 'FOREIGN_ID_NATIONALITY');
    assert.equal(code(withCheck('91184020270101123')), 'ID_BIRTH_FUTURE');
    assert.equal(code('9118401980010112'), 'FOREIGN_ID_LENGTH');
  });
});

describe('checkCard: validity on today\'s China date (the office clock)', () => {
  const ending = (validTo: string | null): CardRead => ({ ...RESIDENT, validFrom: '2016-11-21', validTo });

  it('a card is valid through its end date and expired the day after', () => {
    assert.ok(checkCard(ending('2026-11-21'), TODAY, RULES).ok);
    const r = checkCard(ending('2026-11-20'), TODAY, RULES);
    assert.ok(!r.ok && r.code === 'CARD_EXPIRED');
    assert.equal(r.details.validTo, '2026-11-20');
    assert.equal(r.details.basisZh, RULES.expiredCard.basis.zh);
  });

  it('reads the day in China, not in the machine\'s zone: 00:30 in Beijing is already the next day', () => {
    const justAfterMidnight = new Date('2026-11-20T16:30:00Z');
    assert.equal(refusal(checkCard(ending('2026-11-20'), justAfterMidnight, RULES)).code, 'CARD_EXPIRED');
    assert.ok(checkCard(ending('2026-11-20'), new Date('2026-11-20T15:59:00Z'), RULES).ok);
  });

  it('refuses a card not yet valid, or whose end is before its start', () => {
    assert.deepEqual(refusal(checkCard({ ...RESIDENT, validFrom: '2026-11-22' }, TODAY, RULES)), { code: 'CARD_INVALID', reason: 'not_yet_valid' });
    assert.deepEqual(refusal(checkCard({ ...RESIDENT, validFrom: '2020-01-01', validTo: '2019-01-01' }, TODAY, RULES)), { code: 'CARD_INVALID', reason: 'validity_reversed' });
    assert.deepEqual(refusal(checkCard({ ...RESIDENT, validFrom: '2020-02-30' }, TODAY, RULES)), { code: 'CARD_INVALID', reason: 'date_invalid' });
  });

  it('an expired card is accepted, marked expired, where the profile allows it with the clerk\'s note', () => {
    const lenient: IdCardRules = { ...RULES, expiredCard: { ...RULES.expiredCard, policy: 'accept_with_note' } };
    const r = checkCard(ending('2026-11-20'), TODAY, lenient);
    assert.ok(r.ok);
    assert.equal(r.card.expired, true);
  });
});

describe('the card rules of every shipped profile', () => {
  const expected: Record<string, { policy: string; types: string[]; foreign: { checkDigit: boolean; sexFromOrderCode: boolean }; typedReason: boolean }> = {
    default: { policy: 'refuse', types: ['resident', 'hmt_permit', 'foreign_permanent'], foreign: { checkDigit: true, sexFromOrderCode: false }, typedReason: false },
    'national-agency': { policy: 'refuse', types: ['resident', 'hmt_permit', 'foreign_permanent'], foreign: { checkDigit: true, sexFromOrderCode: false }, typedReason: false },
    shanghai: { policy: 'refuse', types: ['resident', 'hmt_permit', 'foreign_permanent'], foreign: { checkDigit: true, sexFromOrderCode: false }, typedReason: false },
    zhejiang: { policy: 'refuse', types: ['resident', 'hmt_permit', 'foreign_permanent'], foreign: { checkDigit: true, sexFromOrderCode: false }, typedReason: false },
    shandong: { policy: 'refuse', types: ['resident', 'hmt_permit', 'foreign_permanent'], foreign: { checkDigit: true, sexFromOrderCode: false }, typedReason: false },
    henan: { policy: 'refuse', types: ['resident', 'hmt_permit', 'foreign_permanent'], foreign: { checkDigit: true, sexFromOrderCode: false }, typedReason: false },
  };
  for (const id of SHIPPED_PROFILE_IDS) {
    it(`${id}: states its card rules and refuses an expired card with its own basis`, () => {
      const profile = shippedProfile(id)!;
      assert.ok(profile.idCard, `${id} states its card rules in its own file`);
      const rules = idCardRules(profile);
      const want = expected[id];
      assert.ok(want, `expectations for ${id}`);
      assert.deepEqual({ policy: rules.expiredCard.policy, types: rules.acceptedTypes, foreign: rules.foreignPermanent, typedReason: rules.typedEntry.reasonRequired }, want);
      const r = checkCard({ ...RESIDENT, validTo: '2026-11-20' }, TODAY, rules);
      assert.ok(!r.ok && r.code === 'CARD_EXPIRED');
      assert.equal(r.details.basisZh, profile.idCard.expiredCard.basis.zh);
      assert.match(r.details.basisZh, /有效期/);
    });
  }

  it('a profile document from before the card rules parses and follows the default profile', () => {
    const { idCard: _dropped, ...older } = shippedProfile('shanghai')!;
    const parsed = parseProfile(older);
    assert.ok(parsed.ok);
    assert.deepEqual(idCardRules(parsed.value), idCardRules(shippedProfile('default')!));
  });

  it('a misspelt card rule is refused with its path', () => {
    const doc = { ...shippedProfile('default')!, idCard: { ...RULES, expiredCard: { policy: 'allow', basis: RULES.expiredCard.basis } } };
    const parsed = parseProfile(doc);
    assert.ok(!parsed.ok);
    assert.ok(parsed.problems.some((p) => p.path === 'idCard.expiredCard.policy'));
  });
});

describe('card names', () => {
  it('keeps one middle dot for every look-alike and trims the chip\'s padding', () => {
    for (const dot of ['·', '・', '•', '‧', '･', '⋅', '∙', '．']) {
      assert.equal(normaliseCardName(`阿沛${dot}阿旺晋美   `), '阿沛·阿旺晋美', JSON.stringify(dot));
    }
    assert.equal(normaliseCardName('\u3000𠀋𡈽 \u0000'), '𠀋𡈽');
  });
});
