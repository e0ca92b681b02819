// Whether a case is late, or due soon: one rule for the queue and its filters, the workload table,
// the dashboard, the escalation sweep and the case page. Its SQL twin is
// electron/store/caseTimingSql.ts, tested against this function on random cases.

/** The facts of a case that decide its timing. */
export interface CaseTiming {
  open: boolean;
  /** The clock is stopped (Henan art. 41: testing or expert review). Repairs never stop. */
  paused: boolean;
  dueOn: string | null;
}

/** Late: open, its clock running, and due before today. A stopped clock is never late. */
export function isOverdue(c: CaseTiming, today: string): boolean {
  return c.open && !c.paused && c.dueOn !== null && c.dueOn < today;
}

/** Due soon: open, its clock running, not late, and due on or before `until` (today for "due today"). */
export function isDueSoon(c: CaseTiming, today: string, until: string): boolean {
  return c.open && !c.paused && c.dueOn !== null && c.dueOn >= today && c.dueOn <= until;
}
