import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { creditCodeCheckChar, validateCreditCode } from '../../../shared/validators/creditCode';

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
