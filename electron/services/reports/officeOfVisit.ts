import type { CoreContext } from '../context';

/** The office as a document issued for this visit names it: with the window it was made at, if any (issue 23). */
export function officeOfVisit(ctx: CoreContext, visit: { window_number: number | null }): { code: string; name: string; window?: number } {
  return visit.window_number === null ? ctx.office : { ...ctx.office, window: visit.window_number };
}
