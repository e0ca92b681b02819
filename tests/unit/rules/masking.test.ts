import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_MASKING, maskCreditCode, maskIdNumber, maskMiddle, maskName, maskPhone } from '../../../shared/masking';

describe('masking defaults (domain-rules.md, PIPL art. 51)', () => {
  it('keeps the first 6 and last 4 characters of an ID number', () => {
    assert.equal(maskIdNumber('11010519491231002X'), '110105********002X');
  });

  it('keeps the surname, both characters of a compound surname', () => {
    assert.equal(maskName('张三'), '张*');
    assert.equal(maskName('王小明'), '王**');
    assert.equal(maskName('欧阳娜娜'), '欧阳**');
    assert.equal(maskName('司马懿'), '司马*');
    assert.equal(maskName('诸葛亮'), '诸葛*');
    assert.equal(maskName('上官婉儿'), '上官**');
    // Two characters cannot be a compound surname plus a given name.
    assert.equal(maskName('欧阳'), '欧*');
  });

  it('can hide the length of the given name or drop compound surnames', () => {
    assert.equal(maskName('欧阳娜娜', { ...DEFAULT_MASKING, name: { compoundSurnames: false, fixedMaskLength: null } }), '欧***');
    assert.equal(maskName('张三', { ...DEFAULT_MASKING, name: { compoundSurnames: true, fixedMaskLength: 2 } }), '张**');
  });

  it('handles dotted, rare-character and Latin names', () => {
    assert.equal(maskName('阿沛·阿旺晋美'), '阿*·****');
    assert.equal(maskName('𠈌小明'), '𠈌**');
    assert.equal(maskName('John Smith'), 'J*** S****');
    assert.equal(maskName('SMITH, JOHN'), 'S****, J***');
    assert.equal(maskName(''), '');
  });

  it('keeps first 3 and last 4 digits of a phone number', () => {
    assert.equal(maskPhone('13812345678'), '138****5678');
    assert.equal(maskPhone('+86 138-1234-5678'), '138****5678');
  });

  it('masks credit codes partially and never shows a short value in full', () => {
    assert.equal(maskCreditCode('91110000600037341L'), '911100********341L');
    assert.equal(maskMiddle('1234567', { keepStart: 3, keepEnd: 4 }), '12****7');
    assert.equal(maskPhone('1234'), '1**4');
  });
});
