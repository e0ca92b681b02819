import type { Queryable } from '../db/database';

/**
 * The data date of the platform file (issue 24): when the platform made the last update bundle this
 * office applied (its signed creation time, not the time the operator imported it: the data are as
 * old as the platform's copy was). null when no update was ever applied.
 */
export async function lastAppliedUpdateAt(db: Queryable): Promise<string | null> {
  const row = await db.get<{ t: string | null }>("SELECT max(created_at) AS t FROM sync_bundle_in WHERE result = 'applied' AND purpose = 'update'");
  return row?.t ?? null;
}
