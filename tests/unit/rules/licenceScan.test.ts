import assert from 'node:assert/strict';
import { test } from 'node:test';
import { creditCodeOf } from '../../../electron/seed/idNumbers';
import { creditCodeFromScan, looksScanned } from '../../../shared/validators/licenceScan';

// Issue 24: the clerk scans the QR of a business licence into the code field.
const CODE = creditCodeOf('91', '370303', 'MA3X7K2Q');

test('the one valid code inside a scanned licence address is taken, whatever surrounds it', () => {
  for (const text of [
    `http://www.gsxt.gov.cn/index.html?uniscid=${CODE}`,
    `https://example.gov.cn/q?id=${CODE.toLowerCase()}&t=1`,
    `统一社会信用代码：${CODE}`,
    `ABC${CODE}XYZ`,
  ]) {
    assert.equal(creditCodeFromScan(text), CODE, text);
  }
});

test('a scan holding no valid code, or two different ones, gives none: the clerk types it instead', () => {
  const wrongCheck = CODE.slice(0, 17) + (CODE[17] === '1' ? '2' : '1');
  assert.equal(creditCodeFromScan(`http://www.gsxt.gov.cn/?uniscid=${wrongCheck}`), null);
  assert.equal(creditCodeFromScan('http://www.gsxt.gov.cn/index.html'), null);
  const other = creditCodeOf('92', '370303', 'MA4Y8L3R');
  assert.equal(creditCodeFromScan(`${CODE} ${other}`), null);
});

test('typing is not a scan; an address or a long text is', () => {
  assert.equal(looksScanned(CODE), false);
  assert.equal(looksScanned('9137 0303 MA3X 7K2Q XX'), false);
  assert.equal(looksScanned(`http://x/${CODE}`), true);
  assert.equal(looksScanned(`${CODE}${CODE}`), true);
});
