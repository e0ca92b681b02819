import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { openCore, type Core } from '../../electron/core';
import { serveOfficeHost } from '../../electron/host/serveOfficeHost';
import { windowRelay, type WindowRelay } from '../../electron/host/windowRelay';
import { beginOfficeUnlock } from '../../electron/keys/unlockOffice';
import type { OfficeUnlock } from '../../electron/keys/officeKeyFile';
import { joinOffice } from '../../electron/office/joinOffice';
import { readWindowIdentity } from '../../electron/office/windowIdentity';
import { createAccount } from '../../electron/services/access/accountsService';
import { verifyAuditChain } from '../../electron/services/audit/auditService';
import { createEnrollmentCode } from '../../electron/services/office/windowService';
import { chinaDate } from '../../shared/calendar/dates';
import type { ApiResult } from '../../shared/errors';
import type { LookupResult } from '../../shared/contract/counter';
import type { IntakeResult } from '../../shared/cases/caseTypes';
import type { IssuedReport, ReportDocument, StatementView } from '../../shared/domain/report';
import { buildDatabase } from './buildDatabase';
import { journeyDeck, type Journey } from './hallMix';
import { percentiles, round } from './stats';
import { BENCH_UNLOCK } from './unlock';

// `npm run bench -- --hall N [--quick]` (issue 23): one office host on a loopback address and N
// joined windows (each its own workstation directory, client certificate, relay with its
// keep-alive agent, clerk and session) running the counter journey mix (hallMix.ts) back to back,
// with no pause between journeys: far more than a real hall asks (a clerk serves a person in
// minutes), so the figures are the host under saturation. Baseline in the same run: the same mix
// from window 1 alone, before the others start. The host runs in this process, and so do the
// windows' relays: the CPU figure is this process's (host + N TLS clients), an upper bound for the
// host alone. Afterwards every act a window saw acknowledged is looked for in the database, and the
// audit chain is verified.

const ADDRESS = '127.0.23.90';
const PASSWORD = 'hall-bench-password-42';
/** A workstation's key file only seals its window key here; scrypt's cost is not what is measured. */
const WORKSTATION_UNLOCK: OfficeUnlock = { kind: 'passphrase', passphrase: 'hall-bench-workstation', scryptLogN: 12 };

interface Person { idNumber: string; name: string }

/** What one window saw acknowledged, and how long each call took. */
interface Seen {
  visits: number[];
  queryLogged: number[];
  reports: number[];
  statements: number[];
  objections: number[];
  receipts: string[];
  /** Reports whose PDF the window received (a preview is logged, as a print is). */
  previews: number[];
  failures: Map<string, number>;
}

interface Timings { lookup: number[]; reportPdf: number[]; intake: number[]; journeys: number; byJourney: Map<Journey, number> }

function newSeen(): Seen {
  return { visits: [], queryLogged: [], reports: [], statements: [], objections: [], receipts: [], previews: [], failures: new Map() };
}
function newTimings(): Timings {
  return { lookup: [], reportPdf: [], intake: [], journeys: 0, byJourney: new Map() };
}
const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);

interface HallWindow { number: number; relay: WindowRelay; token: string; clerk: string; seen: Seen; deck: Journey[]; next: number; objections: number; people: Person[]; objectionPeople: Person[] }

async function joinWindow(core: Core, number: number, dirs: string[]): Promise<HallWindow> {
  const code = await createEnrollmentCode(core.ctx, null, { number, name: `${number} 号窗口` });
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-hall-window-'));
  dirs.push(dir);
  const keys = await beginOfficeUnlock(dir, WORKSTATION_UNLOCK, false);
  await joinOffice(dir, keys.seal, code.code);
  const relay = windowRelay((await readWindowIdentity(dir, keys.seal))!);
  const clerk = `hall-clerk-${number}`;
  await createAccount(core.ctx, null, { username: clerk, displayName: `${number} 号窗口柜员`, role: 'clerk', password: PASSWORD });
  const login = (await relay.dispatch('auth.login', { username: clerk, password: PASSWORD }, {})) as ApiResult<{ token: string }>;
  if (!login.ok) throw new Error(`window ${number} could not log in: ${login.error.code} ${login.error.message}`);
  return { number, relay, token: login.value.token, clerk, seen: newSeen(), deck: journeyDeck(number), next: 0, objections: 0, people: [], objectionPeople: [] };
}

