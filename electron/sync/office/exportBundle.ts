// Office → platform export (DESIGN.md §7): everything recorded since the previous export, in one
// signed bundle encrypted to the platform. The bytes are kept under <dataDir>/exports until the
// platform acknowledges them, so "write again" hands out the identical bundle (same sequence, same
// hash) instead of a different one the platform would take for equivocation.
import { copyFile, mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Queryable } from '../../db/database';
import { fileExists } from '../../files/fileExists';
import { inMemory, writeBundleFile } from '../bundle/writeBundle';
import { EXPORT_FILES, SCHEMA_VERSION } from '../content/schemas';
import type { ExportSchema } from '../content/schemas';
import { syncFail } from '../content/syncError';
import { bundleOut, insertBundleOut, lastBundleOut } from '../../store/syncStore';
import { checkpointById, listCheckpoints } from '../../store/auditStore';
import { writeAuditCheckpointIn } from '../../services/audit/auditCheckpoint';
import { officeSyncKeys } from './officeSyncKeys';
import { pinnedKeyring } from './verifyUpdate';

export const EXPORT_CHANNEL = 'export';
export const EXPORT_VALIDITY_DAYS = 90;

/** The highest row id of each source already exported. */
export interface ExportRanges { visits: number; queryLog: number; printLog: number; statements: number; objectionEvents: number; repairEvents: number; audit: number; checkpoints: number }
const ZERO: ExportRanges = { visits: 0, queryLog: 0, printLog: 0, statements: 0, objectionEvents: 0, repairEvents: 0, audit: 0, checkpoints: 0 };

type Row = Record<string, unknown> & { id: number };

const QUERIES: Record<Exclude<keyof ExportRanges, 'audit' | 'checkpoints'>, string> = {
  visits: `SELECT v.id, v.started_at AS startedAt, a.username AS clerk, v.id_number AS idNumber, v.name, s.central_id AS subjectCentralId,
             v.applicant_kind AS applicantKind, v.purpose_code AS purposeCode, v.purpose_text AS purposeText,
             v.identity_source AS identitySource, v.reader_sam_id AS readerSamId, v.identity_reason AS identityReason, v.identity_note AS identityNote,
             v.subject_kind AS subjectKind, v.found_by AS foundBy, v.clerk_confirmed = 1 AS clerkConfirmed, v.report_kind AS reportKind
             FROM visit v JOIN account a ON a.id = v.clerk_id LEFT JOIN subject s ON s.id = v.subject_id WHERE v.id > ?1 AND v.id <= ?2 ORDER BY v.id LIMIT ?3`,
  queryLog: `SELECT q.id, q.at, q.visit_id AS visitId, a.username AS clerk, s.central_id AS subjectCentralId, q.id_number AS idNumber,
             q.office_code AS officeCode, q.purpose_code AS purposeCode, q.outcome, q.identity_source AS identitySource, q.reader_sam_id AS readerSamId,
             q.subject_kind AS subjectKind, q.found_by AS foundBy, q.clerk_confirmed = 1 AS clerkConfirmed
             FROM query_log q JOIN account a ON a.id = q.clerk_id LEFT JOIN subject s ON s.id = q.subject_id WHERE q.id > ?1 AND q.id <= ?2 ORDER BY q.id LIMIT ?3`,
  printLog: `SELECT p.id, r.report_no AS reportNo, r.visit_id AS visitId, p.copy_no AS copyNo, p.kind, p.at, a.username AS clerk
             FROM report_print p JOIN report r ON r.id = p.report_id JOIN account a ON a.id = p.clerk_id WHERE p.id > ?1 AND p.id <= ?2 ORDER BY p.id LIMIT ?3`,
  statements: `SELECT st.id, s.central_id AS subjectCentralId, r.central_id AS recordCentralId, st.visit_id AS visitId, a.username AS clerk,
             st.text, st.created_at AS createdAt
             FROM statement st JOIN subject s ON s.id = st.subject_id LEFT JOIN record r ON r.id = st.record_id
             JOIN account a ON a.id = st.clerk_id WHERE st.id > ?1 AND st.id <= ?2 ORDER BY st.id LIMIT ?3`,
  objectionEvents: `SELECT e.id, 'objection' AS caseKind, o.case_no AS caseNo, e.at, e.actor, e.action, e.from_state AS fromState,
             e.to_state AS toState, e.reason, e.detail FROM objection_event e JOIN objection o ON o.id = e.objection_id WHERE e.id > ?1 AND e.id <= ?2 ORDER BY e.id LIMIT ?3`,
  repairEvents: `SELECT e.id, 'repair' AS caseKind, c.case_no AS caseNo, e.at, e.actor, e.action, e.from_state AS fromState,
             e.to_state AS toState, e.reason, e.detail FROM repair_event e JOIN repair c ON c.id = e.repair_id WHERE e.id > ?1 AND e.id <= ?2 ORDER BY e.id LIMIT ?3`,
};

