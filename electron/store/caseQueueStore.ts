import { dueSoonSql, overdueSql } from './caseTimingSql';
import { OBJECTION_WORKFLOW, REPAIR_WORKFLOW, type CaseKind } from '../../shared/cases/caseTypes';
import type { Queryable } from '../db/database';
import { compareProviders, sortProviders } from '../../shared/rules/providerOrder';
import { CASE_TABLE } from './caseStore';

// The manager's queue: filter, sort and page in SQL. Every combination below has an index whose
// leading columns are the equality filters and whose tail is the sort key plus id, so a page is a
// range scan of `limit` index entries, whatever the table size; the keyset cursor (sort key, id)
// makes page 500 as cheap as page 1.

export type QueueSort = 'due' | 'received' | 'case_no' | 'state' | 'provider' | 'assignee';
export type SortDir = 'asc' | 'desc';

/** A clause ANDed into every queue query (e.g. which cases a caller may see); composable, never a string splice of input. */
export interface QueueRestriction {
  sql: string;
  params: unknown[];
}

export interface QueueQuery {
  kind: CaseKind;
  open: boolean | null;
  states: string[] | null;
  /** null: any; 0: unassigned. */
  assigneeId: number | null;
  provider: string | null;
  receivedFrom: string | null;
  receivedTo: string | null;
  idNumber: string | null;
  caseNo: string | null;
  /** Digits anywhere in the ID number (the last four a citizen quotes, or the middle). */
  idPartial: string | null;
  /** The subject's name, or its beginning. */
  namePrefix: string | null;
  restrictions: QueueRestriction[];
  /** Only late cases, or only those due soon (from today to `until`): caseTiming's rule. */
  due: { kind: 'overdue'; today: string } | { kind: 'due_soon'; today: string; until: string } | null;
  sort: QueueSort;
  /** Default per column: due dates ascending (most urgent first), the rest newest/last first. */
  dir: SortDir | null;
  /** [sort key, id] of the last row of the previous page. */
  after: [string, number] | null;
  limit: number;
}

export interface QueueDbRow {
  id: number;
  case_no: string;
  state: string;
  id_number: string;
  subject_name: string | null;
  subject_kind: 'person' | 'entity' | null;
  provider_unit: string;
  received_on: string;
  due_on: string | null;
  calendar_gap: string | null;
  assignee_id: number | null;
  assignee: string | null;
  paused: number;
  escalated_at: string | null;
  is_open: number;
  profile_id: string;
  sort_key: string;
}

// Sort keys are all text, so the keyset cursor is always [text, id]. Due date, received date and
// case number are index ranges; state, provider and assignee sort the filtered rows in SQLite.
const SORTS: Record<QueueSort, { key: string; dir: 'ASC' | 'DESC' }> = {
  due: { key: 't.due_key', dir: 'ASC' },
  received: { key: 't.received_on', dir: 'DESC' },
  case_no: { key: 't.case_no', dir: 'DESC' },
  // Replaced per kind by the workflow position (stateKey): internal codes sort alphabetically.
  state: { key: 't.state', dir: 'ASC' },
  // By the name's place in pinyin order (queuePage), not by character code.
  provider: { key: 't.provider_unit', dir: 'ASC' },
  assignee: { key: "coalesce(a.display_name, '')", dir: 'ASC' },
};

/** Highest code point: `name < prefix || MAX` bounds a prefix range in SQLite's binary order. */
const MAX_CHAR = String.fromCodePoint(0x10ffff);