async function call<T>(w: HallWindow, method: string, input: unknown): Promise<T | null> {
  const r = (await w.relay.dispatch(method, input, { token: w.token })) as ApiResult<T>;
  if (!r.ok) {
    bump(w.seen.failures, `${method}:${r.error.code}`);
    return null;
  }
  return r.value;
}

/** One journey at window `w`; its timings go to `t`. */
async function runJourney(w: HallWindow, t: Timings): Promise<void> {
  const journey = w.deck[w.next % w.deck.length]!;
  // Each journey meets a person this window has not served yet (until its share of the office runs out).
  const person = journey === 'objection' ? w.objectionPeople[w.objections++ % w.objectionPeople.length]! : w.people[w.next % w.people.length]!;
  w.next += 1;
  const t0 = performance.now();
  const found = await call<LookupResult>(w, 'counter.lookup', { idNumber: person.idNumber, name: person.name, applicant: { kind: 'self' }, purposeCode: 'self_check' });
  // A refused lookup is counted in refusedCalls, not timed: it is answered without any work.
  if (!found) return;
  t.lookup.push(performance.now() - t0);
  w.seen.visits.push(found.visitId);
  if (!found.reused) w.seen.queryLogged.push(found.visitId);
  const visitId = found.visitId;
  if (journey === 'view') {
    const section = Object.entries(found.view?.sections ?? {}).find(([, p]) => p.total > 0)?.[0] ?? 'admin_licence';
    await call(w, 'counter.records', { visitId, section, after: found.view?.sections[section as keyof typeof found.view.sections]?.next ?? null });
    await call(w, 'counter.lists', { visitId, after: found.view?.listsNext ?? null });
  } else if (journey === 'report') {
    const s = performance.now();
    const issued = await call<IssuedReport>(w, 'report.issue', { visitId, confirmBeyondFree: true });
    if (issued) {
      w.seen.reports.push(issued.reportId);
      const pdf = await call<ReportDocument>(w, 'report.preview', { reportId: issued.reportId, lang: 'zh' });
      if (pdf) {
        t.reportPdf.push(performance.now() - s);
        w.seen.previews.push(issued.reportId);
      }
    }
  } else if (journey === 'statement') {
    const s = await call<StatementView>(w, 'statement.create', { visitId, recordId: null, text: `本人对第 ${w.number} 号窗口查询的信息无异议。` });
    if (s) w.seen.statements.push(s.id);
  } else if (journey === 'objection') {
    const record = found.view?.records.find((r) => r.status === 'active' && r.hiddenReason === null);
    if (record) {
      const s = performance.now();
      const r = await call<IntakeResult>(w, 'objection.intake', { visitId, recordIds: [record.id], scope: 'wrong', description: '本人认为该记录金额有误。' });
      if (r) {
        t.intake.push(performance.now() - s);
        w.seen.objections.push(r.id);
        w.seen.receipts.push(r.receipt.receiptNo);
      }
    }
  }
  t.journeys += 1;
  t.byJourney.set(journey, (t.byJourney.get(journey) ?? 0) + 1);
}

/**
 * Every window runs journeys until `ms` have passed: back to back, or with `pace` > 0 one journey
 * starting every 60/pace seconds at each window (windows' first starts spread over one interval).
 * Returns wall ms, CPU ms and peak RSS.
 */
