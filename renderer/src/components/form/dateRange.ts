/** The one date-range rule every filter and form shares: the end may not come before the start. */
export function rangeError(from: string, to: string): 'form.endBeforeStart' | null {
  return from && to && to < from ? 'form.endBeforeStart' : null;
}
