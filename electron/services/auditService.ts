import type { AuditVerifyResult } from '../../shared/contract';
import { appendAudit, auditHash, GENESIS_HASH, iterateAudit, type AuditEventInput } from '../store/auditStore';
import type { Queryable } from '../db/database';
import type { Caller, CoreContext } from './context';

export type AuditEntry = Omit<AuditEventInput, 'at' | 'actorId' | 'actor'>;

/** Appends inside the caller's transaction so the event and the change it describes commit together. */
export function auditIn(tx: Queryable, ctx: CoreContext, caller: Pick<Caller, 'accountId' | 'username'> | null, e: AuditEntry): Promise<number> {
  return appendAudit(tx, { ...e, at: ctx.now().toISOString(), actorId: caller?.accountId ?? null, actor: caller?.username ?? null });
}

export function audit(ctx: CoreContext, caller: Pick<Caller, 'accountId' | 'username'> | null, e: AuditEntry): Promise<number> {
  return ctx.db.transaction((tx) => auditIn(tx, ctx, caller, e));
}

/** Recomputes every link; the first row whose stored hashes disagree is where the log was altered. */
export async function verifyAuditChain(db: Queryable): Promise<AuditVerifyResult> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for await (const row of iterateAudit(db)) {
    if (row.seq !== expectedSeq) return { ok: false, checked, firstBroken: { seq: expectedSeq, reason: `event ${expectedSeq} is missing` } };
    if (row.prev_hash !== prev) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'previous-hash link does not match' } };
    if (auditHash(prev, row) !== row.hash) return { ok: false, checked, firstBroken: { seq: row.seq, reason: 'content does not match its hash' } };
    prev = row.hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, firstBroken: null };
}