/** Audit checkpoints not exported yet, up to the plan's newest, in the platform's field names (keyed by id). */
async function exportableCheckpoints(db: Queryable, afterId: number, newestId: number): Promise<Row[]> {
  const rows = (await listCheckpoints(db, afterId)).filter((c) => c.id <= newestId);
  // The newest always travels, even when its id is not above the last exported one (checkpoint
  // rows deleted underneath): the platform then sees the head go backwards.
  const newest = newestId > 0 && !rows.some((c) => c.id === newestId) ? await checkpointById(db, newestId) : undefined;
  if (newest) rows.push(newest);
  return rows.map((c) => ({
    id: c.id, at: c.at, officeCode: c.office_code, headSeq: c.head_seq, headHash: c.head_hash,
    visitMax: c.visit_max, queryLogMax: c.query_log_max, keyId: c.key_id, signature: c.signature,
  }));
}

export interface ExportContent {
  files: Record<ExportSchema, Row[]>;
  ranges: ExportRanges;
  outboxIds: number[];
}

/**
 * Which rows an export carries: those after the last export's high-water marks (`from`) up to the
 * newest at the plan (`to`), and the outbox rows not exported yet. Taken inside the plan's
 * transaction, where it costs a few index lookups; the rows themselves are read after it. The
 * sources are append-only and their ids grow with each commit, so the rows up to `to` are the
 * same whenever they are read.
 */
export interface ExportBounds { from: ExportRanges; to: ExportRanges; outboxIds: number[] }

const lastRanges = async (db: Queryable): Promise<ExportRanges> => {
  const last = await lastBundleOut(db);
  return last ? { ...ZERO, ...(JSON.parse(last.ranges) as Partial<ExportRanges>) } : { ...ZERO };
};

const TABLE_OF: Record<keyof ExportRanges, string> = {
  visits: 'SELECT max(id) FROM visit', queryLog: 'SELECT max(id) FROM query_log', printLog: 'SELECT max(id) FROM report_print', statements: 'SELECT max(id) FROM statement',
  objectionEvents: 'SELECT max(id) FROM objection_event', repairEvents: 'SELECT max(id) FROM repair_event', audit: 'SELECT max(seq) FROM audit_event', checkpoints: 'SELECT max(id) FROM audit_checkpoint',
};

export async function exportBounds(db: Queryable): Promise<ExportBounds> {
  const from = await lastRanges(db);
  const newest = await db.get<Record<keyof ExportRanges, number | null>>(
    `SELECT ${Object.entries(TABLE_OF).map(([k, sql]) => `(${sql}) AS ${k}`).join(', ')}`);
  const to = Object.fromEntries((Object.keys(ZERO) as (keyof ExportRanges)[]).map((k) => [k, Math.max(from[k], newest?.[k] ?? 0)])) as unknown as ExportRanges;
  // The newest checkpoint travels even when it is not above the last exported one: its id, not the mark.
  to.checkpoints = newest?.checkpoints ?? 0;
  const outboxIds = (await db.all<{ id: number }>('SELECT id FROM outbox WHERE exported_bundle IS NULL ORDER BY id')).map((r) => r.id);
  return { from, to, outboxIds };
}

