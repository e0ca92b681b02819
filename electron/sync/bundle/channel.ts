// Pure sequence and freshness decision for one (sender, recipient, channel); the store keeps
// the state, this decides. Order matters: "already imported" wins over everything so that a
// re-import of an applied bundle is a harmless no-op even after it expired.
import { BundleError } from './errors';

export interface ChannelKey { sender: string; recipient: string; channel: string }

/** What the office last applied on the channel. */
export interface ChannelState { sequence: number; bundleHash: string }

export interface ChannelInput {
  sequence: number;
  prevHash: string | null;
  bundleHash: string;
  createdAt: Date;
  expiresAt: Date;
}

export type ChannelVerdict =
  | { kind: 'ok' }
  | { kind: 'already-imported' }
  | { kind: 'replay'; last: number }
  | { kind: 'equivocation' }
  | { kind: 'gap'; missing: number[]; missingFrom: number; missingTo: number }
  | { kind: 'expired' }
  | { kind: 'future' }
  | { kind: 'prev-hash-mismatch' };

const MAX_LISTED_MISSING = 100;

/** Debian's clock rule: a clock set back cannot revive an expired bundle. */
export function trustedNow(systemNow: Date, newestVerifiedCreatedAt: Date | null | undefined): Date {
  if (!newestVerifiedCreatedAt || newestVerifiedCreatedAt.getTime() <= systemNow.getTime()) return systemNow;
  return newestVerifiedCreatedAt;
}

export function classify(state: ChannelState | null, b: ChannelInput, now: Date, maxFutureSkewMs: number): ChannelVerdict {
  const last = state?.sequence ?? 0;
  if (state && b.sequence === last) return b.bundleHash === state.bundleHash ? { kind: 'already-imported' } : { kind: 'equivocation' };
  if (b.sequence < last) return { kind: 'replay', last };
  if (b.expiresAt.getTime() <= now.getTime()) return { kind: 'expired' };
  if (b.createdAt.getTime() > now.getTime() + maxFutureSkewMs) return { kind: 'future' };
  if (b.sequence > last + 1) {
    const missingFrom = last + 1;
    const missingTo = b.sequence - 1;
    const count = Math.min(missingTo - missingFrom + 1, MAX_LISTED_MISSING);
    return { kind: 'gap', missing: Array.from({ length: count }, (_, i) => missingFrom + i), missingFrom, missingTo };
  }
  if (b.prevHash !== (state?.bundleHash ?? null)) return { kind: 'prev-hash-mismatch' };
  return { kind: 'ok' };
}

export function verdictError(v: ChannelVerdict, b: ChannelInput): BundleError | null {
  switch (v.kind) {
    case 'ok': return null;
    case 'already-imported': return new BundleError('BUNDLE_ALREADY_IMPORTED', { sequence: b.sequence });
    case 'replay': return new BundleError('BUNDLE_REPLAY', { sequence: b.sequence, last: v.last });
    case 'equivocation': return new BundleError('BUNDLE_EQUIVOCATION', { sequence: b.sequence });
    case 'expired': return new BundleError('BUNDLE_EXPIRED', { expiresAt: b.expiresAt.toISOString() });
    case 'future': return new BundleError('BUNDLE_FROM_FUTURE', { createdAt: b.createdAt.toISOString() });
    case 'prev-hash-mismatch': return new BundleError('BUNDLE_PREV_HASH_MISMATCH', { sequence: b.sequence });
    case 'gap': {
      const missing = v.missingFrom === v.missingTo ? `${v.missingFrom}` : `${v.missingFrom}–${v.missingTo}`;
      return new BundleError('BUNDLE_SEQUENCE_GAP', { missing });
    }
  }
}
