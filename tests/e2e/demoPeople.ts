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
  const found = demoPeople().find(predicate);
  if (!found) throw new Error('no demo person matches');
  return found;
}
