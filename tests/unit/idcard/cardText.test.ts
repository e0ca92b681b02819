import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import iconv from 'iconv-lite';
import { bodyCharset, decodeCardText, decodeGbk, decodeUcs2 } from '../../../electron/reader/cardText';
import { normaliseCardName } from '../../../shared/idcard/cardName';

// Names as the chip (UCS-2) and the GBK services hand them over. The rare characters: 㛃 (U+36C3,
// CJK Extension A, outside GBK: four bytes in GB 18030), 𠀋 (U+2000B, Extension B, a surrogate pair
// in UTF-16 and four bytes in GB 18030), 堃 and 喆 (in GBK, often missing from old fonts).
const NAMES = ['张三', '阿沛·阿旺晋美', '王㛃', '李𠀋', '周堃喆', '努尔艾力·买买提'];

const ucs2 = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const gb18030 = (s: string) => new Uint8Array(iconv.encode(s, 'gb18030'));

describe('card text decoding', () => {
  it('decodes the chip\'s UCS-2, rare characters and the middle dot included', () => {
    for (const name of NAMES) assert.equal(decodeUcs2(ucs2(name)), name);
    // The chip pads a field with spaces; the odd trailing byte of a cut field is dropped, not turned into U+FFFD.
    assert.equal(normaliseCardName(decodeUcs2(ucs2('王㛃            '))), '王㛃');
    assert.equal(decodeUcs2(new Uint8Array([...ucs2('张'), 0x20])), '张');
  });

  it('decodes GBK, and a "GBK" service\'s four-byte GB 18030 rare characters, never as U+FFFD', () => {
    for (const name of NAMES) assert.equal(decodeGbk(gb18030(name)), name);
    // GBK proper: 张 = D5C5, the middle dot = A1A4.
    assert.equal(decodeGbk(new Uint8Array([0xd5, 0xc5, 0xa1, 0xa4])), '张·');
    assert.equal(decodeGbk(gb18030('王㛃')).includes('\uFFFD'), false);
    assert.equal(gb18030('王㛃').length, 6, '㛃 is a four-byte sequence');
  });

  it('finds a service answer\'s charset from its Content-Type, else from whether it is UTF-8', () => {
    const body = gb18030('{"partyName":"张三"}');
    assert.equal(bodyCharset('application/json; charset=GBK', body), 'gbk');
    assert.equal(bodyCharset('application/json;charset="gb2312"', body), 'gbk');
    assert.equal(bodyCharset('application/json', body), 'gbk');
    assert.equal(bodyCharset(undefined, new Uint8Array(Buffer.from('{"partyName":"张三"}'))), 'utf8');
    assert.equal(bodyCharset('application/json; charset=utf-8', new Uint8Array(Buffer.from('{}'))), 'utf8');
    assert.equal(decodeCardText(body, 'gbk'), '{"partyName":"张三"}');
  });
});
