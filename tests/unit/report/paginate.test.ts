import assert from 'node:assert/strict';
import { test } from 'node:test';
import { paginate, type Block } from '../../../electron/report/paginate';
import { lineCount, textWidthEm } from '../../../electron/report/textMetrics';
import { canonicalJson, normaliseCode, verifyCodeOf } from '../../../electron/report/seal';

const b = (h: number, extra: Partial<Block> = {}): Block => ({ html: '', heightMm: h, ...extra });

test('blocks fill a page up to its height and never straddle a break', () => {
  const pages = paginate([b(100), b(100), b(50), b(10)], 240);
  assert.deepEqual(pages.map((p) => p.map((x) => x.heightMm)), [[100, 100], [50, 10]]);
});

test('a heading moves to the next page with the block it introduces', () => {
  const pages = paginate([b(225), b(10, { keepWithNext: true }), b(30)], 240);
  assert.deepEqual(pages.map((p) => p.length), [1, 2]);
});

test('an oversized block gets a page of its own and pagination terminates', () => {
  const pages = paginate([b(10), b(500), b(10)], 240);
  assert.deepEqual(pages.map((p) => p.map((x) => x.heightMm)), [[10], [500], [10]]);
});

test('text metrics: Han characters are one em, ASCII narrower; line counts are upper bounds', () => {
  assert.equal(textWidthEm('信用'), 2);
  assert.ok(textWidthEm('ab') < 2);
  assert.equal(lineCount('', 100, 3.2), 1);
  assert.equal(lineCount('字'.repeat(29), 100, 3.2), 1); // (100 - 6.4) / 3.2 = 29.25 per line
  assert.equal(lineCount('字'.repeat(30), 100, 3.2), 2);
});

test('canonical JSON sorts keys at every level; the verification code is 16 Crockford characters', () => {
  assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: null }] }), '{"a":[{"c":null,"d":2}],"b":1}');
  const code = verifyCodeOf('A'.repeat(86));
  assert.match(code, /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
  assert.equal(normaliseCode(code.toLowerCase().replaceAll('-', ' ')), code.replaceAll('-', ''));
});
