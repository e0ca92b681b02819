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

test('numbers keep their separators: an amount, a date and a case number are not split across lines', () => {
  // The hand-written breaker split these after their comma or hyphen (…人民币3, / 260元…).
  assert.deepEqual(wrapLines('值金额共计人民币3,260元', 9, 1, adv), ['值金额共计人民币', '3,260元']);
  assert.deepEqual(wrapLines('2026-11-20 至 2027-06-01', 6, 1, adv), ['2026-11-20', '至', '2027-06-01']);
  assert.ok(wrapLines('annotation: case YY20261120-0001 since', 14, 1, adv).some((l) => l.includes('YY20261120-0001')));
});

test('a name\'s middle dot (间隔号) and closing quotes never start a line, at any width', () => {
  for (const text of ['阿卜杜拉·买买提·艾力', '他说“你好”，然后走了。', '……省略号不在行首……']) {
    for (let width = 3; width <= 10; width++) {
      const lines = wrapLines(text, width, 1, adv);
      assert.equal(lines.join(''), text);
      assert.ok(lines.slice(1).every((l) => !/^[·”，。…]/.test(l)) && lines.every((l) => !/“$/.test(l)), `${width}: ${JSON.stringify(lines)}`);
    }
  }
});
