import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { idReasonMessage } from '../../../shared/i18n/errorMessages';
import { CREDIT_CODE_CHARSET, creditCodeCheckChar, organizationCodeCheckChar, validateCreditCode } from '../../../shared/validators/creditCode';
import { REGISTRATION_DEPARTMENTS } from '../../../shared/validators/creditCodeDepartments';
import { usccFor } from '../../../electron/seed/idNumbers';
import { REGIONS } from '../../../electron/seed/regions';

/** A code whose 18th character is right, so that only the part under test can be wrong. */
const sealed = (first17: string) => first17 + creditCodeCheckChar(first17);
const reason = (raw: string, mode: 'manual' | 'platform' = 'manual') => {
  const r = validateCreditCode(raw, { mode });
  return r.ok ? 'ok' : r.code;
};

describe('validateCreditCode (GB 32100-2015)', () => {
  it('accepts the reference codes and splits their parts', () => {
    const r = validateCreditCode('91110000600037341L', { mode: 'manual' });
    assert.ok(r.ok);
    assert.deepEqual(r.value, {
      creditCode: '91110000600037341L',
      registrationDept: '9',
      institutionType: '1',
      regionCode: '110000',
      organizationCode: '600037341',
      warnings: [],
    });
    assert.ok(validateCreditCode('91350100m000100y43', { mode: 'manual' }).ok);
  });

  it('computes the check character, with 31 → 0', () => {
    assert.equal(creditCodeCheckChar('91110000600037341'), 'L');
    assert.equal(creditCodeCheckChar('91350100M000100Y4'), '3');
    // Find a prefix whose weighted sum is a multiple of 31 and check that it maps to '0'.
    const base = '9111000060003734';
    const zero = [...'0123456789ABCDEFGHJKLMNPQRTUWXY'].map((c) => base + c).find((p) => creditCodeCheckChar(p) === '0');
    assert.ok(zero, 'some last character yields check 0');
    assert.throws(() => creditCodeCheckChar('9111000060003734I'));
  });

  it('rejects empty, short and out-of-alphabet codes', () => {
    const code = (raw: string) => {
      const r = validateCreditCode(raw, { mode: 'platform' });
      return r.ok ? 'ok' : r.code;
    };
    assert.equal(code(''), 'CC_EMPTY');
    assert.equal(code('91110000600037341'), 'CC_LENGTH');
    assert.equal(code('91110000600037341O'), 'CC_CHARS');
    assert.equal(code('9111000060003734IL'), 'CC_CHARS');
  });

  it('blocks a bad check character at manual entry, warns for platform records', () => {
    const manual = validateCreditCode('91110000600037341M', { mode: 'manual' });
    assert.ok(!manual.ok);
    assert.equal(manual.code, 'CC_CHECK_CHAR');
    const platform = validateCreditCode('91110000600037341M', { mode: 'platform' });
    assert.ok(platform.ok);
    assert.deepEqual(platform.value.warnings.map((w) => w.code), ['CC_CHECK_CHAR']);
  });
});

describe('the parts of a credit code (GB 32100 appendix A, GB 11714, GB/T 2260)', () => {
  it('computes the organisation code check of the standard, with 10 → X and 11 → 0', () => {
    // The organisation codes inside the reference credit codes above.
    assert.equal(organizationCodeCheckChar('60003734'), '1');
    assert.equal(organizationCodeCheckChar('M000100Y'), '4');
    // GB 11714's own example, D2143569-X (Σ = 199, 11 − 1 = 10 → X), and a code whose Σ is a multiple of 11 (→ 0).
    assert.equal(organizationCodeCheckChar('D2143569'), 'X');
    assert.equal(organizationCodeCheckChar('00000000'), '0');
    assert.throws(() => organizationCodeCheckChar('d2143569'));
  });

  it('refuses at the counter a code whose 18th character is right but whose organisation code is not', () => {
    // 60003734-2 instead of -1, the 18th character recomputed: only GB 11714 can catch it.
    const forged = sealed('91110000600037342');
    assert.equal(reason(forged), 'CC_ORG_CHECK');
    const r = validateCreditCode(forged, { mode: 'manual' });
    assert.ok(!r.ok && r.position === 17);
  });

  it('refuses an unknown registering department, a kind the department does not register, and a region that is none', () => {
    assert.equal(reason(sealed('B1110000600037341')), 'CC_DEPARTMENT');
    assert.equal(reason(sealed('94110000600037341')), 'CC_INSTITUTION_TYPE'); // market regulation registers 1–3 only
    assert.equal(reason(sealed('59110000600037341')), 'ok'); // civil affairs, other
    assert.equal(reason(sealed('91990000600037341')), 'CC_REGION');
    assert.equal(reason(sealed('91810000600037341')), 'CC_REGION'); // Hong Kong's prefix never registers here
    assert.equal(reason(sealed('9111A000600037341')), 'CC_REGION');
    assert.equal(reason(sealed('91100000600037341')), 'ok'); // a national registration
    assert.equal(reason(sealed('91370000600037341')), 'ok'); // a provincial one (ends 0000, right for an organisation)
  });

  it('takes a platform record with a warning instead, so a registration this table misses still arrives', () => {
    const r = validateCreditCode(sealed('B1110000600037342'), { mode: 'platform' });
    assert.ok(r.ok);
    assert.deepEqual(r.value.warnings.map((w) => w.code), ['CC_DEPARTMENT']);
    const both = validateCreditCode('91110000600037342L', { mode: 'platform' });
    assert.ok(both.ok);
    assert.deepEqual(both.value.warnings.map((w) => w.code), ['CC_CHECK_CHAR', 'CC_ORG_CHECK']);
  });

  it('every refusal has its sentence in Chinese and English', () => {
    for (const code of ['CC_EMPTY', 'CC_LENGTH', 'CC_CHARS', 'CC_CHECK_CHAR', 'CC_DEPARTMENT', 'CC_INSTITUTION_TYPE', 'CC_REGION', 'CC_ORG_CHECK']) {
      assert.match(idReasonMessage(code, 'zh') ?? '', /\p{Script=Han}/u, code);
      assert.doesNotMatch(idReasonMessage(code, 'en') ?? '中', /\p{Script=Han}/u, code);
    }
  });

  it('the generated office entities carry codes the counter accepts, in every region the generator uses', () => {
    for (let i = 0; i < 2000; i += 1) {
      const region = REGIONS[i % REGIONS.length]!.code;
      assert.equal(reason(usccFor(i, region)), 'ok', usccFor(i, region));
    }
  });

  it('property: any well-formed code is accepted, and any one character changed is refused at the counter', () => {
    const depts = Object.entries(REGISTRATION_DEPARTMENTS).flatMap(([d, dept]) => Object.keys(dept.types).map((t) => d + t));
    const digits = fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 8, maxLength: 8 });
    const code = fc.tuple(fc.constantFrom(...depts), fc.constantFrom('110000', '100000', '370303', '440305', '650102'), digits).map(([dt, region, body]) => sealed(dt + region + body + organizationCodeCheckChar(body)));
    fc.assert(
      fc.property(code, fc.nat(17), fc.constantFrom(...CREDIT_CODE_CHARSET), (good, at, c) => {
        assert.equal(reason(good), 'ok');
        fc.pre(good[at] !== c);
        const typo = good.slice(0, at) + c + good.slice(at + 1);
        assert.notEqual(reason(typo), 'ok', `${good} → ${typo}`);
      }),
      { seed: 20261205, numRuns: 2000 },
    );
  });
});
