import { performance } from 'node:perf_hooks';
import { listQueue, sweepOverdue, type QueueInput } from '../../electron/services/cases/caseQueueService';
import type { CoreContext } from '../../electron/services/context';
import type { Queryable } from '../../electron/db/database';
import { chinaDate } from '../../shared/calendar/dates';
import { addCalendarDays } from '../../shared/calendar/dates';

// Queue page time with 100,000 objection cases (DESIGN.md §8: under 50 ms for any filter/sort).
// Cases are written in batches of JSON arrays bound as one parameter (json_each), never row by row.

const STATES = ['accepted', 'verifying', 'verifying', 'decided', 'closed', 'closed', 'rejected'] as const;
export const BENCH_PROVIDERS = Array.from({ length: 40 }, (_, i) => `基准提供单位${String(i + 1).padStart(2, '0')}`);

export interface SyntheticOptions {
  today: string;
  staffIds: readonly number[];
  subjectId: number;
  createdBy: number;
}

/** Inserts `n` objection cases spread over states, providers, assignees and ±60 days of due dates. */
export async function insertSyntheticCases(tx: Queryable, n: number, o: SyntheticOptions, startSeq = 0): Promise<void> {
  const BATCH = 5000;
  for (let start = 0; start < n; start += BATCH) {
    const rows = [];
    for (let i = start; i < Math.min(n, start + BATCH); i += 1) {
      const seq = startSeq + i;
      const state = STATES[seq % STATES.length]!;
      const open = state === 'accepted' || state === 'verifying' ? 1 : 0;
      const received = addCalendarDays(o.today, -((seq * 7) % 90));
      rows.push({
        case_no: `YY${received.replaceAll('-', '')}-B${String(seq).padStart(7, '0')}`,
        id_number: `11010119900101${String(seq % 10000).padStart(4, '0')}`,
        provider_unit: BENCH_PROVIDERS[seq % BENCH_PROVIDERS.length],
        state,
        is_open: open,
        received_on: received,
        due_on: addCalendarDays(o.today, ((seq * 13) % 120) - 60),
        assignee_id: seq % 5 === 0 ? null : o.staffIds[seq % o.staffIds.length],
        escalated_at: '2026-01-01T00:00:00.000Z',
      });
    }
    await tx.run(
      `INSERT INTO objection (case_no, subject_id, id_number, applicant_kind, scope, description, profile_id, provider_unit, route, state, is_open,
                              received_on, received_at, due_on, decide_by, assignee_id, escalated_at, created_by)
       SELECT value->>'case_no', ?, value->>'id_number', 'self', 'wrong', 'benchmark', 'default', value->>'provider_unit', 'provider',
              value->>'state', value->>'is_open', value->>'received_on', value->>'received_on' || 'T02:00:00.000Z', value->>'due_on', value->>'due_on',
              value->>'assignee_id', value->>'escalated_at', ?
         FROM json_each(?)`,
      [o.subjectId, o.createdBy, JSON.stringify(rows)],
      { bulk: 'queueBench.insertCases' },
    );
  }
}

async function ensureFixtures(ctx: CoreContext): Promise<{ staffIds: number[]; subjectId: number }> {
  return ctx.db.transaction(async (tx) => {
    const staffIds: number[] = [];
    for (let i = 0; i < 8; i += 1) {
      const r = await tx.get<{ id: number }>(
        `INSERT INTO account (username, display_name, role, password_hash, created_at) VALUES (?, ?, 'manager', '!', ?)
         ON CONFLICT(username) DO UPDATE SET display_name = excluded.display_name RETURNING id`,
        [`bench-mgr-${i}`, `基准科员${i}`, new Date().toISOString()],
      );
      staffIds.push(r!.id);
    }
    const s = await tx.get<{ id: number }>(
      `INSERT INTO subject (kind, id_number, name, region_code, central_id, version) VALUES ('person', '110101199001010000', '基准', '110101', 'bench-subject', 1)
       ON CONFLICT(central_id) DO UPDATE SET version = subject.version RETURNING id`,
    );
    return { staffIds, subjectId: s!.id };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export async function benchQueues(ctx: CoreContext, cases = 100_000): Promise<Record<string, number>> {
  const today = chinaDate(ctx.now());
  const { staffIds, subjectId } = await ensureFixtures(ctx);
  const t0 = performance.now();
  await ctx.db.transaction((tx) => insertSyntheticCases(tx, cases, { today, staffIds, subjectId, createdBy: staffIds[0]! }, Date.now() % 1_000_000_0));
  const insertMs = performance.now() - t0;
  await ctx.db.exec('ANALYZE');
  await sweepOverdue(ctx);

  const combos: Record<string, Omit<QueueInput, 'cursor'>> = {
    open_by_due: { kind: 'objection', sort: 'due', limit: 100 },
    verifying_assignee_by_due: { kind: 'objection', states: ['verifying'], assigneeId: staffIds[1]!, sort: 'due', limit: 100 },
    provider_received_range_by_received: {
      kind: 'objection',
      open: null,
      provider: BENCH_PROVIDERS[3]!,
      receivedFrom: addCalendarDays(today, -60),
      receivedTo: today,
      sort: 'received',
      limit: 100,
    },
  };
  const out: Record<string, number> = { queue_cases_inserted: cases, queue_insert_ms: Math.round(insertMs) };
  for (const [name, q] of Object.entries(combos)) {
    const times: number[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 40; i += 1) {
      const s = performance.now();
      const page = await listQueue(ctx, { ...q, cursor });
      times.push(performance.now() - s);
      cursor = page.nextCursor; // walk deeper: keyset pages cost the same at any depth
    }
    times.sort((a, b) => a - b);
    out[`queue_${name}_p50_ms`] = Number(percentile(times, 50).toFixed(2));
    out[`queue_${name}_p99_ms`] = Number(percentile(times, 99).toFixed(2));
  }
  return out;
}
