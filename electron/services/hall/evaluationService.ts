import { join } from 'node:path';
import type { EvaluationAdapter, EvaluationSettings, EvaluationTestResult, ServiceItem } from '../../../shared/contract/hall';
import { EVALUATION_ADAPTERS, SERVICE_ITEMS } from '../../../shared/contract/hall';
import { addCalendarDays, chinaDate, chinaDayStartIso } from '../../../shared/calendar/dates';
import { parseEvaluationUrl } from '../../../shared/validators/evaluationAddress';
import type { Queryable } from '../../db/database';
import { diagnostic } from '../../db/diagnostics';
import { DATABASE_FILE } from '../../keys/unlockOffice';
import { evaluationCounts, lastSettled, orphanedEvaluations, settleEvaluation, type EvaluationOutcome } from '../../store/hallStore';
import { getSetting, setSetting } from '../../store/settingsStore';
import { auditIn } from '../audit/auditService';
import type { Caller, CoreContext } from '../context';
import { EVALUATION_TIMEOUT_MS, postNotification, type DeliveryResult } from './evaluationDevice';

// The hook that tells the hall's evaluation device (好差评) a visit has ended (issue 23;
// docs/hall-integration.md). Off by default ('none': nothing is queued or sent). With 'http', the
// visit's end writes a pending hall_evaluation row in its own transaction, and once that commits
// the notification is sent from here, never on the clerk's call: the clerk's 结束接待 is answered
// when the end commits, whatever the device does. One retry, a moment later, for a device that
// was down or slow (an evaluation asked for minutes later would be asked of the next applicant);
// no retry for a device that answered 4xx (it refused the content: the same content again changes
// nothing). A notification that is not delivered is recorded as failed with its reason, in the
// settings screen, an audit event and the diagnostics log; the counter never hears of it.

const KEYS = { adapter: 'hall_evaluation_adapter', url: 'hall_evaluation_url' } as const;

/** The notification's JSON (docs/hall-integration.md). */
export interface VisitEndedNotification {
  type: 'creditdesk.visit_ended';
  version: 1;
  /** A test sent from the settings screen ("发送测试通知"): the device answers it and shows nothing. */
  test: boolean;
  officeCode: string;
  officeName: string;
  windowNumber: number | null;
  visitId: number;
  clerk: { username: string; name: string };
  queueTicket: string | null;
  hallCaseNo: string | null;
  startedAt: string;
  endedAt: string;
  serviceItems: { code: ServiceItem; name: string; count: number }[];
}

export interface EvaluationTiming {
  timeoutMs: number;
  retryDelayMs: number;
  /** Notifications being sent at once; more wait their turn (a slow device never holds more sockets). */
  maxInFlight: number;
}

const DEFAULT_TIMING: EvaluationTiming = { timeoutMs: EVALUATION_TIMEOUT_MS, retryDelayMs: 2000, maxInFlight: 4 };

interface Job {
  visitId: number;
  windowNumber: number | null;
  url: URL;
  body: string;
  attempts: number;
}

interface HookState {
  timing: EvaluationTiming;
  /** Visits whose notification is queued, in flight or waiting to retry, until it settles. */
  sending: Set<number>;
  waiting: Job[];
  inFlight: number;
  aborts: Set<AbortController>;
  retries: Set<NodeJS.Timeout>;
  running: Set<Promise<void>>;
  idle: (() => void)[];
  closed: boolean;
}

const states = new WeakMap<CoreContext, HookState>();

function stateOf(ctx: CoreContext): HookState {
  let s = states.get(ctx);
  if (!s) {
    s = { timing: DEFAULT_TIMING, sending: new Set(), waiting: [], inFlight: 0, aborts: new Set(), retries: new Set(), running: new Set(), idle: [], closed: false };
    states.set(ctx, s);
  }
  return s;
}

