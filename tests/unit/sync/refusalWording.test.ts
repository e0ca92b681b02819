import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BundleError } from '../../../electron/sync/bundle/errors';
import { BUNDLE_MESSAGES } from '../../../shared/i18n/bundleRefusals';
import { resolveLimits } from '../../../electron/sync/bundle/format';
import { parseJsonLines } from '../../../electron/sync/bundle/jsonLines';
import { SyncError } from '../../../electron/sync/content/syncError';
import { SYNC_MESSAGES } from '../../../shared/i18n/syncRefusals';

const PURPOSES = ['update', 'export', 'keyring', 'enrollment'];

test('a refusal about a bundle purpose reads as English: "an export bundle", "a keyring bundle"', () => {
  assert.equal(new BundleError('BUNDLE_WRONG_PURPOSE', { actual: 'export', expected: 'update' }).message, 'This is an "export" bundle; an "update" bundle is needed here.');
  assert.match(new SyncError('SYNC_NOT_AN_UPDATE', { purpose: 'export' }).message, /^This is an "export" bundle;/);
  assert.match(new BundleError('BUNDLE_KEY_WRONG_PURPOSE', { actual: 'platform-encryption', purpose: 'keyring' }).message, /may not sign a "keyring" bundle/);
  // Every sentence of both catalogues, with every purpose word in every parameter.
  for (const [code, msg] of Object.entries({ ...BUNDLE_MESSAGES, ...SYNC_MESSAGES })) {
    for (const word of PURPOSES) {
      const p = { actual: word, expected: word, purpose: word, recipient: '370306-05', line: 2 };
      assert.doesNotMatch(msg.en(p), /\ba "[aeiou]/i, code);
      assert.doesNotMatch(msg.en(p), /\ban "[^aeiou]/i, code);
    }
  }
});

test('a bad line names the record it holds, not the envelope-counted line alone', () => {
  const e = new BundleError('BUNDLE_JSON_INVALID', { name: 'subjects.jsonl', line: 10001, detail: 'x' });
  assert.match(e.message, /^File subjects\.jsonl, record 10000 \(line 10001\) is not valid data/);
  assert.match(e.messageZh, /第 10000 条记录（第 10001 行）/);
  assert.match(new BundleError('BUNDLE_JSON_INVALID', { name: 'subjects.jsonl', line: 1, detail: 'x' }).message, /line 1 \(the envelope line\)/);
  // Through the real parser: the third record is broken.
  const file = Buffer.from(['{"schema":"subjects","schemaVersion":1,"records":3}', '{"a":1}', '{"a":2}', '{"a":'].join('\n'));
  assert.throws(
    () => parseJsonLines('subjects.jsonl', file, resolveLimits()),
    (err: unknown) => err instanceof BundleError && err.code === 'BUNDLE_JSON_INVALID' && /record 3 \(line 4\)/.test(err.message) && /第 3 条记录/.test(err.messageZh),
  );
  for (const code of ['SYNC_CONTENT_INVALID', 'SYNC_ID_NUMBER_INVALID', 'SYNC_UNKNOWN_REFERENCE'] as const) {
    assert.match(new SyncError(code, { name: 'records.jsonl', line: 10001, detail: 'd', reason: 'r', what: 'subject', id: 'X' }).message, /records\.jsonl, record 10000 \(line 10001\)/, code);
  }
});

test('a bundle for another office names it by code, and by name when the name is known', () => {
  assert.equal(new BundleError('BUNDLE_RECIPIENT_MISMATCH', { recipient: '370306-05' }).message, 'This bundle was made for office 370306-05, not this office.');
  const named = new BundleError('BUNDLE_RECIPIENT_MISMATCH', { recipient: '370306-05', recipientName: '淄川区信用服务窗口' });
  assert.equal(named.message, 'This bundle was made for office 370306-05 (淄川区信用服务窗口), not this office.');
  assert.match(named.messageZh, /370306-05（淄川区信用服务窗口）/);
});
