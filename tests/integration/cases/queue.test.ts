import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { QueuePage } from '../../../shared/cases/caseTypes';
import { isDueSoon, isOverdue, type CaseTiming } from '../../../shared/cases/caseTiming';
import { addWorkingDays } from '../../../shared/calendar/workingDays';
import { DUE_SOON_WORKING_DAYS } from '../../../electron/services/cases/caseQueueService';
import { officeCalendar } from '../../../electron/services/office/calendarService';
import { BENCH_PROVIDERS, insertSyntheticCases } from '../../../tools/bench/queueBench';
import { caseWorld, type CaseWorld } from './fixtures';

// Filters, sorts and keyset paging run in SQL; the test compares them with the same rules in JS.

let w: CaseWorld;
let staff: number[];
const N = 3000;
interface Row { id: number; case_no: string; state: string; is_open: number; paused: number; due_on: string; assignee_id: number | null; provider_unit: string; received_on: string; id_number: string }
let all: Row[];

before(async () => {
  w = await caseWorld('2026-11-20T02:00:00Z');
  const s = await w.core.ctx.db.get<{ id: number }>('SELECT id FROM subject LIMIT 1');
  staff = (await w.core.ctx.db.all<{ id: number }>("SELECT id FROM account WHERE role IN ('manager','clerk') ORDER BY id")).map((r) => r.id);
  await w.core.ctx.db.transaction((tx) => insertSyntheticCases(tx, N, { today: '2026-11-20', staffIds: staff, subjectId: s!.id, createdBy: staff[0]! }));
  // Some late cases have their clock stopped (testing, expert review): they are not overdue.
  await w.core.ctx.db.transaction((tx) => tx.run("UPDATE objection SET paused = 1 WHERE id IN (SELECT id FROM objection WHERE is_open = 1 AND due_on < '2026-11-20' ORDER BY id LIMIT 40)"));
  // And some due in the next days: a stopped clock is not due soon either.
  await w.core.ctx.db.transaction((tx) => tx.run("UPDATE objection SET paused = 1 WHERE id IN (SELECT id FROM objection WHERE is_open = 1 AND due_on BETWEEN '2026-11-20' AND '2026-11-24' ORDER BY id LIMIT 10)"));
  all = await w.core.ctx.db.all<Row>('SELECT id, case_no, state, is_open, paused, due_on, assignee_id, provider_unit, received_on, id_number FROM objection');
});
after(() => w.core.dispose());

async function walk(input: Record<string, unknown>): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (;;) {
    const page: QueuePage = await w.core.ok('cases.queue', { kind: 'objection', limit: 97, ...input, cursor } as never, w.manager);
    ids.push(...page.rows.map((r) => r.id));
    if (!page.nextCursor) return ids;
    cursor = page.nextCursor;
  }
}

const timing = (r: Row): CaseTiming => ({ open: r.is_open === 1, paused: r.paused === 1, dueOn: r.due_on });
const byDue = (a: Row, b: Row) => (a.due_on < b.due_on ? -1 : a.due_on > b.due_on ? 1 : a.id - b.id);

test('open cases, due date first (overdue at the top), every page in order with no gaps or repeats', async () => {
  const got = await walk({});
  const want = all.filter((r) => r.is_open === 1).sort(byDue).map((r) => r.id);
  assert.deepEqual(got, want);
  const first = await w.core.ok('cases.queue', { kind: 'objection', limit: 60 }, w.manager);
  // The earliest due are late, unless their clock is stopped: then they are not flagged overdue.
  assert.ok(first.rows.some((r) => r.paused) && first.rows.some((r) => !r.paused));
  assert.ok(first.rows.every((r) => (r.paused ? !r.overdue : r.overdue && r.daysLate > 0)));
});

