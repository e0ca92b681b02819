import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { LookupResult } from '../../../shared/contract/counter';
import type { AtWindow } from '../../../shared/domain/officeWindow';
import { atWindow, clerkAt, enrolWindows } from '../../support/windowedCalls';
import { at, caseWorld, idNumber, recordId, seedSubject, type CaseWorld } from '../cases/fixtures';

// The manager's dashboard shows today's work per window (issue 23). The acts reach the office's one
// dispatcher with the window they came through, exactly as the office host hands them on.

let w: CaseWorld;
const window1: AtWindow = { id: 'w-1111', number: 1 };
const window3: AtWindow = { id: 'w-3333', number: 3 };

const lookup = (seq: number) => ({ idNumber: idNumber(seq), name: '张三', applicant: { kind: 'self' as const }, purposeCode: 'self_check' });

before(async () => {
  w = await caseWorld('2026-11-18T02:00:00Z');
  await seedSubject(w.core, 2);
  await seedSubject(w.core, 4);
  await enrolWindows(w.core, [window1, window3], '2026-11-17T01:00:00Z');
  // Yesterday at window 3: not today's work.
  await w.travel(at('2026-11-17'));
  const yesterday3 = await clerkAt(w.core, window3, 'zuotian3');
  await atWindow(w.core, window3, 'counter.lookup', lookup(4), yesterday3);
  await w.travel(at('2026-11-18'));
  const at1 = await clerkAt(w.core, window1, 'chuangkou1');
  const at3 = await clerkAt(w.core, window3, 'chuangkou3');
  // Window 1: two lookups, a report on the first.
  const v1 = await atWindow<LookupResult>(w.core, window1, 'counter.lookup', lookup(1), at1);
  await atWindow(w.core, window1, 'report.issue', { visitId: v1.visitId }, at1);
  await atWindow(w.core, window1, 'counter.lookup', lookup(2), at1);
  // Window 3: one lookup and an objection taken on it.
  const v3 = await atWindow<LookupResult>(w.core, window3, 'counter.lookup', lookup(1), at3);
  await atWindow(w.core, window3, 'objection.intake', { visitId: v3.visitId, recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误' }, at3);
  // The office's own console: one lookup.
  await w.core.ok('counter.lookup', lookup(4), w.clerk);
});
after(() => w.core.dispose());

test('dashboard: today per window — lookups, reports and intakes of each window that worked, then the console', async () => {
  const d = await w.core.ok('dashboard.office', {}, w.manager);
  assert.deepEqual(d.todayByWindow, [
    { windowNumber: 1, lookups: 2, reports: 1, intakes: 0 },
    { windowNumber: 3, lookups: 1, reports: 0, intakes: 1 },
    { windowNumber: null, lookups: 1, reports: 0, intakes: 0 },
  ]);
  // The same acts, seen whole: the window rows add up to the office's day.
  assert.equal(d.todayByWindow.reduce((n, r) => n + r.reports, 0), d.todayCounts.reports);
  assert.equal(d.todayByWindow.reduce((n, r) => n + r.intakes, 0), d.todayCounts.objections + d.todayCounts.repairs);
});

test('dashboard: reading it writes nothing, and a clerk’s own dashboard has no window table', async () => {
  const count = async () => (await w.core.ctx.db.get<{ n: number }>('SELECT (SELECT count(*) FROM audit_event) + (SELECT count(*) FROM query_log) AS n'))!.n;
  const before = await count();
  await w.core.ok('dashboard.office', {}, w.manager);
  const mine = await w.core.ok('dashboard.mine', {}, w.clerk);
  assert.deepEqual(mine.todayByWindow, []);
  assert.equal(await count(), before);
});

test('dashboard: a day with no work has no window rows', async () => {
  await w.travel(at('2026-11-19'));
  assert.deepEqual((await w.core.ok('dashboard.office', {}, w.manager)).todayByWindow, []);
});

test('dashboard: the window tally equals a count of the rows themselves, every day and window', async () => {
  const recount = await w.core.ctx.db.all<Record<string, unknown>>(
    `SELECT day, w, sum(l) AS lookups, sum(r) AS reports, sum(i) AS intakes FROM (
       SELECT date(at, '+8 hours') AS day, coalesce(window_number, 0) AS w, 1 AS l, 0 AS r, 0 AS i FROM query_log
       UNION ALL SELECT date(x.issued_at, '+8 hours'), coalesce(v.window_number, 0), 0, 1, 0 FROM report x JOIN visit v ON v.id = x.visit_id
       UNION ALL SELECT x.received_on, coalesce(v.window_number, 0), 0, 0, 1 FROM objection x LEFT JOIN visit v ON v.id = x.visit_id
       UNION ALL SELECT x.received_on, coalesce(v.window_number, 0), 0, 0, 1 FROM repair x LEFT JOIN visit v ON v.id = x.visit_id)
     GROUP BY day, w ORDER BY day, w`);
  const tally = await w.core.ctx.db.all<Record<string, unknown>>('SELECT day, window_number AS w, lookups, reports, intakes FROM window_day_tally ORDER BY day, w');
  assert.ok(recount.length >= 3);
  assert.deepEqual(tally, recount);
});
