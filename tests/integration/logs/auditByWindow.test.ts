import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { AtWindow } from '../../../shared/domain/officeWindow';
import { atWindow, clerkAt, enrolWindows } from '../../support/windowedCalls';
import { caseWorld, idNumber, seedSubject, type CaseWorld } from '../cases/fixtures';

// The auditor filters the audit log by the window an act came through (issue 23): the calls below
// reach the office's one dispatcher with the window, exactly as the office host hands them on.

let w: CaseWorld;
let auditor: string;
const window1: AtWindow = { id: 'w-1111', number: 1 };
const window2: AtWindow = { id: 'w-2222', number: 2 };

before(async () => {
  w = await caseWorld('2026-11-18T02:00:00Z');
  await seedSubject(w.core, 2);
  await enrolWindows(w.core, [window1, window2], '2026-11-18T01:00:00Z');
  const at1 = await clerkAt(w.core, window1, 'chuangkou1');
  const at2 = await clerkAt(w.core, window2, 'chuangkou2');
  const lookup = { name: '张三', applicant: { kind: 'self' }, purposeCode: 'self_check' };
  await atWindow(w.core, window1, 'counter.lookup', { idNumber: idNumber(1), ...lookup }, at1);
  await atWindow(w.core, window1, 'counter.lookup', { idNumber: idNumber(2), ...lookup }, at1);
  await atWindow(w.core, window2, 'counter.lookup', { idNumber: idNumber(1), ...lookup }, at2);
  // The office's own console works too: its events name no window.
  await w.core.ok('counter.lookup', { idNumber: idNumber(2), name: '张三', applicant: { kind: 'self' }, purposeCode: 'self_check' }, w.clerk);
  auditor = (await w.core.loginAs('auditor', 'shenchayuan')).token;
});
after(() => w.core.dispose());

test('audit log by window: exactly the events of the acts done through that window', async () => {
  const all = (await w.core.ok('audit.list', { cursor: null, limit: 500 }, auditor)).rows;
  for (const win of [window1, window2]) {
    const expected = all.filter((r) => r.detail.window === win.number).map((r) => r.seq);
    const got = await w.core.ok('audit.list', { windowNumber: win.number, cursor: null, limit: 500 }, auditor);
    assert.deepEqual(got.rows.map((r) => r.seq), expected);
    // The clerk's sign-in and lookups at that window (each with its visit and query-log row), nothing from the other window or the console.
    const once = ['counter.lookup', 'row.query_log', 'row.visit'];
    assert.deepEqual(got.rows.map((r) => r.action).sort(), win.number === 1 ? ['auth.login', ...once, ...once].sort() : ['auth.login', ...once].sort());
    assert.ok(got.rows.every((r) => r.actor === `chuangkou${win.number}`));
  }
  const lookups1 = await w.core.ok('audit.list', { windowNumber: 1, action: 'counter.lookup', cursor: null, limit: 500 }, auditor);
  assert.equal(lookups1.rows.length, 2);
  const none = await w.core.ok('audit.list', { windowNumber: 3, cursor: null, limit: 500 }, auditor);
  assert.deepEqual(none.rows, []);
  // Paging within a window's events keeps to that window.
  const paged: number[] = [];
  let cursor: number | null = null;
  do {
    const page: { rows: { seq: number }[]; nextCursor: number | null } = await w.core.ok('audit.list', { windowNumber: 1, cursor, limit: 2 }, auditor);
    paged.push(...page.rows.map((r) => r.seq));
    cursor = page.nextCursor;
  } while (cursor !== null);
  assert.deepEqual(paged, all.filter((r) => r.detail.window === 1).map((r) => r.seq));
});

test('audit log by window: a number outside 1..999 is refused and nothing is written', async () => {
  const before = (await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_event'))!.n;
  for (const windowNumber of [0, 1000, 1.5]) {
    const r = await w.core.call('audit.list', { windowNumber, cursor: null, limit: 50 }, auditor);
    assert.equal(r.ok ? 'ok' : r.error.code, 'VALIDATION');
  }
  assert.equal((await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM audit_event'))!.n, before);
});

test('audit export by window: the file holds the window’s events, and its own audit event records the filter', async () => {
  const file = await w.core.ok('audit.export', { windowNumber: 2, format: 'csv', lang: 'en' }, auditor);
  assert.equal(file.rows, 4);
  const csv = Buffer.from(file.dataBase64, 'base64').toString('utf8');
  assert.match(csv, /chuangkou2/);
  assert.doesNotMatch(csv, /chuangkou1/);
  const exported = await w.core.ok('audit.list', { action: 'audit.exported', cursor: null, limit: 1 }, auditor);
  assert.deepEqual(exported.rows[0]!.detail.filter, { windowNumber: 2 });
});

test('audit log by window: the filter is read through its index, not a scan of the whole log', async () => {
  const plan = await w.core.ctx.db.all<{ detail: string }>(
    "EXPLAIN QUERY PLAN SELECT e.seq FROM audit_event e WHERE json_extract(e.detail, '$.window') = ? ORDER BY e.seq DESC LIMIT 100", [7]);
  assert.ok(plan.some((p) => p.detail.includes('audit_event_window')), JSON.stringify(plan));
});
