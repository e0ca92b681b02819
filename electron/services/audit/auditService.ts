import type { AuditVerifyResult } from '../../../shared/contract/index';
import { canonicalSql, referenceTriggers } from '../../db/referenceSchema';
import {
  appendAudit,
  auditEventAt,
  auditHead,
  auditHash,
  chainedRow,
  GENESIS_HASH,
  iterateAudit,
  iterateAuditAction,
  iterateChainedRows,
  listCheckpoints,
  maxChainedId,
  schemaTriggers,
  type AuditEventInput,
  type ChainedTable,
} from '../../store/auditStore';
import type { Queryable } from '../../db/database';
import type { AuditAction } from '../../../shared/i18n/auditLabels';
import { chainedRowHash, checkpointSignatureValid, CHECKPOINT_EVERY, readAuditHeadFile, writeAuditCheckpointIn, writeAuditHeadFile, type AuditCheckpoint } from './auditCheckpoint';
import type { Caller, CoreContext } from '../context';
import { officeSigningKey } from '../office/officeKeyService';

/** An event as a service writes it: its action one the audit screen can name (AuditAction). */
export type AuditEntry = Omit<AuditEventInput, 'at' | 'actorId' | 'actor' | 'action'> & { action: AuditAction };

/** Appends inside the caller's transaction so the event and the change it describes commit together. */
export async function auditIn(tx: Queryable, ctx: CoreContext, caller: Pick<Caller, 'accountId' | 'username' | 'window'> | null, e: AuditEntry): Promise<number> {
  // Every act names the window it was done at (issue 23), under the chain like the rest of the event.
  const detail = caller?.window ? { ...e.detail, window: caller.window.number } : e.detail;
  const seq = await appendAudit(tx, ctx.keys.audit, { ...e, detail, at: ctx.now().toISOString(), actorId: caller?.accountId ?? null, actor: caller?.username ?? null });
  if (seq % CHECKPOINT_EVERY === 0) await writeAuditCheckpointIn(tx, ctx);
  return seq;
}

/**
 * Puts a just-inserted visit or query-log row under the chain: an event carrying the row's hash,
 * so that deleting, editing or slipping in a row underneath shows in `audit verify`.
 */
export async function auditRowIn(tx: Queryable, ctx: CoreContext, caller: Pick<Caller, 'accountId' | 'username' | 'window'> | null, table: ChainedTable, id: number): Promise<number> {
  const row = await chainedRow(tx, table, id);
  if (!row) throw new Error(`${table} ${id} is not there to be audited`);
  return auditIn(tx, ctx, caller, { action: `row.${table}`, target: `${table}:${id}`, detail: { table, id, rowHash: chainedRowHash(table, row) } });
}

export function audit(ctx: CoreContext, caller: Pick<Caller, 'accountId' | 'username' | 'window'> | null, e: AuditEntry): Promise<number> {
  return ctx.db.transaction((tx) => auditIn(tx, ctx, caller, e));
}

type Problem = { seq: number | null; reason: string };
const MAX_PER_KIND = 20;
const ACKNOWLEDGED = 'audit.break_acknowledged';
const MAX_BROKEN_LINKS = 100;

async function checkRows(db: Queryable, table: ChainedTable, problems: Problem[]): Promise<void> {
  // Both sides come in id order (events are appended in the inserting transaction), so one merge
  // walk finds rows deleted (event without row), slipped in (row without event) and altered.
  const events = iterateAuditAction(db, `row.${table}`)[Symbol.asyncIterator]();
  const rows = iterateChainedRows(db, table)[Symbol.asyncIterator]();
  let ev = (await events.next()).value;
  let row = (await rows.next()).value;
  let found = 0;
  const report = (p: Problem) => {
    if (found++ < MAX_PER_KIND) problems.push(p);
  };
  while (ev || row) {
    const d = ev ? (JSON.parse(ev.detail) as { id: number; rowHash: string }) : null;
    if (d && (!row || d.id < row.id)) {
      report({ seq: ev!.seq, reason: `${table} row ${d.id} (recorded by event ${ev!.seq}) was deleted` });
      ev = (await events.next()).value;
    } else if (row && (!d || row.id < d.id)) {
      report({ seq: null, reason: `${table} row ${row.id} has no audit event: it was inserted underneath the console` });
      row = (await rows.next()).value;
    } else {
      if (chainedRowHash(table, row!) !== d!.rowHash) report({ seq: ev!.seq, reason: `${table} row ${d!.id} was altered after event ${ev!.seq} recorded it` });
      ev = (await events.next()).value;
      row = (await rows.next()).value;
    }
  }
}