/** Tests shorten the device's timeout and the retry's delay (a real hall keeps the defaults). */
export function setEvaluationTiming(ctx: CoreContext, timing: Partial<EvaluationTiming>): void {
  const s = stateOf(ctx);
  s.timing = { ...s.timing, ...timing };
}

/** Settles when no notification is queued, in flight or waiting to retry: what a test waits on. */
export function evaluationsIdle(ctx: CoreContext): Promise<void> {
  const s = stateOf(ctx);
  if (s.sending.size === 0) return Promise.resolve();
  return new Promise((resolve) => s.idle.push(resolve));
}

export async function evaluationHookSettings(db: Queryable): Promise<{ adapter: EvaluationAdapter; url: string }> {
  const adapter = (await getSetting(db, KEYS.adapter)) ?? 'none';
  const known = (EVALUATION_ADAPTERS as readonly string[]).includes(adapter) ? (adapter as EvaluationAdapter) : 'none';
  return { adapter: known, url: known === 'none' ? '' : ((await getSetting(db, KEYS.url)) ?? '') };
}

/** What was done on the visit, for the device and the audit log: the lookup, then what it produced. */
export function serviceItemsOf(acts: { reports: number; objections: number; repairs: number; statements: number }): { code: ServiceItem; name: string; count: number }[] {
  const counted: [ServiceItem, number][] = [['lookup', 1], ['report_issued', acts.reports], ['objection_received', acts.objections], ['repair_received', acts.repairs], ['statement_recorded', acts.statements]];
  return counted.filter(([, n]) => n > 0).map(([code, count]) => ({ code, name: SERVICE_ITEMS[code].zh, count }));
}

/**
 * Before the visit's end transaction: the visit counts as being sent from here on, so the orphan
 * sweep (a pending row no one is sending) never takes a row that is about to be sent.
 */
export function reserveNotification(ctx: CoreContext, visitId: number): () => void {
  const s = stateOf(ctx);
  // Two ends of one visit racing: the first one's reservation is the one that counts.
  if (s.sending.has(visitId)) return () => undefined;
  s.sending.add(visitId);
  return () => release(s, visitId);
}

/** After the end committed: the notification goes out on its own, the caller does not wait. */
export function sendAfterCommit(ctx: CoreContext, n: VisitEndedNotification, url: string): void {
  const s = stateOf(ctx);
  const parsed = parseEvaluationUrl(url);
  if (!parsed.ok || s.closed) {
    // An address that no longer parses (written under an older rule) is a failure to say, not to send to.
    void settle(ctx, { visitId: n.visitId, windowNumber: n.windowNumber, url: new URL('http://invalid.invalid/'), body: '', attempts: 0 }, { delivered: false, reason: s.closed ? 'device_interrupted' : 'device_transport', httpStatus: null });
    return;
  }
  s.waiting.push({ visitId: n.visitId, windowNumber: n.windowNumber, url: parsed.value, body: JSON.stringify(n), attempts: 0 });
  setImmediate(() => pump(ctx));
}

function release(s: HookState, visitId: number): void {
  s.sending.delete(visitId);
  if (s.sending.size === 0) for (const resolve of s.idle.splice(0)) resolve();
}

function pump(ctx: CoreContext): void {
  const s = stateOf(ctx);
  while (!s.closed && s.inFlight < s.timing.maxInFlight && s.waiting.length > 0) {
    const job = s.waiting.shift()!;
    s.inFlight += 1;
    const run = attempt(ctx, job)
      .catch((err: unknown) => diagnostic(join(ctx.dataDir, DATABASE_FILE), `[hall] the evaluation notification of visit ${job.visitId} failed inside the core: ${(err as Error).message}`, 'error'))
      .finally(() => {
        s.inFlight -= 1;
        s.running.delete(run);
        pump(ctx);
      });
    s.running.add(run);
  }
}

