// Issue 26, nothing slow under the write lock: every write and every lookup's query-log row waits
// while a transaction holds the writer, and one that holds it longer than the slow-query bound
// (40 ms) is logged with the function that opened it (database.ts, logIfHeldLong). The counter's
// own paths stay under it on a real office, and so does an export of many rows, beside which a
// lookup is answered as fast as without it.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { after, before, test } from 'node:test';
import { DIAGNOSTICS_FILE } from '../../../electron/db/diagnostics';
import { exportWrite } from '../../../electron/services/sync';
import { pendingExportCounts } from '../../../electron/sync/office/exportBundle';
import { syncWorld, type SyncWorld } from '../sync/world';

let w: SyncWorld;
let clerk: string;
let people: { id_number: string; name: string; record_id: number }[];
let next = 0;

before(async () => {
  w = await syncWorld({ subjects: 60, seed: 'writer-hold' });
  assert.equal((await w.importFile(await w.publish(true))).result, 'applied');
  clerk = (await w.core.loginAs('clerk')).token;
  people = await w.core.ctx.db.all<{ id_number: string; name: string; record_id: number }>(
    "SELECT s.id_number, s.name, min(r.id) AS record_id FROM subject s JOIN record r ON r.subject_id = s.id WHERE r.status = 'active' GROUP BY s.id ORDER BY s.id");
});
after(() => w.dispose());

const logFile = () => join(w.core.dir, DIAGNOSTICS_FILE);

interface Held { ms: number; at: string }
/** The writer holds over 40 ms logged since the last call: how long, and where the transaction was opened. */
function heldLong(): Held[] {
  let text = '';
  try {
    text = readFileSync(logFile(), 'utf8');
  } catch {
    // No log yet: nothing was slow.
  }
  writeFileSync(logFile(), '', { mode: 0o600 });
  return text.split('\n').flatMap((l) => {
    const m = /transaction held the writer ([\d.]+) ms: (.*)$/.exec(l);
    return m ? [{ ms: Number(m[1]), at: m[2]! }] : [];
  });
}

