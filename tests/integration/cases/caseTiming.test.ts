import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, test } from 'node:test';
import fc from 'fast-check';
import { Database } from '../../../electron/db/database';
import { dueSoonSql, overdueSql } from '../../../electron/store/caseTimingSql';
import { isDueSoon, isOverdue } from '../../../shared/cases/caseTiming';
import { addCalendarDays } from '../../../shared/calendar/dates';
import { at, caseWorld, penalty, recordId, seedSubject, type CaseWorld } from './fixtures';
import { caseVersion } from '../../support/caseVersion';

// "Late" and "due soon" are one rule (shared/cases/caseTiming.ts) with one SQL twin
// (electron/store/caseTimingSql.ts): the queue's filters and flags, the workload table, the
// dashboard and the escalation sweep must all say the same of the same cases.

test('property: the SQL twins select exactly the cases the rule flags, on random cases in a real SQLite file', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-timing-'));
  const db = await Database.open(join(dir, 'timing.sqlite'), { platformFile: false });
  try {
    // The columns the rule reads, as the case tables declare them (due_key is generated).
    await db.exec(`CREATE TABLE objection (id INTEGER PRIMARY KEY, is_open INTEGER NOT NULL, paused INTEGER NOT NULL, due_on TEXT, due_key TEXT GENERATED ALWAYS AS (coalesce(due_on, '')) VIRTUAL);
                   CREATE TABLE repair (id INTEGER PRIMARY KEY, is_open INTEGER NOT NULL, due_on TEXT, due_key TEXT GENERATED ALWAYS AS (coalesce(due_on, '')) VIRTUAL);`);
    const day = fc.integer({ min: 0, max: 40 }).map((n) => addCalendarDays('2026-12-10', n));
    const aCase = fc.record({ open: fc.boolean(), paused: fc.boolean(), dueOn: fc.option(day, { nil: null }) });
    await fc.assert(
      fc.asyncProperty(fc.array(aCase, { maxLength: 30 }), day, fc.integer({ min: 0, max: 10 }), async (cases, today, span) => {
        const until = addCalendarDays(today, span);
        await db.exec('DELETE FROM objection; DELETE FROM repair;');
        await db.run('INSERT INTO objection (id, is_open, paused, due_on) SELECT key + 1, value ->> 0, value ->> 1, value ->> 2 FROM json_each(?)', [JSON.stringify(cases.map((c) => [c.open ? 1 : 0, c.paused ? 1 : 0, c.dueOn]))]);
        await db.run('INSERT INTO repair (id, is_open, due_on) SELECT key + 1, value ->> 0, value ->> 1 FROM json_each(?)', [JSON.stringify(cases.map((c) => [c.open ? 1 : 0, c.dueOn]))]);
        const ids = async (sql: string, params: unknown[]) => (await db.all<{ id: number }>(sql, params)).map((r) => r.id);
        const expect = (pred: (c: (typeof cases)[number]) => boolean) => cases.flatMap((c, i) => (pred(c) ? [i + 1] : []));
        assert.deepEqual(await ids(`SELECT id FROM objection WHERE ${overdueSql('objection', '', '?')} ORDER BY id`, [today]), expect((c) => isOverdue(c, today)));
        assert.deepEqual(await ids(`SELECT id FROM objection WHERE ${dueSoonSql('objection', '', '?', '?')} ORDER BY id`, [today, until]), expect((c) => isDueSoon(c, today, until)));
        assert.deepEqual(await ids(`SELECT id FROM repair WHERE ${overdueSql('repair', '', '?')} ORDER BY id`, [today]), expect((c) => isOverdue({ ...c, paused: false }, today)));
        assert.deepEqual(await ids(`SELECT id FROM repair WHERE ${dueSoonSql('repair', '', '?', '?')} ORDER BY id`, [today, until]), expect((c) => isDueSoon({ ...c, paused: false }, today, until)));
      }),
      { numRuns: 200, seed: 26 },
    );
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

let w: CaseWorld | undefined;
afterEach(() => w?.core.dispose());

test('objections whose clock is stopped are not late anywhere: queue filter and flags, workload, dashboard and sweep agree', async () => {
  // Henan: own data decided within 3 WD; testing or expert review stops the clock (art. 41).
  const world = (w = await caseWorld('2026-11-16T02:00:00Z', 'henan'));
  const second = await seedSubject(world.core, 2, (c) => [penalty(c, 1)]);
  const visitOfSecond = async () =>
    (await world.core.ok('counter.lookup', { idNumber: second.idNumber, name: second.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, world.clerk)).visitId;
  const ids: number[] = [];
  for (const [record, visit] of [['S1-R1', world.visit], ['S1-R2', world.visit], ['S2-R1', visitOfSecond]] as const) {
    const o = await world.core.ok('objection.intake', { visitId: await visit(), recordIds: [await recordId(world.core, record)], scope: 'wrong', description: '罚款金额有误' }, world.clerk);
    await world.core.ok('objection.act', { action: 'verify', id: o.id, version: await caseVersion(world.core, 'objection', o.id), route: 'own' }, world.manager);
    ids.push(o.id);
  }
  // Two are sent for testing the day after: their clocks stop before anything is late.
  await world.travel(at('2026-11-17'));
  for (const id of ids.slice(1)) await world.core.ok('objection.act', { action: 'pause', id, version: await caseVersion(world.core, 'objection', id), pauseReason: 'testing', reason: '送检' }, world.manager);
  await world.travel(at('2026-11-26')); // the running one was due Thu 19 Nov

  const overdueRows = (await world.core.ok('cases.queue', { kind: 'objection', due: 'overdue' }, world.manager)).rows;
  assert.deepEqual(overdueRows.map((r) => [r.id, r.overdue]), [[ids[0], true]], 'the filter lists only the running late case, and flags it');
  const all = (await world.core.ok('cases.queue', { kind: 'objection' }, world.manager)).rows;
  assert.deepEqual(all.filter((r) => r.overdue).map((r) => r.id), [ids[0]]);
  const soon = (await world.core.ok('cases.queue', { kind: 'objection', due: 'due_soon' }, world.manager)).rows;
  assert.ok(!soon.some((r) => r.id === ids[0]), 'a late case is not "due soon" too');
  const workload = await world.core.ok('cases.workload', { kind: 'objection' }, world.manager);
  assert.equal(workload.reduce((n, r) => n + r.overdue, 0), 1);
  const dashboard = await world.core.ok('dashboard.office', {}, world.manager);
  assert.equal(dashboard.cases.overdue, 1);
  await world.core.ok('cases.sweep', {}, world.manager);
  const escalated = (await world.core.ok('cases.queue', { kind: 'objection' }, world.manager)).rows.filter((r) => r.escalated).map((r) => r.id);
  assert.deepEqual(escalated, [ids[0]]);
});