async function checkCheckpoint(db: Queryable, c: AuditCheckpoint, where: string, publicKeyPem: string, headSeq: number, problems: Problem[]): Promise<void> {
  if (!checkpointSignatureValid(c, publicKeyPem)) {
    problems.push({ seq: c.head_seq, reason: `the ${where} checkpoint of ${c.at} is not signed by this office's key` });
    return;
  }
  if (c.head_seq > headSeq) {
    problems.push({ seq: headSeq + 1, reason: `events ${headSeq + 1}–${c.head_seq} are missing: the ${where} checkpoint of ${c.at} had ${c.head_seq} events` });
    return;
  }
  const at = await auditEventAt(db, c.head_seq);
  if (!at || at.hash !== c.head_hash) problems.push({ seq: c.head_seq, reason: `event ${c.head_seq} differs from the ${where} checkpoint of ${c.at}: the chain was rewritten` });
  for (const [table, max] of [['visit', c.visit_max], ['query_log', c.query_log_max]] as const) {
    const now = await maxChainedId(db, table);
    if (now < max) problems.push({ seq: null, reason: `${table} rows ${now + 1}–${max} are missing: the ${where} checkpoint of ${c.at} counted up to ${max}` });
  }
}

/**
 * Recomputes every keyed link, checks the signed checkpoints (in the database and the head file),
 * the visit and query-log rows against their events, and that the append-only triggers exist.
 */