/** A device that answered 4xx refused the content; anything else may go through a moment later. */
const retryable = (r: Extract<DeliveryResult, { delivered: false }>) => r.reason !== 'device_interrupted' && !(r.reason === 'device_http_error' && r.httpStatus !== null && r.httpStatus >= 400 && r.httpStatus < 500);

async function attempt(ctx: CoreContext, job: Job): Promise<void> {
  const s = stateOf(ctx);
  job.attempts += 1;
  const abort = new AbortController();
  s.aborts.add(abort);
  const result = await postNotification(job.url, job.body, {
    timeoutMs: s.timing.timeoutMs,
    signal: abort.signal,
    // The same key on a retry: a device that got the first one can tell.
    headers: { 'idempotency-key': `${ctx.office.code}-${job.visitId}` },
  });
  s.aborts.delete(abort);
  if (!result.delivered && job.attempts < 2 && retryable(result) && !s.closed) {
    const timer = setTimeout(() => {
      s.retries.delete(timer);
      s.waiting.push(job);
      pump(ctx);
    }, s.timing.retryDelayMs);
    timer.unref();
    s.retries.add(timer);
    return;
  }
  await settle(ctx, job, result);
}

/** The notification's outcome, once: delivered, or failed with its reason (audited, and in the diagnostics log). */
async function settle(ctx: CoreContext, job: Job, result: DeliveryResult): Promise<void> {
  const s = stateOf(ctx);
  try {
    const outcome: EvaluationOutcome = result.delivered
      ? { state: 'delivered', attempts: job.attempts, settledAt: ctx.now().toISOString(), failure: null, httpStatus: result.httpStatus }
      : { state: 'failed', attempts: job.attempts, settledAt: ctx.now().toISOString(), failure: result.reason, httpStatus: result.httpStatus };
    if (result.delivered) {
      await settleEvaluation(ctx.db, job.visitId, outcome);
      return;
    }
    await ctx.db.transaction(async (tx) => {
      if (!(await settleEvaluation(tx, job.visitId, outcome))) return;
      await recordFailure(tx, ctx, job.visitId, job.windowNumber, outcome);
    });
  } finally {
    release(s, job.visitId);
  }
}

async function recordFailure(tx: Queryable, ctx: CoreContext, visitId: number, windowNumber: number | null, o: EvaluationOutcome): Promise<void> {
  await auditIn(tx, ctx, null, {
    action: 'hall.evaluation_failed',
    target: `visit:${visitId}`,
    detail: { visitId, failure: o.failure, attempts: o.attempts, ...(o.httpStatus !== null ? { httpStatus: o.httpStatus } : {}), ...(windowNumber !== null ? { window: windowNumber } : {}) },
  });
  diagnostic(join(ctx.dataDir, DATABASE_FILE), `[hall] the evaluation device was not told of visit ${visitId}: ${o.failure ?? ''}${o.httpStatus !== null ? ` (HTTP ${o.httpStatus})` : ''} after ${o.attempts} attempt(s)`);
}

/**
 * Pending notifications no one is sending (a core stopped between a visit's end and its
 * notification): failed as interrupted. Not sent late: an evaluation asked for long after the
 * visit would be asked of whoever stands at the window then.
 */
export async function settleOrphanedEvaluations(ctx: CoreContext): Promise<void> {
  const s = stateOf(ctx);
  for (const visitId of await orphanedEvaluations(ctx.db, s.sending)) {
    const window = await ctx.db.get<{ window_number: number | null }>('SELECT window_number FROM visit WHERE id = ?', [visitId]);
    await ctx.db.transaction(async (tx) => {
      const o: EvaluationOutcome = { state: 'failed', attempts: 0, settledAt: ctx.now().toISOString(), failure: 'device_interrupted', httpStatus: null };
      if (await settleEvaluation(tx, visitId, o)) await recordFailure(tx, ctx, visitId, window?.window_number ?? null, o);
    });
  }
}