/** Rows read per statement: the read connection is shared with the counter, which waits for each. */
const GATHER_PAGE = 1_000;

async function pagedRows(db: Queryable, sql: string, from: number, to: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (let after = from; ;) {
    const page = await db.all<Row>(sql, [after, to, GATHER_PAGE]);
    rows.push(...page);
    if (page.length < GATHER_PAGE) return rows;
    after = page[page.length - 1]!.id;
  }
}

/** The rows within `bounds`, read outside any transaction, a page at a time. */
export async function gatherExport(db: Queryable, bounds: ExportBounds): Promise<ExportContent> {
  const { from, to } = bounds;
  const get = (k: keyof typeof QUERIES) => pagedRows(db, QUERIES[k], from[k], to[k]);
  const visits = await get('visits');
  const queryLog = await get('queryLog');
  const printLog = await get('printLog');
  const statements = await get('statements');
  const objectionEvents = await get('objectionEvents');
  const repairEvents = await get('repairEvents');
  const events: Row[] = [...objectionEvents, ...repairEvents].map((e) => ({ ...e, detail: JSON.parse(String(e.detail)) as unknown }));
  const caseNos = (kind: string) => JSON.stringify([...new Set(events.filter((e) => e.caseKind === kind).map((e) => e.caseNo))]);
  const cases = [
    ...(await db.all<Row>(`SELECT id, 'objection' AS caseKind, case_no AS caseNo, state, provider_unit AS providerUnit, route, received_on AS receivedOn,
        outcome, outcome_reason AS outcomeReason, decided_at AS decidedAt, closed_at AS closedAt FROM objection WHERE case_no IN (SELECT value FROM json_each(?))`, [caseNos('objection')])),
    ...(await db.all<Row>(`SELECT c.id, 'repair' AS caseKind, c.case_no AS caseNo, c.state, c.provider_unit AS providerUnit, NULL AS route, c.received_on AS receivedOn,
        NULL AS outcome, c.outcome_reason AS outcomeReason, c.decided_at AS decidedAt, c.closed_at AS closedAt FROM repair c WHERE c.case_no IN (SELECT value FROM json_each(?))`, [caseNos('repair')])),
  ];
  const outbox = await db.all<Row>(`SELECT id, kind, ref, payload, created_at AS createdAt FROM outbox WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`, [JSON.stringify(bounds.outboxIds)]);
  const audit = await pagedRows(db, `SELECT seq AS id, seq, at, actor, action, target, detail, prev_hash AS prevHash, hash FROM audit_event WHERE seq > ?1 AND seq <= ?2 ORDER BY seq LIMIT ?3`, from.audit, to.audit);
  const checkpoints = await exportableCheckpoints(db, from.checkpoints, to.checkpoints);
  return {
    files: {
      visits,
      'query-log': queryLog,
      'print-log': printLog,
      statements,
      cases,
      'case-events': events,
      forwards: outbox.map((o) => ({ ...o, payload: JSON.parse(String(o.payload)) as unknown })),
      'audit-segment': audit.map(({ id: _id, ...a }) => ({ ...a, detail: JSON.parse(String(a.detail)) as unknown }) as unknown as Row),
      'audit-checkpoints': checkpoints,
    },
    ranges: { ...to, checkpoints: Math.max(from.checkpoints, ...checkpoints.map((c) => c.id)) },
    outboxIds: outbox.map((o) => o.id),
  };
}

/**
 * What the next export would carry, counted by kind (for the export screen), in SQL: the export's
 * own queries counted, instead of every row since the last export read and parsed (issue 26).
 */