/** One lookup of the next person (another each time: the same one again within minutes is the same visit). */
async function lookup(): Promise<{ visitId: number; recordId: number }> {
  const p = people[next++ % people.length]!;
  const r = await w.core.ok('counter.lookup', { idNumber: p.id_number, name: p.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk);
  return { visitId: r.visitId, recordId: p.record_id };
}

test('the counter\'s own paths (lookup, report issue, objection intake) hold the writer less than 40 ms each', async (t) => {
  // The first of each loads what it needs once (fonts, statements): warm-up, as a console's start.
  const warm = await lookup();
  await w.core.ok('report.issue', { visitId: warm.visitId, confirmBeyondFree: true }, clerk);
  await w.core.ok('objection.intake', { visitId: warm.visitId, recordIds: [warm.recordId], scope: 'wrong', description: '金额有误' }, clerk);
  heldLong();
  // Each path five times. Work inside the transaction (a PDF rendered, a file written) holds the
  // writer every time; a moment when the shared machine is busy holds it once: the median counts.
  const ROUNDS = 5;
  const over: Record<string, Held[]> = { lookup: [], 'report.issue': [], 'objection.intake': [] };
  for (let i = 0; i < ROUNDS; i++) {
    const v = await lookup();
    over.lookup!.push(...heldLong());
    await w.core.ok('report.issue', { visitId: v.visitId, confirmBeyondFree: true }, clerk);
    over['report.issue']!.push(...heldLong());
    await w.core.ok('objection.intake', { visitId: v.visitId, recordIds: [v.recordId], scope: 'wrong', description: '金额有误' }, clerk);
    over['objection.intake']!.push(...heldLong());
  }
  for (const [path, held] of Object.entries(over)) {
    t.diagnostic(`${path}: ${held.length} of ${ROUNDS} rounds held the writer over 40 ms${held.length ? ` (${held.map((h) => `${h.ms} ms ${h.at}`).join('; ')})` : ''}`);
    assert.ok(held.length <= Math.floor(ROUNDS / 2), `${path} held the writer over 40 ms in ${held.length} of ${ROUNDS} rounds: ${held.map((h) => `${h.ms} ms ${h.at}`).join('; ')}`);
  }
});

test('an export of 100,000 rows holds the writer only for two short transactions, and lookups beside it are answered', { timeout: 120_000 }, async (t) => {
  const ROWS = 50_000;
  const clerkId = (await w.core.ctx.db.get<{ id: number }>("SELECT id FROM account WHERE role = 'clerk' ORDER BY id LIMIT 1"))!.id;
  const from = (await w.core.ctx.db.get<{ n: number | null }>('SELECT max(id) AS n FROM visit'))!.n ?? 0;
  await w.core.ctx.db.transaction(async (tx) => {
    await tx.run(`INSERT INTO visit (started_at, clerk_id, id_number, name, subject_id, applicant_kind, purpose_code, purpose_text)
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?2)
      SELECT '2026-11-19T01:00:00.000Z', ?1, printf('3703061980%08d', i), '访客' || i, NULL, 'self', 'self_check', NULL FROM n`, [clerkId, ROWS]);
    await tx.run(`INSERT INTO query_log (at, visit_id, clerk_id, subject_id, id_number, office_code, purpose_code, outcome)
      SELECT started_at, id, clerk_id, NULL, id_number, '370306-02', 'self_check', 'no_record' FROM visit WHERE id > ?`, [from]);
  });
  const counting = performance.now();
  const pending = await pendingExportCounts(w.core.ctx.db);
  t.diagnostic(`the export screen's counts (${pending.visits} visits, ${pending['query-log']} query-log rows) took ${(performance.now() - counting).toFixed(0)} ms`);
  const alone: number[] = [];
  for (let i = 0; i < 10; i++) {
    const started = performance.now();
    await lookup();
    alone.push(performance.now() - started);
  }
  heldLong();

  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let exporting = true;
  const exportStarted = performance.now();
  const exported = exportWrite(w.core.ctx, null, w.file('big-export.cdbundle')).finally(() => (exporting = false));
  const beside: number[] = [];
  while (exporting) {
    const started = performance.now();
    await lookup();
    beside.push(performance.now() - started);
  }
  const written = await exported;
  const exportMs = performance.now() - exportStarted;
  loop.disable();
  t.diagnostic(`event loop delay during the export: max ${(loop.max / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms`);
  assert.ok(written.counts.visits! >= ROWS && written.counts['query-log']! >= ROWS, JSON.stringify(written.counts));
  const held = heldLong();
  const stat = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return `median ${s[Math.floor(s.length / 2)]!.toFixed(1)} ms, max ${s[s.length - 1]!.toFixed(1)} ms`;
  };
  t.diagnostic(`export of ${written.counts.visits} visits and ${written.counts['query-log']} query-log rows took ${exportMs.toFixed(0)} ms; ${beside.length} lookups beside it: ${stat(beside)}; alone: ${stat(alone)}`);
  // The export's two transactions by their names (a quick one is not logged at all, which is the point).
  const byExport = held.filter((h) => /export\.(plan|record)|exportService/.test(h.at));
  t.diagnostic(`writer held over 40 ms: ${held.length ? held.map((h) => `${h.ms} ms ${h.at}`).join(' | ') : 'never'}`);
  // Relative to the export, so that a slower machine changes nothing: before, one transaction held
  // the writer for the whole export, and a lookup that came meanwhile waited for all of it.
  assert.ok(byExport.every((h) => h.ms < exportMs / 10), `the export held the writer: ${byExport.map((h) => `${h.ms} ms`).join(', ')} of ${exportMs.toFixed(0)} ms`);
  assert.ok(beside.length > 0, 'no lookup ran beside the export');
  assert.ok(Math.max(...beside) < exportMs / 2, `a lookup beside the export took ${Math.max(...beside).toFixed(0)} ms of the export's ${exportMs.toFixed(0)} ms`);
});
