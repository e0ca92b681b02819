import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMonths, dayToIso, isoToDay } from '../../../electron/seed/days';
import { hashSeed, Rng, weightedTable } from '../../../electron/seed/prng';

test('the same (seed, index) gives the same stream; other indices differ', () => {
  const seed = hashSeed('office');
  const a = Rng.forIndex(seed, 42);
  const b = Rng.forIndex(seed, 42);
  const c = Rng.forIndex(seed, 43);
  const xs = Array.from({ length: 20 }, () => a.u32());
  assert.deepEqual(xs, Array.from({ length: 20 }, () => b.u32()));
  assert.notDeepEqual(xs, Array.from({ length: 20 }, () => c.u32()));
});

test('int stays within bounds and reaches both ends', () => {
  const rng = Rng.forIndex(hashSeed('x'), 0);
  const seen = new Set<number>();
  for (let i = 0; i < 5000; i++) {
    const v = rng.int(3, 7);
    assert.ok(v >= 3 && v <= 7);
    seen.add(v);
  }
  assert.deepEqual([...seen].sort(), [3, 4, 5, 6, 7]);
});

test('weighted follows the weights roughly', () => {
  const rng = Rng.forIndex(hashSeed('w'), 1);
  const table = weightedTable([['a', 1], ['b', 3]] as const);
  let b = 0;
  for (let i = 0; i < 40000; i++) if (rng.weighted(table) === 'b') b++;
  assert.ok(Math.abs(b / 40000 - 0.75) < 0.02, `share of b: ${b / 40000}`);
});

test('day arithmetic round-trips and clamps month ends', () => {
  for (const iso of ['1970-01-01', '2000-02-29', '2026-11-21', '1946-12-31']) assert.equal(dayToIso(isoToDay(iso)), iso);
  assert.equal(addMonths('2025-11-30', 3), '2026-02-28');
  assert.equal(addMonths('2024-02-29', 12), '2025-02-28');
  assert.equal(addMonths('2023-05-31', 36), '2026-05-31');
  const rng = Rng.forIndex(hashSeed('d'), 0);
  for (let i = 0; i < 1000; i++) {
    const d = rng.dateBetween('2024-01-01', '2024-01-31');
    assert.ok(d >= '2024-01-01' && d <= '2024-01-31');
  }
});
