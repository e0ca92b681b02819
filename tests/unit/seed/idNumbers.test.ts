import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdAllocator, idCheckChar, idCheckOk, usccCheckChar, usccCheckOk, usccFor } from '../../../electron/seed/idNumbers';
import { hashSeed } from '../../../electron/seed/prng';
import { REGIONS } from '../../../electron/seed/regions';

const TODAY = '2026-11-21';

test('MOD 11-2 check matches the GB 11643 examples', () => {
  assert.equal(idCheckChar('11010519491231002'), 'X');
  assert.equal(idCheckChar('44052418800101001'), '4');
  assert.ok(idCheckOk('11010519491231002X'));
  assert.ok(!idCheckOk('110105194912310021'));
});

test('GB 32100 check matches the published examples', () => {
  assert.ok(usccCheckOk('91110000600037341L'));
  assert.ok(usccCheckOk('91350100M000100Y43'));
  assert.equal(usccCheckChar('91110000600037341'), 'L');
  const codes = new Set<string>();
  for (let i = 0; i < 2000; i++) {
    const code = usccFor(i, '370303');
    assert.ok(usccCheckOk(code), code);
    codes.add(code);
  }
  assert.equal(codes.size, 2000);
});

test('200k issued ID numbers are valid, real, adult and unique, with gender parity', () => {
  const ids = new IdAllocator(hashSeed('unique'), TODAY);
  const codes = new Set(REGIONS.map((r) => r.code));
  const seen = new Set<string>();
  const n = 200_000;
  for (let i = 0; i < n; i++) {
    const gender = i % 3 === 0 ? 'F' : 'M';
    const { idNumber, birthDate, region } = ids.issue(i, gender);
    assert.ok(idCheckOk(idNumber), idNumber);
    assert.ok(codes.has(idNumber.slice(0, 6)) && region.code === idNumber.slice(0, 6));
    assert.equal(idNumber.slice(6, 14), birthDate.replace(/-/g, ''));
    const d = new Date(`${birthDate}T00:00:00Z`);
    assert.equal(d.toISOString().slice(0, 10), birthDate, 'a real calendar date');
    assert.ok(birthDate <= '2008-11-21', `adult on ${TODAY}: ${birthDate}`);
    assert.equal(Number(idNumber.slice(14, 17)) % 2, gender === 'M' ? 1 : 0);
    assert.notEqual(idNumber.slice(14, 17), '000');
    seen.add(idNumber.slice(0, 17)); // gender is free, so the first 17 digits alone must be unique
  }
  assert.equal(seen.size, n);
});

test('indices sharing a cell across blocks still get distinct numbers (10M-scale path)', () => {
  const ids = new IdAllocator(hashSeed('blocks'), TODAY);
  const seen = new Set<string>();
  let count = 0;
  // Ten blocks deep covers a 10-million-subject run; the same 5000 cells recur in every block.
  for (let block = 0; block < 12; block++) {
    for (let q = 0; q < 5000; q++) {
      const { idNumber } = ids.issue(block * ids.cellCount + q, q % 2 === 0 ? 'M' : 'F');
      assert.ok(idCheckOk(idNumber));
      seen.add(idNumber.slice(0, 17));
      count++;
    }
  }
  assert.equal(seen.size, count);
});

test('the same index gives the same number in any allocator with the same seed', () => {
  const a = new IdAllocator(hashSeed('s'), TODAY);
  const b = new IdAllocator(hashSeed('s'), TODAY);
  assert.deepEqual(a.issue(9_999_999, 'F'), b.issue(9_999_999, 'F'));
  assert.ok(a.capacity >= 10_000_000);
});
