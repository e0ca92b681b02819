import type { CaseKind } from '../../shared/cases/caseTypes';

// The SQL twins of shared/cases/caseTiming.ts (isOverdue, isDueSoon), over a case table's columns,
// so the database filters and counts exactly what the console flags. `t` is the table's alias
// with its dot ('t.' or ''); the placeholders are the caller's ('?', '?1'…). Both keep
// `due_key` (coalesce(due_on, '')) as the range column, so the (is_open, …, due_key) indexes serve them.

const running = (kind: CaseKind, t: string) => (kind === 'objection' ? `${t}paused = 0` : '1');

/** isOverdue: binds today. */
export function overdueSql(kind: CaseKind, t: string, today: string): string {
  return `(${t}is_open = 1 AND ${running(kind, t)} AND ${t}due_key <> '' AND ${t}due_key < ${today})`;
}

/** isDueSoon: binds today and the last day counted as soon. */
export function dueSoonSql(kind: CaseKind, t: string, today: string, until: string): string {
  return `(${t}is_open = 1 AND ${running(kind, t)} AND ${t}due_key >= ${today} AND ${t}due_key <= ${until})`;
}