export async function pendingExportCounts(db: Queryable): Promise<Record<ExportSchema, number>> {
  const from = await lastRanges(db);
  const count = async (sql: string, params: unknown[] = []) => (await db.get<{ n: number }>(`SELECT count(*) AS n FROM (${sql})`, params))!.n;
  const of = (k: keyof typeof QUERIES) => count(QUERIES[k], [from[k], Number.MAX_SAFE_INTEGER, -1]);
  const [visits, queryLog, printLog, statements, objectionEvents, repairEvents, cases, forwards, audit, checkpoints] = await Promise.all([
    of('visits'), of('queryLog'), of('printLog'), of('statements'), of('objectionEvents'), of('repairEvents'),
    count(`SELECT DISTINCT 'objection', o.case_no FROM objection_event e JOIN objection o ON o.id = e.objection_id WHERE e.id > ?1
           UNION SELECT DISTINCT 'repair', c.case_no FROM repair_event e JOIN repair c ON c.id = e.repair_id WHERE e.id > ?2`, [from.objectionEvents, from.repairEvents]),
    count('SELECT id FROM outbox WHERE exported_bundle IS NULL'),
    count('SELECT seq FROM audit_event WHERE seq > ?', [from.audit]),
    // As exportableCheckpoints: those after the last exported, and the newest always.
    count('SELECT id FROM audit_checkpoint WHERE id > ?1 UNION SELECT max(id) FROM audit_checkpoint HAVING count(*) > 0', [from.checkpoints]),
  ]);
  return {
    visits: visits!, 'query-log': queryLog!, 'print-log': printLog!, statements: statements!, cases: cases!,
    'case-events': objectionEvents! + repairEvents!, forwards: forwards!, 'audit-segment': audit!, 'audit-checkpoints': checkpoints!,
  };
}

export const exportsDir = (dataDir: string): string => join(dataDir, 'exports');
export const exportFileName = (office: string, sequence: number): string => `creditdesk-export-${office}-${String(sequence).padStart(6, '0')}.cdbundle`;

export interface WrittenExport { sequence: number; bundleHash: string; fileName: string; path: string; sizeBytes: number; counts: Record<string, number> }

/**
 * What one export carries and how it is addressed, read in one short transaction (planExportIn);
 * the bundle is then made from it outside any transaction (writeExportFile) and recorded in a
 * second short one (recordExportIn). Nothing is marked before the file is durable: a process that
 * dies between the two leaves an unrecorded file, which the next export (the same sequence, the
 * same rows and more) replaces. No row is exported twice, none is lost (docs/bundle-format.md §14).
 */
export interface ExportPlan {
  sequence: number;
  prevHash: string | null;
  createdAt: Date;
  keyringVersion: number;
  platformPublicKey: string;
  bounds: ExportBounds;
  fileName: string;
}

/** Inside the caller's (short) transaction: a fresh audit checkpoint, then everything since the last export. */
export async function planExportIn(tx: Queryable, ctx: { dataDir: string; office: { code: string; name: string }; now: () => Date }): Promise<ExportPlan> {
  const keyring = await pinnedKeyring(tx);
  if (!keyring) return syncFail('SYNC_NOT_PROVISIONED');
  const platformKey = keyring.find('platform', 'platform-encryption')!;
  // Audit trail: a fresh signed checkpoint travels in every export (docs/security.md). A plan that
  // is never recorded leaves it behind, as a checkpoint on close would: the next export carries it.
  await writeAuditCheckpointIn(tx, ctx);
  const bounds = await exportBounds(tx);
  const last = await lastBundleOut(tx);
  const sequence = (last?.sequence ?? 0) + 1;
  return {
    sequence, prevHash: last?.bundle_hash ?? null, createdAt: ctx.now(), keyringVersion: keyring.version, platformPublicKey: platformKey.publicKey,
    bounds, fileName: exportFileName(ctx.office.code, sequence),
  };
}

/** A write the process did not live to finish: its temporary file or parts directory. */
const unfinishedWrite = (name: string): boolean => name.startsWith('.creditdesk-export-') && (name.endsWith('.tmp') || name.endsWith('.parts'));

/**
 * Outside any transaction: the bundle compressed, encrypted, signed, written beside its name,
 * flushed and renamed into place, as a stream (gzip on the thread pool), so neither the writer nor
 * the serving thread waits for it. The caller holds the export lock: no other export writes here.
 */
