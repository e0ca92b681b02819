// Identity numbers for generated subjects.
//
// Uniqueness without memory: index i → (q = i mod M, b = ⌊i / M⌋). A keyed Feistel permutation of
// [0, M) turns q into a (region lane, birth day) cell, so neighbouring indices look unrelated, and
// b picks the order-code slot inside that cell. Distinct indices therefore always land on distinct
// (region, birth date, order code) triples: no set of issued numbers is ever needed.
import { creditCodeCheckChar, organizationCodeCheckChar } from '../../shared/validators/creditCode';
import { idCheckChar } from '../../shared/validators/idNumber';
import { daysFromCivil, dayToCompact, dayToIso } from './days';
import { mix32 } from './prng';
import type { Region } from './regions';
import { REGIONS } from './regions';

// The check characters come from the validators the counter uses, so generated numbers and
// accepted numbers can never disagree.
export { idCheckChar };
export const usccCheckChar = creditCodeCheckChar;

export function idCheckOk(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && idCheckChar(id.slice(0, 17)) === id[17];
}

export function usccCheckOk(code: string): boolean {
  return code.length === 18 && usccCheckChar(code.slice(0, 17)) === code[17];
}

/** A unique, valid code for an enterprise (registration dept 9, type 1) numbered `index`. */
export function usccFor(index: number, regionCode: string): string {
  // Affine map with a multiplier coprime to 10⁸: a bijection on 8-digit organization numbers.
  const body = String((index * 48271 + 13579) % 100_000_000).padStart(8, '0');
  const first17 = `91${regionCode}${body}${organizationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}

/**
 * A valid code of any kind: `deptType` is characters 1–2 (91 enterprise, 92 individual business,
 * 51 social organisation…), `org8` the organisation code's first eight characters, whose check
 * character and the code's own come from the validator's functions.
 */
export function creditCodeOf(deptType: string, regionCode: string, org8: string): string {
  const first17 = `${deptType}${regionCode}${org8}${organizationCodeCheckChar(org8)}`;
  return first17 + usccCheckChar(first17);
}

export interface IssuedId {
  idNumber: string;
  region: Region;
  birthDate: string;
}

/** Order-code slots per cell: male 2s+1 (001…997), female 2s+2 (002…998). */
const ORDER_SLOTS = 499;

export class IdAllocator {
  private readonly lanes: { region: Region; regionIndex: number; sub: number }[] = [];
  private readonly firstDay: number;
  private readonly days: number;
  private readonly cells: number;
  private readonly halfBits: number;
  private readonly keys: number[];
  private readonly maxBlock: number;

  /** Births span the years today−80 … today−19, so every subject is an adult on any day of this year. */
  constructor(seedHash: readonly number[], today: string) {
    REGIONS.forEach((region, regionIndex) => {
      for (let sub = 0; sub < region.weight; sub++) this.lanes.push({ region, regionIndex, sub });
    });
    const year = Number(today.slice(0, 4));
    this.firstDay = daysFromCivil(year - 80, 1, 1);
    this.days = daysFromCivil(year - 19, 12, 31) - this.firstDay + 1;
    this.cells = this.lanes.length * this.days;
    this.halfBits = Math.ceil(Math.ceil(Math.log2(this.cells)) / 2);
    this.keys = [0, 1, 2, 3].map((k) => mix32((seedHash[k] ?? 0) ^ (0x27d4eb2f * (k + 1))));
    this.maxBlock = Math.floor(ORDER_SLOTS / Math.max(...REGIONS.map((r) => r.weight)));
  }

  /** Indices i and i + cellCount share a (region lane, birth day) cell and differ by order code. */
  get cellCount(): number {
    return this.cells;
  }

  get capacity(): number {
    return this.cells * this.maxBlock;
  }

  /** Balanced Feistel over 2^(2·halfBits) ≥ cells, cycle-walked back into [0, cells). */
  private permute(q: number): number {
    const mask = (1 << this.halfBits) - 1;
    let x = q;
    do {
      let l = x >>> this.halfBits;
      let r = x & mask;
      for (const key of this.keys) {
        const t = l ^ (mix32(r ^ key) & mask);
        l = r;
        r = t;
      }
      x = (l << this.halfBits) | r;
    } while (x >= this.cells);
    return x;
  }

  issue(index: number, gender: 'M' | 'F'): IssuedId {
    const block = Math.floor(index / this.cells);
    if (block >= this.maxBlock) throw new Error(`subject index ${index} exceeds ID capacity ${this.capacity}`);
    const cell = this.permute(index % this.cells);
    const lane = this.lanes[cell % this.lanes.length];
    if (!lane) throw new Error('lane out of range');
    const day = this.firstDay + Math.floor(cell / this.lanes.length);
    // The rotation depends on (region, day) only, never on the lane, so it stays a bijection
    // within each cell group and spreads order codes over 001…998 instead of bunching at 001.
    const rotation = mix32(lane.regionIndex * 65537 + day + (this.keys[0] ?? 0)) % ORDER_SLOTS;
    const slot = (lane.sub + lane.region.weight * block + rotation) % ORDER_SLOTS;
    const order = gender === 'M' ? 2 * slot + 1 : 2 * slot + 2;
    const first17 = `${lane.region.code}${dayToCompact(day)}${String(order).padStart(3, '0')}`;
    return { idNumber: first17 + idCheckChar(first17), region: lane.region, birthDate: dayToIso(day) };
  }
}
