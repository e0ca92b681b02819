// The counter journey mix of `npm run bench -- --hall N` (issue 23): what one window does in a day,
// as shares of 100 journeys. Every journey starts with a lookup (no query without a visit); what
// follows is what the person came for. The shares and why they are so are in docs/benchmarks.md.

export type Journey = 'lookup' | 'view' | 'report' | 'statement' | 'objection';

/** Journeys per 100 at one window in a day. */
export const HALL_DAY_MIX: Readonly<Record<Journey, number>> = {
  /** Looked up and read out at the counter, nothing printed (or no record found). */
  lookup: 30,
  /** Looked up, then the clerk pages through the records and lists with the person. */
  view: 25,
  /** Looked up, the report issued and its PDF made for printing: the most common errand. */
  report: 35,
  /** Looked up, a personal statement added to the file. */
  statement: 7,
  /** Looked up, an objection taken with its receipt PDF. */
  objection: 3,
};

/** A small seeded generator (mulberry32): each window's order is its own and the same in every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * One window's day in blocks of 100 journeys, each block holding exactly HALL_DAY_MIX's shares
 * in the window's own shuffled order: a short run still sees the documented proportions, and
 * windows do not all render a PDF at the same moment.
 */
export function journeyDeck(seed: number): Journey[] {
  const deck = (Object.entries(HALL_DAY_MIX) as [Journey, number][]).flatMap(([j, n]) => Array<Journey>(n).fill(j));
  const random = seeded(seed);
  for (let i = deck.length - 1; i > 0; i -= 1) {
    const k = Math.floor(random() * (i + 1));
    [deck[i], deck[k]] = [deck[k]!, deck[i]!];
  }
  return deck;
}
