import { ENROLL_PAUSE_MINUTES } from '../../../shared/domain/officeWindow';

// Brute force of enrollment codes (issue 23): the only endpoint open without a certificate is
// enrolment, so refused attempts are counted per source address and in all, over a sliding window
// of the office clock. Past the limit the source (or, past the total, everyone) is refused without
// the code being looked at, and without an audit event for each try: one event says the lock began.
// The secret has 80 bits, so guessing was hopeless anyway; the limit keeps a flood of tries from
// filling the audit chain. Counts live in the host's memory: a restart forgets them.

export const ENROLL_TRIES_PER_SOURCE = 10;
export const ENROLL_TRIES_TOTAL = 50;
export const ENROLL_LOCK_MINUTES = ENROLL_PAUSE_MINUTES;

export type GuardState = 'open' | 'source_locked' | 'all_locked';

export class EnrollmentGuard {
  private readonly bySource = new Map<string, number[]>();
  private all: number[] = [];

  private recent(times: number[], now: number): number[] {
    return times.filter((t) => t > now - ENROLL_LOCK_MINUTES * 60_000);
  }

  state(source: string, now: number): GuardState {
    this.all = this.recent(this.all, now);
    if (this.all.length >= ENROLL_TRIES_TOTAL) return 'all_locked';
    const mine = this.recent(this.bySource.get(source) ?? [], now);
    this.bySource.set(source, mine);
    return mine.length >= ENROLL_TRIES_PER_SOURCE ? 'source_locked' : 'open';
  }

  /** Counts a refused try; returns the lock this try began, if it began one. */
  refused(source: string, now: number): Exclude<GuardState, 'open'> | null {
    const before = this.state(source, now);
    this.all.push(now);
    this.bySource.get(source)!.push(now);
    const after = this.state(source, now);
    return after !== 'open' && after !== before ? after : null;
  }
}
