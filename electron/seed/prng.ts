// Seeded PRNG for the population generator. sfc32 seeded by cyrb128: no Node crypto, so a
// generator of 10 million subjects stays CPU-cheap, and the same (seed, index) always yields
// the same stream — that is what lets generation be split into batches at any startIndex.
import { dayToIso, isoToDay } from './days';

/** cyrb128: a fast, well-mixed 128-bit string hash (public domain), used only to seed sfc32. */
export function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** A 32-bit integer mixer (murmur3 finaliser); also used as the Feistel round function. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

export interface Weighted<T> {
  readonly items: readonly T[];
  /** Cumulative weights, precomputed once so a draw is a short scan, not a sum. */
  readonly cumulative: Float64Array;
  readonly total: number;
}

export function weightedTable<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  const cumulative = new Float64Array(entries.length);
  let total = 0;
  entries.forEach(([, w], i) => {
    total += w;
    cumulative[i] = total;
  });
  return { items: entries.map(([item]) => item), cumulative, total };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(state: readonly [number, number, number, number]) {
    [this.a, this.b, this.c, this.d] = state;
    // sfc32 needs a short warm-up before its output is well distributed.
    for (let i = 0; i < 12; i++) this.u32();
  }

  /** A stream for one (seed, index) pair, independent of every other index. */
  static forIndex(seed: readonly [number, number, number, number], index: number, stream = 0): Rng {
    const lo = index >>> 0;
    const hi = Math.floor(index / 4294967296) >>> 0;
    return new Rng([
      mix32(seed[0] ^ lo),
      mix32(seed[1] ^ hi ^ Math.imul(stream, 0x9e3779b9)),
      mix32(seed[2] + lo),
      mix32(seed[3] ^ 0x5bd1e995 ^ stream),
    ]);
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  weighted<T>(table: Weighted<T>): T {
    const r = this.next() * table.total;
    const cum = table.cumulative;
    let i = 0;
    while (i < cum.length - 1 && (cum[i] ?? 0) <= r) i++;
    return table.items[i] as T;
  }

  /** A uniform ISO date in [from, to], both inclusive. */
  dateBetween(from: string, to: string): string {
    return dayToIso(this.int(isoToDay(from), isoToDay(to)));
  }
}
