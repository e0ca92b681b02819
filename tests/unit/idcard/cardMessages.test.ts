import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ApiErrorBody } from '../../../shared/errors';
import { CARD_MESSAGES } from '../../../shared/i18n/cardMessages';
import { errorCodeSentence, errorMessage } from '../../../shared/i18n/errorMessages';
import { assertRefusalLanguage } from '../../support/refusalLanguage';

// Every reader state and card refusal is one plain sentence in each language (issue 25), with the
// values it names, and every reader state keeps typed entry open.
const READER_CODES = ['READER_NOT_CONNECTED', 'READER_SERVICE_DOWN', 'READER_NO_CARD', 'READER_CARD_UNREADABLE', 'READER_TIMEOUT', 'READER_BUSY', 'READER_PHOTO_CORRUPT'] as const;

const sentences = (error: ApiErrorBody) => ({ code: `${error.code}/${String(error.details?.reason ?? '')}`, zh: errorMessage(error, 'zh'), en: errorMessage(error, 'en') });

describe('card and reader sentences', () => {
  it('each reader state has its own sentence that leaves typed entry open', () => {
    const seen = new Set<string>();
    for (const code of READER_CODES) {
      const s = sentences({ code, message: 'English detail for logs' });
      assertRefusalLanguage(s);
      assert.match(s.zh, /手工输入/, code);
      assert.match(s.en, /type the number and name/, code);
      assert.equal(errorCodeSentence(code, 'zh'), CARD_MESSAGES[code]?.zh);
      seen.add(s.zh);
    }
    assert.equal(seen.size, READER_CODES.length, 'no two states share a sentence');
    assert.match(errorMessage({ code: 'READER_NO_CARD', message: '' }, 'zh'), /拿起证件后重新放置/);
    assertRefusalLanguage(sentences({ code: 'READER_ADDRESS_REFUSED', message: '' }));
    for (const reason of ['not_loopback', 'scheme', 'not_url', 'credentials', 'port']) {
      const s = sentences({ code: 'READER_ADDRESS_REFUSED', message: '', details: { reason, scheme: 'ws' } });
      assertRefusalLanguage(s);
      if (reason === 'scheme') assert.match(s.zh, /ws:\/\//);
    }
  });

  it('every reason a card is refused for is said in words, with the values it names', () => {
    const cases: Array<Record<string, string>> = [
      { reason: 'type_not_accepted', cardType: 'foreign_permanent' },
      { reason: 'type_mismatch', cardType: 'resident' },
      { reason: 'number_invalid', numberReason: 'ID_CHECK_DIGIT' },
      { reason: 'number_invalid', numberReason: 'FOREIGN_ID_LEGACY' },
      { reason: 'number_invalid', numberReason: 'FOREIGN_ID_PROVINCE' },
      { reason: 'birth_mismatch', cardBirthDate: '1949-12-30', numberBirthDate: '1949-12-31' },
      { reason: 'sex_mismatch' },
      { reason: 'name_missing' },
      { reason: 'date_invalid', field: 'validTo' },
      { reason: 'validity_reversed' },
      { reason: 'not_yet_valid', validFrom: '2026-11-22' },
    ];
    for (const details of cases) {
      const s = sentences({ code: 'CARD_INVALID', message: 'x', details });
      assertRefusalLanguage(s);
      assert.notEqual(s.zh, CARD_MESSAGES.CARD_INVALID?.zh, `${details.reason} has its own sentence`);
    }
    const birth = sentences({ code: 'CARD_INVALID', message: 'x', details: cases[5]! });
    assert.match(birth.zh, /1949-12-30/);
    assert.match(sentences({ code: 'CARD_INVALID', message: 'x', details: cases[2]! }).zh, /校验位不正确/);
  });

  it('an expired card is refused with the date and the rule\'s own basis', () => {
    const details = { validTo: '2026-11-20', today: '2026-11-21', basisZh: '依照规则须换领。', basisEn: 'The rule says renew it.' };
    const s = sentences({ code: 'CARD_EXPIRED', message: 'x', details });
    assert.equal(s.zh, '证件有效期至 2026-11-20，已过期。依照规则须换领。');
    assert.equal(s.en, 'The card was valid until 2026-11-20 and has expired. The rule says renew it.');
  });
});