export async function writeExportFile(ctx: { dataDir: string; office: { code: string } }, plan: ExportPlan, content: ExportContent): Promise<{ path: string; bundleHash: string; sizeBytes: number }> {
  const dir = exportsDir(ctx.dataDir);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const name of (await readdir(dir)).filter(unfinishedWrite)) await rm(join(dir, name), { recursive: true, force: true });
  const files = (Object.keys(EXPORT_FILES) as ExportSchema[]).map((schema) => inMemory({ name: EXPORT_FILES[schema], schema, schemaVersion: SCHEMA_VERSION, records: content.files[schema], compress: true }));
  const path = join(dir, plan.fileName);
  const { bundleHash } = await writeBundleFile(path, {
    purpose: 'export', channel: EXPORT_CHANNEL, sequence: plan.sequence, prevHash: plan.prevHash,
    createdAt: plan.createdAt, expiresAt: new Date(plan.createdAt.getTime() + EXPORT_VALIDITY_DAYS * 86_400_000),
    sender: { name: ctx.office.code, key: officeSyncKeys(ctx.dataDir).exportSigning },
    recipient: { name: 'platform', publicKey: Buffer.from(plan.platformPublicKey, 'hex') },
    keyringVersion: plan.keyringVersion,
  }, files); // flushed, renamed and its directory flushed, or thrown: then nothing is recorded
  return { path, bundleHash, sizeBytes: (await stat(path)).size };
}

/** Inside the caller's (short) transaction: records the written file and marks the outbox rows it carries. */
export async function recordExportIn(tx: Queryable, plan: ExportPlan, content: ExportContent, file: { path: string; bundleHash: string; sizeBytes: number }): Promise<WrittenExport> {
  const last = await lastBundleOut(tx);
  // The export lock keeps a second export out; this says so should that ever change.
  if ((last?.sequence ?? 0) !== plan.sequence - 1) throw new Error(`export ${plan.sequence} was planned after export ${plan.sequence - 1}, but export ${last?.sequence ?? 0} was recorded meanwhile`);
  const counts = Object.fromEntries(Object.entries(content.files).map(([k, rows]) => [k, rows.length]));
  await insertBundleOut(tx, {
    sequence: plan.sequence, bundle_hash: file.bundleHash, file_name: plan.fileName, created_at: plan.createdAt.toISOString(), size_bytes: file.sizeBytes,
    counts: JSON.stringify(counts), ranges: JSON.stringify(content.ranges), acknowledged_at: null,
  });
  if (content.outboxIds.length) {
    await tx.run('UPDATE outbox SET exported_bundle = ? WHERE id IN (SELECT value FROM json_each(?))', [file.bundleHash, JSON.stringify(content.outboxIds)]);
  }
  return { sequence: plan.sequence, bundleHash: file.bundleHash, fileName: plan.fileName, path: file.path, sizeBytes: file.sizeBytes, counts };
}

/** The kept bytes of an export not yet acknowledged (write again). */
export async function keptExport(db: Queryable, dataDir: string, sequence: number): Promise<{ path: string; fileName: string }> {
  const row = await bundleOut(db, sequence);
  if (!row) return syncFail('SYNC_EXPORT_NOT_FOUND', { sequence });
  const path = join(exportsDir(dataDir), row.file_name);
  // Acknowledged exports are deleted on purpose; an unacknowledged one whose file went is a loss to report.
  if (!(await fileExists(path))) return syncFail(row.acknowledged_at ? 'SYNC_EXPORT_GONE' : 'SYNC_EXPORT_MISSING', { sequence });
  return { path, fileName: row.file_name };
}

export const readKept = (path: string): Promise<Buffer> => readFile(path);

/** Copies a kept export to where the person wants it: temp file in the target directory, then rename. */
export async function copyExportTo(src: string, dest: string): Promise<number> {
  const tmp = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await copyFile(src, tmp);
    await rename(tmp, dest);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return (await stat(dest)).size;
}

/** After an acknowledgement commits: the platform has these, the kept copies can go. */
export async function dropAcknowledged(dataDir: string, office: string, sequences: readonly number[]): Promise<void> {
  for (const s of sequences) await rm(join(exportsDir(dataDir), exportFileName(office, s)), { force: true });
}