function where(q: QueueQuery): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  if (q.states && q.states.length > 0) {
    clauses.push(`t.state IN (${q.states.map(() => '?').join(', ')})`);
    params.push(...q.states);
  } else if (q.open !== null) {
    clauses.push('t.is_open = ?');
    params.push(q.open ? 1 : 0);
  }
  if (q.assigneeId !== null) {
    clauses.push(q.assigneeId === 0 ? 't.assignee_id IS NULL' : 't.assignee_id = ?');
    if (q.assigneeId !== 0) params.push(q.assigneeId);
  }
  if (q.provider !== null) {
    clauses.push('t.provider_unit = ?');
    params.push(q.provider);
  }
  if (q.receivedFrom !== null) {
    clauses.push('t.received_on >= ?');
    params.push(q.receivedFrom);
  }
  if (q.receivedTo !== null) {
    clauses.push('t.received_on <= ?');
    params.push(q.receivedTo);
  }
  if (q.idNumber !== null) {
    clauses.push('t.id_number = ?');
    params.push(q.idNumber);
  }
  if (q.caseNo !== null) {
    // Prefix search on the unique index: "YY20261121" lists that day's cases.
    clauses.push('t.case_no >= ? AND t.case_no < ?');
    params.push(q.caseNo, `${q.caseNo}~`);
  }
  if (q.idPartial !== null) {
    clauses.push('instr(t.id_number, ?) > 0');
    params.push(q.idPartial);
  }
  if (q.namePrefix !== null) {
    clauses.push('t.subject_id IN (SELECT id FROM subject WHERE name >= ? AND name < ?)');
    params.push(q.namePrefix, `${q.namePrefix}${MAX_CHAR}`);
  }
  for (const r of q.restrictions) {
    clauses.push(`(${r.sql})`);
    params.push(...r.params);
  }
  if (q.due?.kind === 'overdue') {
    clauses.push(overdueSql(q.kind, 't.', '?'));
    params.push(q.due.today);
  } else if (q.due?.kind === 'due_soon') {
    clauses.push(dueSoonSql(q.kind, 't.', '?', '?'));
    params.push(q.due.today, q.due.until);
  }
  return { sql: clauses.length ? clauses.join(' AND ') : 'true', params };
}

/** A state's place in its workflow as sortable text ('00', '01', …): the queue sorts by how far a case has come. */
function stateKey(kind: CaseKind): string {
  const order = kind === 'objection' ? OBJECTION_WORKFLOW : REPAIR_WORKFLOW;
  return `(CASE t.state ${order.map((s, i) => `WHEN '${s}' THEN '${String(i).padStart(2, '0')}'`).join(' ')} ELSE '99' END)`;
}

/** The providing units of this kind's cases, in pinyin order (shared/rules/providerOrder.ts). */
export async function providersInOrder(db: Queryable, kind: CaseKind): Promise<string[]> {
  const rows = await db.all<{ p: string }>(`SELECT DISTINCT provider_unit AS p FROM ${CASE_TABLE[kind].table}`);
  return sortProviders(rows.map((r) => r.p));
}

/**
 * Where the cursor's provider stands among today's names. A name that has gone since the last page
 * (its cases renamed) stands half a place before the first name that sorts after it, so the next
 * page goes on from there instead of ending the queue (a missing place compared as NULL: no rows).
 */
function providerPlace(providers: readonly string[], name: string): number {
  const place = providers.indexOf(name);
  if (place >= 0) return place;
  const after = providers.findIndex((p) => compareProviders(p, name) > 0);
  return (after < 0 ? providers.length : after) - 0.5;
}

