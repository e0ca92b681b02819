import { DEMO_SEED } from '../../electron/demo/demoOffice';
import { generatePopulation } from '../../electron/seed/population';
import type { SubjectBundle } from '../../shared/domain/population';
import { chinaDate } from '../../shared/calendar/dates';

/** The demo office's people are deterministic: the tests pick them by what they carry. */
export function demoPeople(count = 2000): SubjectBundle[] {
  return [...generatePopulation({ subjects: count, seed: DEMO_SEED, today: chinaDate(new Date()), centralIdPrefix: 'DEMO-' })];
}

export function demoPersonWith(predicate: (b: SubjectBundle) => boolean): SubjectBundle {
  const found = demoPeople().find(predicate);
  if (!found) throw new Error('no demo person matches');
  return found;
}
