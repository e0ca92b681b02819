// Streaming population generator for the demo office, the benchmark and the reference central
// platform. Every subject is a pure function of (seed, today's year, index): nothing is kept
// between subjects, so 10 million subjects stream in constant memory and any index range can be
// generated on its own (batches, workers) and still match one long run.
import type { SubjectBundle } from '../../shared/domain/population';
import { SubjectBuilder } from './builder';
import { IdAllocator } from './idNumbers';
import { personName } from './names';
import { addBlackList, addDishonestDebtor, addPenalty } from './negatives';
import { hashSeed, Rng } from './prng';
import {
  addCommitment,
  addContract,
  addEducation,
  addHonour,
  addHouseholdRegistration,
  addLicence,
  addMarriage,
  addQualification,
  addSocialInsurance,
  addTaxCredit,
  addVolunteer,
} from './records';
import { addRedList } from './redList';

export interface PopulationOptions {
  /** How many subjects to generate, starting at startIndex. */
  subjects: number;
  seed: string;
  /** YYYY-MM-DD; dates are spread relative to it and never lie after it. */
  today: string;
  startIndex?: number;
  /** Prefix of every central id, so several generated platforms never clash. */
  centralIdPrefix?: string;
}

/** Target shares, checked roughly by tests/unit/seed/population.test.ts. */
export const SHARES = {
  dishonestDebtor: 0.03,
  blackList: 0.02,
  redList: 0.03,
  businessOwner: 0.22,
} as const;

function personBundle(index: number, seedHash: readonly [number, number, number, number], ids: IdAllocator, today: string, prefix: string): SubjectBundle {
  const rng = Rng.forIndex(seedHash, index);
  const gender = rng.chance(0.51) ? 'M' : 'F';
  const issued = ids.issue(index, gender);
  const name = personName(rng, gender);
  const centralId = `${prefix}P${index}`;
  const b = new SubjectBuilder(rng, issued.region, name, issued.birthDate, today, centralId, `${prefix}R${index}-`, `${prefix}L${index}-`);

  addHouseholdRegistration(b);
  if (rng.chance(0.65)) addEducation(b);
  if (rng.chance(0.45)) addMarriage(b);
  if (rng.chance(0.12)) addQualification(b);
  if (rng.chance(0.8)) addSocialInsurance(b, 'pension');
  if (rng.chance(0.6)) addSocialInsurance(b, 'medical');
  if (rng.chance(SHARES.businessOwner)) {
    addLicence(b);
    if (rng.chance(0.2)) addLicence(b);
    if (rng.chance(0.75)) {
      addTaxCredit(b, 0);
      if (rng.chance(0.5)) addTaxCredit(b, 1);
    }
  }
  if (rng.chance(0.25)) addContract(b);
  if (rng.chance(0.18)) addVolunteer(b);
  if (rng.chance(0.08)) addCommitment(b);

  // Red-list persons have, by definition, three clean years: they get no negative records.
  if (rng.chance(SHARES.redList)) {
    addRedList(b);
    if (rng.chance(0.3)) addHonour(b);
  } else {
    if (rng.chance(0.02)) addHonour(b);
    const roll = rng.next();
    const penalties = roll < 0.78 ? 0 : roll < 0.93 ? 1 : roll < 0.98 ? 2 : 3;
    for (let k = 0; k < penalties; k++) addPenalty(b);
    if (rng.chance(SHARES.dishonestDebtor / (1 - SHARES.redList))) addDishonestDebtor(b);
    if (rng.chance(SHARES.blackList / (1 - SHARES.redList))) addBlackList(b);
  }

  return {
    subject: {
      kind: 'person',
      idNumber: issued.idNumber,
      name,
      gender,
      birthDate: issued.birthDate,
      legalRepresentative: null,
      regionCode: issued.region.code,
      centralId,
      version: 1,
    },
    records: b.records,
    listEntries: b.listEntries,
  };
}

export function* generatePopulation(opts: PopulationOptions): Generator<SubjectBundle> {
  const seedHash = hashSeed(opts.seed);
  const ids = new IdAllocator(seedHash, opts.today);
  const start = opts.startIndex ?? 0;
  const prefix = opts.centralIdPrefix ?? '';
  if (start + opts.subjects > ids.capacity) throw new Error(`at most ${ids.capacity} subjects per seed`);
  for (let i = start; i < start + opts.subjects; i++) yield personBundle(i, seedHash, ids, opts.today, prefix);
}
