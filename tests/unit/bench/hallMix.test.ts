// The hall bench's journey mix (tools/bench/hallMix.ts) is what docs/benchmarks.md says it is: every
// block of 100 journeys at a window holds the documented shares, in an order of the window's own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { HALL_DAY_MIX, journeyDeck, type Journey } from '../../../tools/bench/hallMix';

const counts = (deck: Journey[]) => deck.reduce<Record<string, number>>((c, j) => ({ ...c, [j]: (c[j] ?? 0) + 1 }), {});

test('each window deck holds exactly the documented shares of a day (30 lookup, 25 view, 35 report, 7 statement, 3 objection per 100)', () => {
  assert.deepEqual(HALL_DAY_MIX, { lookup: 30, view: 25, report: 35, statement: 7, objection: 3 });
  for (const seed of [1, 2, 20, 100]) {
    const deck = journeyDeck(seed);
    assert.equal(deck.length, 100);
    assert.deepEqual(counts(deck), { ...HALL_DAY_MIX });
  }
});

test('windows do not run their journeys in step, and a window runs the same order in every run', () => {
  assert.notDeepEqual(journeyDeck(1), journeyDeck(2));
  assert.deepEqual(journeyDeck(7), journeyDeck(7));
  // Shuffled, not in the order the shares are listed.
  assert.notDeepEqual(journeyDeck(1).slice(0, 30), Array<Journey>(30).fill('lookup'));
});
