import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import { ensureDemoOffice } from '../../../electron/demo/demoOffice';
import { officeDashboard } from '../../../electron/services/cases/dashboardService';
import { auditActionLabel } from '../../../shared/i18n/auditLabels';
import { openTestCore, type TestCore } from '../../support/core';

// A new user opens the demo office and sees it at work: cases in every state, deadlines due today,
// this week and overdue, and a month of counter work on the dashboard. The same day gives the same office.

let a: TestCore;
let b: TestCore;
const NOW = '2026-11-18T02:00:00Z'; // a Wednesday

before(async () => {
  a = await openTestCore({ now: NOW });
  b = await openTestCore({ now: NOW });
  await ensureDemoOffice(a, () => undefined);
  await ensureDemoOffice(b, () => undefined);
});
after(async () => {
  await a.dispose();
  await b.dispose();
});

const casesOf = (core: TestCore) =>
  core.ctx.db.all<{ kind: string; case_no: string; state: string; due_on: string | null; received_on: string }>(
    "SELECT 'objection' AS kind, case_no, state, due_on, received_on FROM objection UNION ALL SELECT 'repair', case_no, state, due_on, received_on FROM repair ORDER BY 1, 2",
  );

test('objections and repairs in every state', async () => {
  const rows = await casesOf(a);
  const states = (kind: string) => new Set(rows.filter((r) => r.kind === kind).map((r) => r.state));
  for (const s of ['received', 'accepted', 'verifying', 'decided', 'closed', 'rejected']) assert.ok(states('objection').has(s), `objection ${s}`);
  for (const s of ['accepted', 'forwarded', 'approved', 'denied']) assert.ok(states('repair').has(s), `repair ${s}`);
});

test('the dashboard shows due today, due this week, overdue, decisions and a month of visits', async () => {
  const d = await officeDashboard(a.ctx);
  assert.ok(d.cases.dueToday >= 1, JSON.stringify(d.cases));
  assert.ok(d.cases.dueThisWeek > d.cases.dueToday);
  assert.ok(d.cases.overdue >= 2);
  assert.ok(d.onTime.decided >= 4 && d.onTime.onTime < d.onTime.decided && d.onTime.onTime > 0, JSON.stringify(d.onTime));
  assert.ok(d.days.every((x) => x.visits > 0), 'a visit on every day');
  assert.ok(d.days.filter((x) => x.reports > 0).length > 20);
  assert.ok(d.days.some((x) => x.reprints > 0));
  assert.ok(d.todayCounts.objections >= 2 && d.todayCounts.repairs >= 1);
});

test('attachments are there to open, and the histories name staff', async () => {
  const attached = await a.ctx.db.all<{ sha256: string }>('SELECT DISTINCT sha256 FROM objection_attachment');
  assert.ok(attached.length >= 2, `${attached.length} distinct attachments`);
  // Opened as a manager opens them from a case: the stored bytes come back, of the type they claim.
  const manager = (await a.loginAs('manager')).token;
  for (const { sha256 } of attached) {
    const file = await a.ok('attachment.get', { sha256 }, manager);
    const bytes = Buffer.from(file.dataBase64, 'base64');
    assert.equal(createHash('sha256').update(bytes).digest('hex'), sha256);
    const magic = file.mimeType === 'application/pdf' ? '%PDF-' : file.mimeType === 'image/png' ? '\x89PNG' : '\xff\xd8\xff';
    assert.equal(bytes.subarray(0, magic.length).toString('latin1'), magic, `${file.fileName} is a real ${file.mimeType}`);
  }
  const actors = await a.ctx.db.all<{ actor: string }>('SELECT DISTINCT actor FROM objection_event WHERE actor IS NOT NULL');
  assert.deepEqual(actors.map((r) => r.actor).sort(), ['clerk', 'manager']);
});

test('deterministic: two demo offices built on the same day hold the same cases', async () => {
  assert.deepEqual(await casesOf(a), await casesOf(b));
  const visits = (core: TestCore) => core.ctx.db.all('SELECT started_at, id_number, purpose_code FROM visit ORDER BY id');
  assert.deepEqual(await visits(a), await visits(b));
});

test('every kind of event a month of office work wrote has its name for the auditor, never "other action"', async () => {
  // Read from the database, not from the source: actions built from templates (row.visit) count too.
  const actions = (await a.ctx.db.all<{ action: string }>('SELECT DISTINCT action FROM audit_event ORDER BY action')).map((r) => r.action);
  assert.ok(actions.length >= 20, `only ${actions.length} kinds of event: the demo office did less than it should`);
  assert.ok(actions.includes('row.visit') && actions.includes('row.query_log'));
  const unnamed = actions.filter((x) => auditActionLabel(x, 'zh') === '其他操作' || auditActionLabel(x, 'en') === 'Other action');
  assert.deepEqual(unnamed, []);
});

test('the demo office holds its legal entities with their registrations (issue 24)', async () => {
  const row = await a.ctx.db.get<{ entities: number; registered: number; abnormal: number }>(
    `SELECT count(*) AS entities, (SELECT count(*) FROM entity_registration) AS registered,
            (SELECT count(*) FROM list_entry WHERE list_type = 'abnormal_operation') AS abnormal FROM subject WHERE kind = 'entity'`,
  );
  assert.deepEqual(row, { entities: 9, registered: 9, abnormal: 1 });
});