/** The core is closing: nothing more is sent; what was not delivered yet is failed as interrupted. */
export async function closeEvaluations(ctx: CoreContext): Promise<void> {
  const s = states.get(ctx);
  if (!s) return;
  s.closed = true;
  for (const t of s.retries) clearTimeout(t);
  s.retries.clear();
  for (const a of s.aborts) a.abort();
  await Promise.all([...s.running]);
  s.waiting.length = 0;
  s.sending.clear();
  await settleOrphanedEvaluations(ctx);
  for (const resolve of s.idle.splice(0)) resolve();
}

export async function evaluationSettings(ctx: CoreContext): Promise<EvaluationSettings> {
  const { adapter, url } = await evaluationHookSettings(ctx.db);
  const today = chinaDate(ctx.now());
  const counts = await evaluationCounts(ctx.db, chinaDayStartIso(today), chinaDayStartIso(addCalendarDays(today, 1)));
  const delivered = await lastSettled(ctx.db, 'delivered');
  const failed = await lastSettled(ctx.db, 'failed');
  return {
    adapter,
    url,
    timeoutMs: EVALUATION_TIMEOUT_MS,
    delivery: {
      today: counts,
      lastDelivered: delivered ? { visitId: delivered.visit_id, at: delivered.settled_at } : null,
      lastFailure: failed ? { visitId: failed.visit_id, at: failed.settled_at, reason: failed.failure ?? 'device_transport', httpStatus: failed.http_status } : null,
    },
  };
}

export async function configureEvaluation(ctx: CoreContext, caller: Caller, input: { adapter: EvaluationAdapter; url: string }): Promise<EvaluationSettings> {
  // The contract refused an address that is not http(s); 'none' keeps no address.
  const url = input.adapter === 'none' ? '' : parseEvaluationUrl(input.url).ok ? input.url.trim() : '';
  await ctx.db.transaction(async (tx) => {
    await setSetting(tx, KEYS.adapter, input.adapter);
    await setSetting(tx, KEYS.url, url);
    await auditIn(tx, ctx, caller, { action: 'settings.hall_evaluation', target: input.adapter, detail: { evaluationAdapter: input.adapter, evaluationUrl: url } });
  });
  return evaluationSettings(ctx);
}

/** "发送测试通知": one POST of a test notification (test: true) to the address given, saved or not; audited. */
export async function testEvaluation(ctx: CoreContext, caller: Caller, input: { adapter: EvaluationAdapter; url: string }): Promise<EvaluationTestResult> {
  const parsed = parseEvaluationUrl(input.url);
  let result: EvaluationTestResult;
  if (input.adapter === 'none' || !parsed.ok) result = { delivered: false, reason: null, httpStatus: null };
  else {
    const now = ctx.now().toISOString();
    const sample: VisitEndedNotification = {
      type: 'creditdesk.visit_ended', version: 1, test: true, officeCode: ctx.office.code, officeName: ctx.office.name, windowNumber: caller.window?.number ?? null,
      visitId: 0, clerk: { username: caller.username, name: caller.username }, queueTicket: 'TEST', hallCaseNo: null, startedAt: now, endedAt: now,
      serviceItems: serviceItemsOf({ reports: 0, objections: 0, repairs: 0, statements: 0 }),
    };
    const r = await postNotification(parsed.value, JSON.stringify(sample), { timeoutMs: stateOf(ctx).timing.timeoutMs, signal: new AbortController().signal });
    result = r.delivered ? { delivered: true, reason: null, httpStatus: r.httpStatus } : { delivered: false, reason: r.reason, httpStatus: r.httpStatus };
  }
  await ctx.db.transaction((tx) =>
    auditIn(tx, ctx, caller, {
      action: 'settings.hall_evaluation_test',
      target: input.adapter,
      detail: { evaluationUrl: input.url.trim(), delivered: result.delivered, ...(result.reason ? { failure: result.reason } : {}), ...(result.httpStatus !== null ? { httpStatus: result.httpStatus } : {}) },
    }),
  );
  return result;
}
