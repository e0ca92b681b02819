import { DEMO_SEED } from '../../electron/demo/demoOffice';
import { generatePopulation } from '../../electron/seed/population';
import type { SubjectBundle } from '../../shared/domain/population';
import { dayOf, E2E_NOW } from './fixtures';

/**
 * The demo office's people are deterministic for a given day (their dates are laid out from the
 * day the office was made): the tests pick them by what they carry, as the console made them at
 * the suite's instant.
 */
export function demoPeople(count = 2000): SubjectBundle[] {
  return [...generatePopulation({ subjects: count, seed: DEMO_SEED, today: dayOf(E2E_NOW), centralIdPrefix: 'DEMO-' })];
}

export function demoPersonWith(predicate: (b: SubjectBundle) => boolean): SubjectBundle {
  return demoPeopleWith(predicate, 1)[0]!;
}

/**
 * As many different people as asked for: tests in one file share a console, so a test that
 * issues reports takes a person of its own (a report counts against that person's free ones).
 */
export function demoPeopleWith(predicate: (b: SubjectBundle) => boolean, count: number): SubjectBundle[] {
  const found = demoPeople().filter(predicate).slice(0, count);
  if (found.length < count) throw new Error(`only ${found.length} demo people match, ${count} wanted`);
  return found;
}
