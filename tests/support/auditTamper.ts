import { openCore } from '../../electron/core';
import type { Database } from '../../electron/db/database';
import { referenceTriggers } from '../../electron/db/referenceSchema';
import { verifyAuditChain } from '../../electron/services/audit/auditService';
import { TEST_UNLOCK } from './core';

// What an attacker who holds the office file and its key does underneath the console, and how the
// audit tests then look: lift the append-only guards, edit, put the guards back exactly as the
// migrations wrote them (so that only the edit shows), and run `audit verify` on a fresh start.

const GUARDED = ['audit_event', 'query_log', 'visit', 'audit_checkpoint'];
const GUARDS = GUARDED.flatMap((t) => [`${t}_no_update`, `${t}_no_delete`]);

export function dropGuards(db: Database): Promise<void> {
  return db.exec(GUARDS.map((n) => `DROP TRIGGER ${n};`).join('\n'));
}

export async function restoreGuards(db: Database): Promise<void> {
  const reference = await referenceTriggers();
  await db.exec(GUARDS.map((n) => `${reference.get(n)!};`).join('\n'));
}

/** `audit verify` on the office in `dir`, through a core opened and closed again (as the command does). */
export async function verifyNow(dir: string, now = new Date('2026-11-22T02:00:00Z')) {
  const core = await openCore({ dataDir: dir, unlock: TEST_UNLOCK, now: () => now, repeatMaintenance: false });
  try {
    return await verifyAuditChain(core.ctx);
  } finally {
    await core.close();
  }
}

export const reasons = (r: Awaited<ReturnType<typeof verifyNow>>): string => (r.problems ?? []).map((p) => p.reason).join('\n');
