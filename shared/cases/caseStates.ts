import type { ObjectionState, RepairState } from './caseTypes';

// The legal moves of each case. Anything not listed is refused with ILLEGAL_TRANSITION, so a
// decided case cannot be re-decided and a rejected one cannot be verified.

export const OBJECTION_TRANSITIONS: Readonly<Record<ObjectionState, readonly ObjectionState[]>> = {
  received: ['accepted', 'rejected'],
  accepted: ['verifying'],
  verifying: ['decided'],
  decided: ['notified'],
  notified: ['closed'],
  rejected: ['closed'],
  closed: [],
};

export const REPAIR_TRANSITIONS: Readonly<Record<RepairState, readonly RepairState[]>> = {
  received: ['accepted', 'rejected'],
  accepted: ['forwarded', 'approved', 'denied'],
  forwarded: ['approved', 'denied'],
  approved: ['closed'],
  denied: ['closed'],
  rejected: ['closed'],
  closed: [],
};

/** States in which the statutory clock runs: the queue's "open" cases. */
export const OBJECTION_CLOCK_STATES: readonly ObjectionState[] = ['received', 'accepted', 'verifying'];
export const REPAIR_CLOCK_STATES: readonly RepairState[] = ['received', 'accepted', 'forwarded'];

/** While an objection is accepted and not yet decided its records carry the annotation (异议标注). */
export const OBJECTION_ANNOTATED_STATES: readonly ObjectionState[] = ['accepted', 'verifying'];

export function objectionCanMove(from: ObjectionState, to: ObjectionState): boolean {
  return OBJECTION_TRANSITIONS[from].includes(to);
}

export function repairCanMove(from: RepairState, to: RepairState): boolean {
  return REPAIR_TRANSITIONS[from].includes(to);
}
