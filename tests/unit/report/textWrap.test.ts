import assert from 'node:assert/strict';
import { test } from 'node:test';
import { widthOf, wrapLines } from '../../../electron/report/pdf/textWrap';

// Line breaking with fixed advances (Han 1 em, everything else 0.5 em) so the expected lines are
// easy to see: no line is wider than the box, and nothing is lost or reordered.
const adv = (ch: string) => (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.5);

test('a Latin word longer than the line is broken between letters, never drawn past the box', () => {
  const word = 'x'.repeat(95);
  const lines = wrapLines(`ab ${word} cd`, 20, 1, adv);
  assert.ok(lines.every((l) => widthOf(l, 1, adv) <= 20), JSON.stringify(lines));
  assert.equal(lines.join('').replace(/\s/g, ''), `ab${word}cd`);
});

test('Chinese breaks between characters, but never before closing or after opening punctuation', () => {
  const lines = wrapLines('一二三四五，六七（八九）十', 5, 1, adv);
  assert.ok(lines.every((l) => widthOf(l, 1, adv) <= 5), JSON.stringify(lines));
  assert.ok(lines.every((l) => !/^[，）]/.test(l) && !/（$/.test(l)), JSON.stringify(lines));
  assert.equal(lines.join(''), '一二三四五，六七（八九）十');
});

test('Latin words wrap at spaces; explicit newlines always break', () => {
  assert.deepEqual(wrapLines('aaaa bbbb cccc', 5, 1, adv), ['aaaa bbbb', 'cccc']);
  assert.deepEqual(wrapLines('a\nb', 10, 1, adv), ['a', 'b']);
});
