import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Dashboard } from '../../../shared/contract';
import { weekEndOf } from '../../../electron/services/cases/dashboardService';
import { at, caseWorld, type CaseWorld } from '../cases/fixtures';

// Exact figures on a seeded office: visits and reports made through the counter on chosen days,
// cases written with known states, deadlines and decision dates. Today is Friday 2026-11-20.

let w: CaseWorld;
let dash: Dashboard;
let mine: Dashboard;
let clerkId: number;
let managerId: number;

/** A new applicant's visit: three minutes later, past the window in which a repeated lookup reuses the open visit. */
async function newVisit(): Promise<number> {
  w.core.clock.now = new Date(w.core.clock.now.getTime() + 3 * 60_000);
  return w.visit();
}

async function insertCase(table: 'objection' | 'repair', c: { no: string; state: string; open: 0 | 1; received: string; due: string | null; decideBy?: string | null; decidedAt?: string | null; assignee?: number | null; paused?: 0 | 1; extendedBy?: string | null; createdBy: number }) {
  const subject = (await w.core.ctx.db.get<{ id: number }>('SELECT id FROM subject LIMIT 1'))!.id;
  const record = (await w.core.ctx.db.get<{ id: number }>('SELECT id FROM record LIMIT 1'))!.id;
  if (table === 'objection') {
    await w.core.ctx.db.run(
      `INSERT INTO objection (case_no, subject_id, id_number, applicant_kind, scope, description, profile_id, provider_unit, state, is_open, received_on, received_at,
                              due_on, decide_by, decided_at, assignee_id, paused, latest_extended_by, extended_total_days, created_by)
       VALUES (?, ?, '110101199001010011', 'self', 'wrong', 'x', 'default', 'p', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.no, subject, c.state, c.open, c.received, `${c.received}T02:00:00.000Z`, c.due, c.decideBy ?? null, c.decidedAt ?? null, c.assignee ?? null, c.paused ?? 0, c.extendedBy ?? null, c.extendedBy ? 20 : null, c.createdBy],
    );
  } else {
    await w.core.ctx.db.run(
      `INSERT INTO repair (case_no, subject_id, id_number, record_id, applicant_kind, profile_id, provider_unit, evidence, eligibility, snapshot, status_before, state, is_open,
                           received_on, received_at, due_on, decided_at, assignee_id, created_by)
       VALUES (?, ?, '110101199001010011', ?, 'self', 'default', 'p', '{}', '{}', '{}', 'active', ?, ?, ?, ?, ?, ?, ?, ?)`,
      [c.no, subject, record, c.state, c.open, c.received, `${c.received}T02:00:00.000Z`, c.due, c.decidedAt ?? null, c.assignee ?? null, c.createdBy],
    );
  }
}

before(async () => {
  w = await caseWorld('2026-11-20T02:00:00Z');
  // Three visits (one report, printed twice) on 11-18; two visits today, one with a report.
  await w.travel(at('2026-11-18'));
  for (let i = 0; i < 3; i += 1) await newVisit();
  const old = await w.core.ok('report.issue', { visitId: await newVisit() }, w.clerk);
  await w.core.ok('report.printed', { reportId: old.reportId, copyNo: (await w.core.ok('report.preview', { reportId: old.reportId, lang: 'zh' }, w.clerk)).copyNo, kind: 'print' }, w.clerk);
  await w.core.ok('report.printed', { reportId: old.reportId, copyNo: (await w.core.ok('report.preview', { reportId: old.reportId, lang: 'zh' }, w.clerk)).copyNo, kind: 'print' }, w.clerk);
  // 40 days ago: outside the window.
  await w.travel(at('2026-10-11'));
  await newVisit();
  await w.travel(at('2026-11-20'));
  await newVisit();
  const issued = await w.core.ok('report.issue', { visitId: await newVisit() }, w.clerk);
  await w.core.ok('report.printed', { reportId: issued.reportId, copyNo: (await w.core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, w.clerk)).copyNo, kind: 'print' }, w.clerk);
  await w.core.ok('report.printed', { reportId: issued.reportId, copyNo: (await w.core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, w.clerk)).copyNo, kind: 'print' }, w.clerk);
  clerkId = (await w.core.ctx.db.get<{ id: number }>("SELECT clerk_id AS id FROM visit ORDER BY id DESC LIMIT 1"))!.id;
  managerId = (await w.core.ctx.db.get<{ id: number }>("SELECT id FROM account WHERE role = 'manager' ORDER BY id DESC LIMIT 1"))!.id;

  // Open cases: due today (2), due Sunday 11-22 (1), due next week (1), overdue (2, one of them paused).
  await insertCase('objection', { no: 'T-1', state: 'accepted', open: 1, received: '2026-11-20', due: '2026-11-20', assignee: managerId, createdBy: clerkId });
  await insertCase('repair', { no: 'T-2', state: 'accepted', open: 1, received: '2026-11-20', due: '2026-11-20', createdBy: managerId });
  await insertCase('objection', { no: 'T-3', state: 'verifying', open: 1, received: '2026-11-10', due: '2026-11-22', assignee: managerId, createdBy: clerkId });
  await insertCase('objection', { no: 'T-4', state: 'verifying', open: 1, received: '2026-11-10', due: '2026-11-25', createdBy: clerkId });
  await insertCase('objection', { no: 'T-5', state: 'verifying', open: 1, received: '2026-10-01', due: '2026-11-12', assignee: managerId, createdBy: clerkId });
  await insertCase('objection', { no: 'T-6', state: 'verifying', open: 1, received: '2026-10-01', due: '2026-11-12', paused: 1, createdBy: clerkId });
  // Decided in the window: on time, late, late but within an approved extension, repair on time; one decided 40 days ago.
  await insertCase('objection', { no: 'D-1', state: 'decided', open: 0, received: '2026-11-01', due: null, decideBy: '2026-11-19', decidedAt: '2026-11-19T08:00:00.000Z', createdBy: clerkId });
  await insertCase('objection', { no: 'D-2', state: 'decided', open: 0, received: '2026-11-01', due: null, decideBy: '2026-11-10', decidedAt: '2026-11-18T08:00:00.000Z', createdBy: clerkId });
  await insertCase('objection', { no: 'D-3', state: 'notified', open: 0, received: '2026-11-01', due: null, decideBy: '2026-11-10', extendedBy: '2026-11-30', decidedAt: '2026-11-18T08:00:00.000Z', createdBy: clerkId });
  await insertCase('repair', { no: 'D-4', state: 'approved', open: 0, received: '2026-11-01', due: '2026-11-18', decidedAt: '2026-11-18T15:59:00.000Z', createdBy: clerkId });
  await insertCase('repair', { no: 'D-5', state: 'denied', open: 0, received: '2026-09-01', due: '2026-09-30', decidedAt: '2026-10-10T08:00:00.000Z', createdBy: clerkId });
  dash = await w.core.ok('dashboard.office', {}, w.manager);
  mine = await w.core.ok('dashboard.mine', {}, w.clerk);
});
after(() => w.core.dispose());

test("today's counter work: visits, reports, reprints and cases received today", () => {
  assert.equal(dash.today, '2026-11-20');
  assert.deepEqual(dash.todayCounts, { visits: 2, reports: 1, reprints: 1, objections: 1, repairs: 1 });
});

test('open cases by deadline: due today, this week (to Sunday), overdue without the stopped clock', () => {
  assert.equal(dash.weekEnd, '2026-11-22');
  assert.deepEqual(dash.cases, { open: 6, dueToday: 2, dueThisWeek: 3, overdue: 1 });
});

test('on-time rate of the decisions of the last 30 days counts an approved extension as the deadline', () => {
  assert.deepEqual(dash.onTime, { decided: 4, onTime: 3, rate: 0.75 });
});

test('30 days, oldest first, each day with its own figures; 11-18 holds the earlier visits and reprint', () => {
  assert.equal(dash.days.length, 30);
  assert.equal(dash.days[0]!.date, '2026-10-22');
  assert.equal(dash.days.at(-1)!.date, '2026-11-20');
  const d18 = dash.days.find((d) => d.date === '2026-11-18')!;
  assert.deepEqual(d18, { date: '2026-11-18', visits: 4, reports: 1, reprints: 1, objections: 0, repairs: 0, decided: 3, decidedOnTime: 2 });
  assert.equal(dash.days.reduce((n, d) => n + d.visits, 0), 6);
  assert.equal(dash.days.reduce((n, d) => n + d.objections, 0), 3 + 3);
});

test("the clerk's own dashboard counts only their work and the cases assigned to them", async () => {
  assert.equal(mine.scope, 'mine');
  // w.clerk is the latest clerk session (travel logs in a fresh clerk): only today's two visits are theirs.
  assert.deepEqual(mine.todayCounts, { visits: 2, reports: 1, reprints: 1, objections: 1, repairs: 0 });
  assert.deepEqual(mine.cases, { open: 0, dueToday: 0, dueThisWeek: 0, overdue: 0 });
  const managerOwn = await w.core.ok('dashboard.mine', {}, w.manager);
  assert.deepEqual(managerOwn.cases, { open: 3, dueToday: 1, dueThisWeek: 2, overdue: 1 });
  assert.equal(managerOwn.onTime.rate, null);
});

test('a clerk cannot read the office dashboard', async () => {
  const r = await w.core.call('dashboard.office', {}, w.clerk);
  assert.ok(!r.ok && r.error.code === 'FORBIDDEN', JSON.stringify(r));
});

test('week end is the coming Sunday', () => {
  assert.equal(weekEndOf('2026-11-16'), '2026-11-22');
  assert.equal(weekEndOf('2026-11-22'), '2026-11-22');
});
