import type { Role } from '../../shared/domain/account';
import type { Queryable } from '../db/database';

/** Enabled accounts per role, for the administrator's first-run checklist. */
export async function activeAccountsByRole(db: Queryable): Promise<Partial<Record<Role, number>>> {
  const rows = await db.all<{ role: Role; n: number }>('SELECT role, count(*) AS n FROM account WHERE disabled = 0 GROUP BY role');
  return Object.fromEntries(rows.map((r) => [r.role, r.n]));
}

/** Whether any document (report copy or receipt) has gone through this console's printing. */
export async function anythingPrinted(db: Queryable): Promise<boolean> {
  const row = await db.get<{ printed: number }>(
    'SELECT EXISTS (SELECT 1 FROM report_print) OR EXISTS (SELECT 1 FROM receipt WHERE copies > 0) AS printed',
  );
  return row?.printed === 1;
}