async function runFor(windows: HallWindow[], ms: number, t: Timings, pace = 0): Promise<{ wallMs: number; cpuMs: number; rssMiB: number }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const end = t0 + ms;
  let rss = process.memoryUsage().rss;
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 500);
  try {
    const interval = pace > 0 ? 60_000 / pace : 0;
    await Promise.all(windows.map(async (w, i) => {
      let next = t0 + (interval * i) / windows.length;
      while (next < end) {
        if (interval > 0) await delay(Math.max(0, next - performance.now()));
        await runJourney(w, t);
        next = interval > 0 ? next + interval : performance.now();
      }
    }));
  } finally {
    clearInterval(sampler);
  }
  const used = process.cpuUsage(cpu0);
  return { wallMs: performance.now() - t0, cpuMs: (used.user + used.system) / 1000, rssMiB: Math.round(Math.max(rss, process.memoryUsage().rss) / 2 ** 20) };
}

/** How many of `ids` the table holds (`where` narrows, e.g. to the window). */
async function present(core: Core, table: string, column: string, ids: readonly (number | string)[], where = '', params: unknown[] = []): Promise<number> {
  if (ids.length === 0) return 0;
  const row = await core.ctx.db.get<{ n: number }>(`SELECT count(*) AS n FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))${where}`, [JSON.stringify([...new Set(ids)]), ...params]);
  return row?.n ?? 0;
}

/**
 * Rows a window saw acknowledged that the database does not hold (each by its id and window
 * number), and audit events fewer than the clerk's acknowledged acts.
 */
async function lost(core: Core, windows: HallWindow[]): Promise<Record<string, number>> {
  const out = { visits: 0, queryLog: 0, reports: 0, statements: 0, objections: 0, receipts: 0, auditEvents: 0 };
  for (const w of windows) {
    const s = w.seen;
    const atWindow = ' AND window_number = ?';
    out.visits += new Set(s.visits).size - (await present(core, 'visit', 'id', s.visits, atWindow, [w.number]));
    out.queryLog += s.queryLogged.length - (await present(core, 'query_log', 'visit_id', s.queryLogged, atWindow, [w.number]));
    out.reports += s.reports.length - (await present(core, 'report', 'id', s.reports));
    out.statements += s.statements.length - (await present(core, 'statement', 'id', s.statements));
    out.objections += s.objections.length - (await present(core, 'objection', 'id', s.objections));
    out.receipts += s.receipts.length - (await present(core, 'receipt', 'receipt_no', s.receipts));
    // Each acknowledged lookup, issue, statement and intake is one audit event of the clerk's naming the window.
    // (a lookup that reused the open visit writes no new one).
    const acts = [['counter.lookup', s.queryLogged.length], ['report.issue', s.reports.length], ['report.preview', s.previews.length], ['statement.create', s.statements.length], ['objection.received', s.objections.length]] as const;
    for (const [action, acked] of acts) {
      const row = await core.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE actor = ? AND action = ? AND json_extract(detail, '$.window') = ?", [w.clerk, action, w.number]);
      out.auditEvents += Math.max(0, acked - (row?.n ?? 0));
    }
  }
  return out;
}

function summary(prefix: string, t: Timings, run: { wallMs: number; cpuMs: number; rssMiB: number }): Record<string, number> {
  const l = percentiles(t.lookup);
  const pdf = percentiles(t.reportPdf);
  const intake = percentiles(t.intake);
  return {
    [`${prefix}.lookupP50Ms`]: round(l.p50, 1),
    [`${prefix}.lookupP99Ms`]: round(l.p99, 1),
    [`${prefix}.reportPdfP50Ms`]: round(pdf.p50, 0),
    [`${prefix}.reportPdfP99Ms`]: round(pdf.p99, 0),
    [`${prefix}.intakeReceiptP99Ms`]: round(intake.p99, 0),
    [`${prefix}.journeysPerMin`]: round(t.journeys / (run.wallMs / 60_000), 1),
    [`${prefix}.hostCpuPct`]: round((100 * run.cpuMs) / run.wallMs, 0),
    [`${prefix}.rssMiB`]: run.rssMiB,
  };
}

/** Assigns each window its own people, so no two windows (and no two objections) meet on one file. */
function dealPeople(windows: HallWindow[], people: Person[], withRecords: Person[]): void {
  windows.forEach((w, i) => {
    w.people = people.filter((_, k) => k % windows.length === i);
    w.objectionPeople = withRecords.filter((_, k) => k % windows.length === i);
  });
}

