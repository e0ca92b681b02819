import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bilingual } from '../../../shared/i18n/bilingual';

// The attack is the compile: each call below marked @ts-expect-error must fail `npm run typecheck`
// (tsc reports an unused @ts-expect-error as an error), so an English tree that lacks a Chinese key,
// has one more, or nests one elsewhere does not build. The runtime part only keeps the calls live.

test('an English tree must carry exactly the keys of the Chinese one (compile time)', () => {
  const same = bilingual({ zh: { a: '甲', b: { c: '丙' }, days_other: '{{count}} 天' }, en: { a: 'A', b: { c: 'C' }, days_one: '{{count}} day', days_other: '{{count}} days' } });
  // @ts-expect-error English lacks b.c
  const lacking = bilingual({ zh: { a: '甲', b: { c: '丙' } }, en: { a: 'A', b: {} } });
  // @ts-expect-error English has a key Chinese does not
  const extra = bilingual({ zh: { a: '甲' }, en: { a: 'A', z: 'Z' } });
  // @ts-expect-error the same word under another branch is another key
  const moved = bilingual({ zh: { a: { c: '丙' } }, en: { b: { c: 'C' } } });
  assert.deepEqual([same, lacking, extra, moved].map((s) => Object.keys(s)), [['zh', 'en'], ['zh', 'en'], ['zh', 'en'], ['zh', 'en']]);
});