export async function queuePage(db: Queryable, q: QueueQuery): Promise<QueueDbRow[]> {
  const { table } = CASE_TABLE[q.kind];
  // By provider: SQLite cannot collate pinyin, so each name's place in the pinyin order (a CTE over
  // the sorted names, the query's first parameter) is the key. The cursor keeps the name, whose
  // place is found again, so a provider added between pages moves nothing.
  const byProvider = q.sort === 'provider';
  const key = q.sort === 'state' ? stateKey(q.kind) : byProvider ? 'pr.place' : SORTS[q.sort].key;
  const sort = { key, dir: q.dir ? (q.dir === 'asc' ? 'ASC' : 'DESC') : SORTS[q.sort].dir };
  const w = where(q);
  const providers = byProvider ? await providersInOrder(db, q.kind) : [];
  const params: unknown[] = byProvider ? [JSON.stringify(providers)] : [];
  params.push(...w.params);
  let keyset = '';
  if (q.after) {
    keyset = ` AND (${sort.key}, t.id) ${sort.dir === 'ASC' ? '>' : '<'} (?, ?)`;
    params.push(byProvider ? providerPlace(providers, String(q.after[0])) : q.after[0], q.after[1]);
  }
  params.push(q.limit);
  return db.all<QueueDbRow>(
    `${byProvider ? 'WITH provider_place(name, place) AS (SELECT value, key FROM json_each(?)) ' : ''}SELECT t.id, t.case_no, t.state, t.id_number, s.name AS subject_name, s.kind AS subject_kind, t.provider_unit, t.received_on, t.due_on, t.calendar_gap, t.assignee_id,
            a.display_name AS assignee, ${q.kind === 'objection' ? 't.paused' : '0 AS paused'}, t.escalated_at, t.is_open, t.profile_id,
            ${byProvider ? 't.provider_unit' : sort.key} AS sort_key
       FROM ${table} t LEFT JOIN account a ON a.id = t.assignee_id LEFT JOIN subject s ON s.id = t.subject_id${byProvider ? ' JOIN provider_place pr ON pr.name = t.provider_unit' : ''}
      WHERE ${w.sql}${keyset}
      ORDER BY ${sort.key} ${sort.dir}, t.id ${sort.dir}
      LIMIT ?`,
    params,
  );
}

/** Matching rows up to `cap`; the cap keeps a count on a broad filter from scanning the table. */
export async function queueCount(db: Queryable, q: QueueQuery, cap: number): Promise<number> {
  const w = where(q);
  const row = await db.get<{ n: number }>(`SELECT count(*) AS n FROM (SELECT 1 FROM ${CASE_TABLE[q.kind].table} t WHERE ${w.sql} LIMIT ?)`, [...w.params, cap]);
  return row?.n ?? 0;
}

export interface WorkloadDbRow {
  assignee_id: number | null;
  assignee: string | null;
  open: number;
  overdue: number;
  due_soon: number;
}

export function workload(db: Queryable, kind: CaseKind, today: string, soon: string): Promise<WorkloadDbRow[]> {
  return db.all<WorkloadDbRow>(
    `SELECT w.assignee_id, a.display_name AS assignee, w.open, w.overdue, w.due_soon FROM (
       SELECT assignee_id, count(*) AS open,
              sum(${overdueSql(kind, '', '?1')}) AS overdue,
              sum(${dueSoonSql(kind, '', '?1', '?2')}) AS due_soon
         FROM ${CASE_TABLE[kind].table} WHERE is_open = 1 GROUP BY assignee_id) w
       LEFT JOIN account a ON a.id = w.assignee_id
      ORDER BY w.open DESC`,
    [today, soon],
  );
}

export async function assignCases(tx: Queryable, kind: CaseKind, ids: readonly number[], assigneeId: number | null): Promise<{ id: number; case_no: string; from: number | null }[]> {
  const { table } = CASE_TABLE[kind];
  const before = await tx.all<{ id: number; case_no: string; from: number | null }>(
    `SELECT id, case_no, assignee_id AS "from" FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`,
    [JSON.stringify(ids)],
  );
  await tx.run(`UPDATE ${table} SET assignee_id = ? WHERE id IN (SELECT value FROM json_each(?))`, [assigneeId, JSON.stringify(ids)]);
  return before;
}

/** Marks cases past their deadline as escalated (once); returns the newly escalated ones. */
export function escalateOverdue(
  tx: Queryable,
  kind: CaseKind,
  today: string,
  at: string,
): Promise<{ id: number; case_no: string; provider_unit: string; due_on: string; state: string; profile_id: string; route: string | null }[]> {
  const { table } = CASE_TABLE[kind];
  const route = kind === 'objection' ? 'route' : 'NULL AS route';
  return tx.all(
    `UPDATE ${table} SET escalated_at = ?1 WHERE ${overdueSql(kind, '', '?2')} AND escalated_at IS NULL
     RETURNING id, case_no, provider_unit, due_on, state, profile_id, ${route}`,
    [at, today],
  );
}