export async function benchHall(opts: { windows: number; durationMs: number; baselineMs: number; subjects: number; pace: number; log: (line: string) => void }): Promise<Record<string, number | string>> {
  const dirs: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-bench-hall-'));
  dirs.push(dir);
  const core = await openCore({ dataDir: dir, unlock: BENCH_UNLOCK });
  const windows: HallWindow[] = [];
  let host: Awaited<ReturnType<typeof serveOfficeHost>> | null = null;
  try {
    await core.startupJobs;
    opts.log(`  building an office of ${opts.subjects.toLocaleString()} subjects…`);
    await buildDatabase(core, opts.subjects, chinaDate(new Date()), () => {});
    const people = await core.ctx.db.all<Person>("SELECT id_number AS idNumber, name FROM subject WHERE kind = 'person' ORDER BY id");
    // Objections go to people with a record on show (one open objection per record), never reused.
    const withRecords = await core.ctx.db.all<Person>(
      "SELECT s.id_number AS idNumber, s.name FROM subject s WHERE s.kind = 'person' AND EXISTS (SELECT 1 FROM record r WHERE r.subject_id = s.id AND r.status = 'active') ORDER BY s.id DESC",
    );
    // All windows connect from 127.0.0.1 here, as a hall behind NAT would: each still has its own
    // connection places once its certificate is shown (connectionAdmission.identify), at the default limits.
    host = await serveOfficeHost(core.ctx, ADDRESS, 0);
    opts.log(`  joining ${opts.windows} windows…`);
    for (let n = 1; n <= opts.windows; n += 1) windows.push(await joinWindow(core, n, dirs));
    dealPeople(windows, people, withRecords);

    opts.log(`  baseline: window 1 alone for ${Math.round(opts.baselineMs / 1000)} s…`);
    const base = newTimings();
    const baseRun = await runFor([windows[0]!], opts.baselineMs, base);
    opts.log(`  hall: ${opts.windows} windows for ${Math.round(opts.durationMs / 1000)} s, ${opts.pace > 0 ? `${opts.pace} journeys a minute each` : 'back to back'}…`);
    const load = loadavg().map((x) => round(x, 2)).join(' ');
    const hall = newTimings();
    const hallRun = await runFor(windows, opts.durationMs, hall, opts.pace);
    const loadAfter = loadavg().map((x) => round(x, 2)).join(' ');

    for (const w of windows) w.relay.close();
    await host.close();
    host = null;
    const missing = await lost(core, windows);
    const audit = await verifyAuditChain(core.ctx);
    const failures = new Map<string, number>();
    for (const w of windows) for (const [k, v] of w.seen.failures) failures.set(k, (failures.get(k) ?? 0) + v);
    return {
      windows: opts.windows,
      pace: opts.pace > 0 ? `${opts.pace} journeys/min per window` : 'back to back',
      subjects: opts.subjects,
      loadAvgAtStart: load,
      loadAvgAtEnd: loadAfter,
      ...summary('baseline1', base, baseRun),
      ...summary(`hall${opts.windows}`, hall, hallRun),
      journeys: hall.journeys + base.journeys,
      mix: [...hall.byJourney].map(([j, n]) => `${j} ${n}`).join(', '),
      acknowledged: windows.reduce((n, w) => n + w.seen.visits.length + w.seen.reports.length + w.seen.statements.length + w.seen.objections.length + w.seen.receipts.length, 0),
      lostRows: Object.values(missing).reduce((a, b) => a + b, 0),
      lostDetail: Object.entries(missing).map(([k, v]) => `${k} ${v}`).join(', '),
      refusedCalls: [...failures].map(([k, v]) => `${k} ${v}`).join(', ') || 'none',
      auditVerify: audit.ok ? `ok (${audit.checked} events)` : `BROKEN ${JSON.stringify(audit.firstBroken)}`,
    };
  } finally {
    for (const w of windows) w.relay.close();
    await host?.close();
    await core.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
}