test('state + assignee filter; unassigned; provider + received range sorted by received date', async () => {
  const got = await walk({ states: ['verifying'], assigneeId: staff[1] });
  assert.deepEqual(got, all.filter((r) => r.state === 'verifying' && r.assignee_id === staff[1]).sort(byDue).map((r) => r.id));
  const none = await walk({ assigneeId: 0 });
  assert.deepEqual(none, all.filter((r) => r.is_open === 1 && r.assignee_id === null).sort(byDue).map((r) => r.id));
  const prov = await walk({ open: null, provider: BENCH_PROVIDERS[2], receivedFrom: '2026-10-01', receivedTo: '2026-10-31', sort: 'received' });
  const want = all
    .filter((r) => r.provider_unit === BENCH_PROVIDERS[2] && r.received_on >= '2026-10-01' && r.received_on <= '2026-10-31')
    .sort((a, b) => (a.received_on > b.received_on ? -1 : a.received_on < b.received_on ? 1 : b.id - a.id))
    .map((r) => r.id);
  assert.ok(want.length > 0);
  assert.deepEqual(prov, want);
});

test('overdue and due-soon filters; search by case number or ID number finds closed cases too', async () => {
  const overdue = await walk({ due: 'overdue' });
  // The one rule (shared/cases/caseTiming.ts), not a copy of the SQL: a stopped clock is never late.
  const late = all.filter((r) => isOverdue(timing(r), '2026-11-20'));
  assert.ok(all.some((r) => r.paused === 1 && r.due_on < '2026-11-20' && r.is_open === 1), 'the data holds paused late cases');
  assert.deepEqual(overdue, late.sort(byDue).map((r) => r.id));
  // Due soon: within the office's working days from today, by the same shared rule.
  const until = addWorkingDays(await officeCalendar(w.core.ctx), '2026-11-20', DUE_SOON_WORKING_DAYS);
  const soon = all.filter((r) => isDueSoon(timing(r), '2026-11-20', until));
  assert.ok(all.some((r) => r.paused === 1 && r.is_open === 1 && r.due_on >= '2026-11-20' && r.due_on <= until), 'the data holds paused cases due soon');
  assert.ok(soon.length > 0);
  assert.deepEqual(await walk({ due: 'due_soon' }), soon.sort(byDue).map((r) => r.id));
  const target = all.find((r) => r.state === 'closed')!;
  const byNo = await w.core.ok('cases.queue', { kind: 'objection', search: target.case_no }, w.manager);
  assert.deepEqual(byNo.rows.map((r) => r.id), [target.id]);
  const byId = await walk({ search: target.id_number });
  assert.deepEqual(byId.sort((a, b) => a - b), all.filter((r) => r.id_number === target.id_number).map((r) => r.id).sort((a, b) => a - b));
});

test('bulk-assign records an event per case; workload counts per person', async () => {
  const open = all.filter((r) => r.is_open === 1 && r.assignee_id === null).slice(0, 10).map((r) => r.id);
  const res = await w.core.ok('cases.assign', { kind: 'objection', ids: open, assigneeId: staff[0]! }, w.manager);
  assert.equal(res.assigned, 10);
  const ev = await w.core.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM objection_event WHERE action = 'assigned'");
  assert.equal(ev?.n, 10);
  const wl = await w.core.ok('cases.workload', { kind: 'objection' }, w.manager);
  const mine = wl.find((r) => r.assigneeId === staff[0])!;
  assert.equal(mine.open, all.filter((r) => r.is_open === 1 && r.assignee_id === staff[0]).length + 10);
  // Late and due-soon per person by the shared rule: paused cases count in neither.
  const until = addWorkingDays(await officeCalendar(w.core.ctx), '2026-11-20', DUE_SOON_WORKING_DAYS);
  const now = await w.core.ctx.db.all<Row>('SELECT id, case_no, state, is_open, paused, due_on, assignee_id, provider_unit, received_on, id_number FROM objection');
  for (const row of wl) {
    const theirs = now.filter((r) => r.assignee_id === row.assigneeId);
    assert.equal(row.overdue, theirs.filter((r) => isOverdue(timing(r), '2026-11-20')).length, `overdue of ${row.assignee}`);
    assert.equal(row.dueSoon, theirs.filter((r) => isDueSoon(timing(r), '2026-11-20', until)).length, `due soon of ${row.assignee}`);
  }
  const clerkTry = await w.core.call('cases.assign', { kind: 'objection', ids: open, assigneeId: null }, w.clerk);
  assert.ok(!clerkTry.ok && clerkTry.error.code === 'FORBIDDEN');
});