export async function verifyAuditChain(ctx: Pick<CoreContext, 'db' | 'keys' | 'dataDir' | 'office'>): Promise<AuditVerifyResult> {
  const db = ctx.db;
  const problems: Problem[] = [];
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  let broken = 0;
  // Every broken link is reported, not only the first: one bad event (say, text that cannot be
  // stored as it was hashed) must not hide a later edit. After a break the walk goes on from the
  // event as it stands, so each later link is judged on its own.
  for await (const row of iterateAudit(db)) {
    const found: Problem[] = [];
    if (row.seq !== expectedSeq) found.push({ seq: expectedSeq, reason: row.seq > expectedSeq ? `events ${expectedSeq}–${row.seq - 1} are missing` : `event ${row.seq} appears out of order` });
    else if (row.prev_hash !== prev) found.push({ seq: row.seq, reason: 'previous-hash link does not match' });
    if (auditHash(ctx.keys.audit, row.prev_hash, row) !== row.hash) found.push({ seq: row.seq, reason: "content does not match its MAC (altered, or re-chained without the office's key)" });
    if (found.length === 0) checked += 1;
    for (const p of found) if (broken++ < MAX_BROKEN_LINKS) problems.push(p);
    prev = row.hash;
    expectedSeq = row.seq + 1;
  }
  if (broken > MAX_BROKEN_LINKS) problems.push({ seq: null, reason: `${broken - MAX_BROKEN_LINKS} more broken links are not listed` });
  // Against the newest event present, not the last good one: a broken link is not a cut-off tail.
  const headSeq = (await auditHead(db))?.seq ?? 0;
  const checkpoints: AuditCheckpoint[] = await listCheckpoints(db);
  const file = await readAuditHeadFile(ctx.dataDir);
  // Only a signed checkpoint needs the key (read here; only the core's start creates one).
  const publicKeyPem = checkpoints.length > 0 || (file && file !== 'malformed') ? officeSigningKey(ctx).publicKeyPem : '';
  if (file === 'malformed') problems.push({ seq: null, reason: 'the audit head file audit-head.json is damaged' });
  else if (file) await checkCheckpoint(db, file, 'head-file', publicKeyPem, headSeq, problems);
  // The newest checkpoint says the most; older ones would repeat a cut-off tail.
  const newest = checkpoints.at(-1);
  for (const c of checkpoints) if (c !== newest && !checkpointSignatureValid(c, publicKeyPem)) problems.push({ seq: c.head_seq, reason: `the checkpoint of ${c.at} is not signed by this office's key` });
  if (newest) await checkCheckpoint(db, newest, 'database', publicKeyPem, headSeq, problems);
  await checkRows(db, 'visit', problems);
  await checkRows(db, 'query_log', problems);
  const present = new Map((await schemaTriggers(db)).map((t) => [t.name, canonicalSql(t.sql)]));
  const expected = await referenceTriggers();
  for (const [name, sql] of expected) {
    const now = present.get(name);
    if (now === undefined) problems.push({ seq: null, reason: `the trigger ${name} was dropped` });
    else if (now !== sql) problems.push({ seq: null, reason: `the trigger ${name} was changed: it is not the statement the migrations created` });
  }
  for (const name of present.keys()) if (!expected.has(name)) problems.push({ seq: null, reason: `the trigger ${name} was added underneath the console` });
  // What an administrator acknowledged stays listed, but no longer fails the check. Only an
  // acknowledgement whose own event checks out counts: a forged one breaks its link.
  const brokenSeqs = new Set(problems.map((p) => p.seq).filter((q): q is number => q !== null));
  const acknowledgedBy = new Map<string, number>();
  for await (const ev of iterateAuditAction(db, ACKNOWLEDGED)) {
    if (brokenSeqs.has(ev.seq)) continue;
    for (const reason of (JSON.parse(ev.detail) as { problems?: string[] }).problems ?? []) acknowledgedBy.set(reason, ev.seq);
  }
  const acknowledged = problems.filter((p) => acknowledgedBy.has(p.reason)).map((p) => ({ ...p, acknowledgedBy: acknowledgedBy.get(p.reason)! }));
  const open = problems.filter((p) => !acknowledgedBy.has(p.reason));
  const first = open[0];
  const lastCp = [newest, file !== 'malformed' ? file : null].filter((c): c is AuditCheckpoint => Boolean(c)).sort((a, b) => b.head_seq - a.head_seq)[0];
  return {
    ok: open.length === 0,
    checked,
    firstBroken: first ? { seq: first.seq ?? 0, reason: first.reason } : null,
    problems: open,
    acknowledged,
    checkpoint: lastCp ? { headSeq: lastCp.head_seq, at: lastCp.at } : null,
  };
}

/**
 * An administrator's answer to what `audit verify` reported: recorded in the chain with the reason
 * and every finding, then the current head is signed and written as the head file, so that later
 * checks measure from here. Until this is done every verify reports the break again (nothing else
 * signs a head that does not extend the last one). The acknowledged findings stay listed by verify
 * as acknowledged (they are evidence); anything found later fails the check as before. Returns
 * null, and writes nothing, when the chain is intact.
 */
export async function acknowledgeAuditBreak(
  ctx: CoreContext,
  by: Pick<Caller, 'accountId' | 'username'> | null,
  reason: string,
): Promise<{ problems: string[]; checkpoint: AuditCheckpoint } | null> {
  const found = await verifyAuditChain(ctx);
  if (found.ok) return null;
  const problems = (found.problems ?? []).map((p) => p.reason);
  const checkpoint = await ctx.db.transaction(async (tx) => {
    await auditIn(tx, ctx, by, { action: ACKNOWLEDGED, target: null, detail: { reason, problems, previousCheckpoint: found.checkpoint } });
    return writeAuditCheckpointIn(tx, ctx, { rebase: true });
  });
  await writeAuditHeadFile(ctx.dataDir, checkpoint!);
  return { problems, checkpoint: checkpoint! };
}
