import { performance } from 'node:perf_hooks';
import { officeDashboard } from '../../electron/services/cases/dashboardService';
import type { CoreContext } from '../../electron/services/context';
import { chinaDate, chinaDayStartIso } from '../../shared/calendar/dates';
import { addCalendarDays } from '../../shared/calendar/dates';
import { percentiles } from './stats';

// dashboard.p99Ms: the manager's dashboard over 100,000 cases (queueBench inserts them first) and
// 1,000,000 visits with their query-log rows spread over a year, plus 200,000 reports and prints.
// Baseline in the same run: one bare count of the last 30 days' visits over the same index.

export async function benchDashboard(ctx: CoreContext, queryLogRows = 1_000_000): Promise<Record<string, number>> {
  const today = chinaDate(ctx.now());
  const yearAgo = Date.parse(chinaDayStartIso(addCalendarDays(today, -365)));
  const span = Date.now() - yearAgo;
  const clerk = await ctx.db.transaction((tx) => tx.get<{ id: number }>(
    `INSERT INTO account (username, display_name, role, password_hash, created_at) VALUES ('bench-clerk', '基准窗口', 'clerk', '!', ?)
     ON CONFLICT(username) DO UPDATE SET display_name = excluded.display_name RETURNING id`,
    [new Date().toISOString()],
  ));
  const t0 = performance.now();
  const BATCH = 100_000;
  for (let start = 0; start < queryLogRows; start += BATCH) {
    const n = Math.min(BATCH, queryLogRows - start);
    await ctx.db.transaction(async (tx) => {
      const first = (await tx.get<{ id: number }>('SELECT coalesce(max(id), 0) + 1 AS id FROM visit'))!.id;
      // Instants spread evenly over the year, in order, as a real register grows.
      await tx.run(
        `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ? - 1)
         INSERT INTO visit (id, started_at, clerk_id, id_number, name, applicant_kind, purpose_code)
         SELECT ? + i, strftime('%Y-%m-%dT%H:%M:%fZ', (? + (? + i) * ? / ?) / 1000.0, 'unixepoch'), ?, printf('110101199001%06d', (? + i) % 1000000), '基准', 'self', 'self_check' FROM n`,
        [n, first, yearAgo, start, span, queryLogRows, clerk!.id, start],
      );
      await tx.run(
        `INSERT INTO query_log (at, visit_id, clerk_id, id_number, office_code, purpose_code, outcome)
         SELECT started_at, id, clerk_id, id_number, '000000-00', purpose_code, 'no_record' FROM visit WHERE id >= ?`,
        [first],
      );
      // One visit in five takes a report; one report in four is reprinted.
      await tx.run(
        `INSERT INTO report (report_no, visit_id, id_number, issued_at, issued_year, clerk_id, beyond_free, content_json, digest, qr_payload, signature, key_id, verify_code)
         SELECT 'B' || id, id, id_number, started_at, substr(started_at, 1, 4), clerk_id, 0, '{}', '', '', '', '', '' FROM visit WHERE id >= ? AND id % 5 = 0`,
        [first],
      );
      await tx.run(
        `INSERT INTO report_print (report_id, copy_no, kind, at, clerk_id)
         SELECT r.id, c.n, 'print', r.issued_at, r.clerk_id FROM report r JOIN (SELECT 1 AS n UNION ALL SELECT 2) c
          WHERE r.visit_id >= ? AND (c.n = 1 OR r.id % 4 = 0)`,
        [first],
      );
    });
  }
  const insertMs = performance.now() - t0;
  await ctx.db.exec('ANALYZE');
  const counts = await ctx.db.get<{ cases: number; logs: number }>('SELECT (SELECT count(*) FROM objection) + (SELECT count(*) FROM repair) AS cases, (SELECT count(*) FROM query_log) AS logs');

  for (let i = 0; i < 5; i += 1) await officeDashboard(ctx); // warm the page cache like a running console
  const times: number[] = [];
  for (let i = 0; i < 100; i += 1) {
    const s = performance.now();
    await officeDashboard(ctx);
    times.push(performance.now() - s);
  }
  const from = chinaDayStartIso(addCalendarDays(today, -29));
  const bare: number[] = [];
  for (let i = 0; i < 100; i += 1) {
    const s = performance.now();
    await ctx.db.get('SELECT count(*) AS n FROM visit WHERE started_at >= ?', [from]);
    bare.push(performance.now() - s);
  }
  const d = percentiles(times);
  const b = percentiles(bare);
  return {
    dashboard_cases: counts!.cases,
    dashboard_query_log_rows: counts!.logs,
    dashboard_insert_ms: Math.round(insertMs),
    'dashboard.p50Ms': d.p50,
    'dashboard.p99Ms': d.p99,
    dashboard_bare_30day_count_p50_ms: b.p50,
    dashboard_bare_30day_count_p99_ms: b.p99,
  };
}
