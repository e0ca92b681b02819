import { HALL_NUMBER_CHARS } from '../contract/limits';

// The hall's queue ticket (排队号) and case number (办件编号) on a visit (issue 23), checked by one
// rule in the contract and in the counter's form. A barcode scanner types the number and ends with
// Enter; the value is trimmed, and an empty one means the clerk gave none.

export type HallNumberProblem = 'hall_number_chars' | 'too_big';

/** Why a trimmed value is refused (null: accepted; '' is accepted as "not given"). */
export function hallNumberProblem(trimmed: string, max: number): HallNumberProblem | null {
  if (trimmed === '') return null;
  if (!HALL_NUMBER_CHARS.test(trimmed)) return 'hall_number_chars';
  return trimmed.length > max ? 'too_big' : null;
}
