// Office → platform export (DESIGN.md §7): everything recorded since the previous export, in one
// signed bundle encrypted to the platform. The bytes are kept under <dataDir>/exports until the
// platform acknowledges them, so "write again" hands out the identical bundle (same sequence, same
// hash) instead of a different one the platform would take for equivocation.
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import type { Queryable } from '../../db/database';
import { writeBundleFile } from '../bundle/index';
import type { BundleFileInput } from '../bundle/index';
import { EXPORT_FILES, SCHEMA_VERSION } from '../content/schemas';
import type { ExportSchema } from '../content/schemas';
import { syncFail } from '../content/syncError';
import { bundleOut, insertBundleOut, lastBundleOut } from '../../store/syncStore';
import { lastCheckpoint, listCheckpoints } from '../../store/auditStore';
import { writeAuditCheckpointIn } from '../../services/auditCheckpoint';
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
             v.applicant_kind AS applicantKind, v.purpose_code AS purposeCode, v.purpose_text AS purposeText
             FROM visit v JOIN account a ON a.id = v.clerk_id LEFT JOIN subject s ON s.id = v.subject_id WHERE v.id > ? ORDER BY v.id`,
  queryLog: `SELECT q.id, q.at, q.visit_id AS visitId, a.username AS clerk, s.central_id AS subjectCentralId, q.id_number AS idNumber,
             q.office_code AS officeCode, q.purpose_code AS purposeCode, q.outcome
             FROM query_log q JOIN account a ON a.id = q.clerk_id LEFT JOIN subject s ON s.id = q.subject_id WHERE q.id > ? ORDER BY q.id`,
  printLog: `SELECT p.id, r.report_no AS reportNo, r.visit_id AS visitId, p.copy_no AS copyNo, p.kind, p.at, a.username AS clerk
             FROM report_print p JOIN report r ON r.id = p.report_id JOIN account a ON a.id = p.clerk_id WHERE p.id > ? ORDER BY p.id`,
  statements: `SELECT st.id, s.central_id AS subjectCentralId, r.central_id AS recordCentralId, st.visit_id AS visitId, a.username AS clerk,
             st.text, st.created_at AS createdAt
             FROM statement st JOIN subject s ON s.id = st.subject_id LEFT JOIN record r ON r.id = st.record_id
             JOIN account a ON a.id = st.clerk_id WHERE st.id > ? ORDER BY st.id`,
  objectionEvents: `SELECT e.id, 'objection' AS caseKind, o.case_no AS caseNo, e.at, e.actor, e.action, e.from_state AS fromState,
             e.to_state AS toState, e.reason, e.detail FROM objection_event e JOIN objection o ON o.id = e.objection_id WHERE e.id > ? ORDER BY e.id`,
  repairEvents: `SELECT e.id, 'repair' AS caseKind, c.case_no AS caseNo, e.at, e.actor, e.action, e.from_state AS fromState,
             e.to_state AS toState, e.reason, e.detail FROM repair_event e JOIN repair c ON c.id = e.repair_id WHERE e.id > ? ORDER BY e.id`,
};

/** Audit checkpoints not exported yet, in the platform's field names (keyed by id). */
async function exportableCheckpoints(db: Queryable, afterId: number): Promise<Row[]> {
  const rows = await listCheckpoints(db, afterId);
  // The newest always travels, even when its id is not above the last exported one (checkpoint
  // rows deleted underneath): the platform then sees the head go backwards.
  const newest = await lastCheckpoint(db);
  if (newest && !rows.some((c) => c.id === newest.id)) rows.push(newest);
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

const lastRanges = async (db: Queryable): Promise<ExportRanges> => {
  const last = await lastBundleOut(db);
  return last ? { ...ZERO, ...(JSON.parse(last.ranges) as Partial<ExportRanges>) } : { ...ZERO };
};

const maxId = (rows: readonly Row[], from: number): number => (rows.length ? rows[rows.length - 1]!.id : from);

export async function gatherExport(db: Queryable): Promise<ExportContent> {
  const from = await lastRanges(db);
  const get = (k: keyof typeof QUERIES) => db.all<Row>(QUERIES[k], [from[k]]);
  const [visits, queryLog, printLog, statements, objectionEvents, repairEvents] = await Promise.all(
    (['visits', 'queryLog', 'printLog', 'statements', 'objectionEvents', 'repairEvents'] as const).map(get));
  const events: Row[] = [...objectionEvents!, ...repairEvents!].map((e) => ({ ...e, detail: JSON.parse(String(e.detail)) as unknown }));
  const caseNos = (kind: string) => JSON.stringify([...new Set(events.filter((e) => e.caseKind === kind).map((e) => e.caseNo))]);
  const cases = [
    ...(await db.all<Row>(`SELECT id, 'objection' AS caseKind, case_no AS caseNo, state, provider_unit AS providerUnit, route, received_on AS receivedOn,
        outcome, outcome_reason AS outcomeReason, decided_at AS decidedAt, closed_at AS closedAt FROM objection WHERE case_no IN (SELECT value FROM json_each(?))`, [caseNos('objection')])),
    ...(await db.all<Row>(`SELECT c.id, 'repair' AS caseKind, c.case_no AS caseNo, c.state, c.provider_unit AS providerUnit, NULL AS route, c.received_on AS receivedOn,
        NULL AS outcome, c.outcome_reason AS outcomeReason, c.decided_at AS decidedAt, c.closed_at AS closedAt FROM repair c WHERE c.case_no IN (SELECT value FROM json_each(?))`, [caseNos('repair')])),
  ];
  const outbox = await db.all<Row>(`SELECT id, kind, ref, payload, created_at AS createdAt FROM outbox WHERE exported_bundle IS NULL ORDER BY id`);
  const audit = await db.all<Row & { seq: number }>(`SELECT seq AS id, seq, at, actor, action, target, detail, prev_hash AS prevHash, hash FROM audit_event WHERE seq > ? ORDER BY seq`, [from.audit]);
  const checkpoints = await exportableCheckpoints(db, from.checkpoints);
  return {
    files: {
      visits: visits!,
      'query-log': queryLog!,
      'print-log': printLog!,
      statements: statements!,
      cases,
      'case-events': events,
      forwards: outbox.map((o) => ({ ...o, payload: JSON.parse(String(o.payload)) as unknown })),
      'audit-segment': audit.map(({ id: _id, ...a }) => ({ ...a, detail: JSON.parse(String(a.detail)) as unknown }) as unknown as Row),
      'audit-checkpoints': checkpoints,
    },
    ranges: {
      visits: maxId(visits!, from.visits), queryLog: maxId(queryLog!, from.queryLog), printLog: maxId(printLog!, from.printLog),
      statements: maxId(statements!, from.statements), objectionEvents: maxId(objectionEvents!, from.objectionEvents),
      repairEvents: maxId(repairEvents!, from.repairEvents), audit: maxId(audit, from.audit),
      checkpoints: Math.max(from.checkpoints, ...checkpoints.map((c) => c.id)),
    },
    outboxIds: outbox.map((o) => o.id),
  };
}

/** What the next export would carry, counted by kind (for the export screen). */
export async function pendingExportCounts(db: Queryable): Promise<Record<ExportSchema, number>> {
  const c = await gatherExport(db);
  return Object.fromEntries(Object.entries(c.files).map(([k, rows]) => [k, rows.length])) as Record<ExportSchema, number>;
}

export const exportsDir = (dataDir: string): string => join(dataDir, 'exports');
export const exportFileName = (office: string, sequence: number): string => `creditdesk-export-${office}-${String(sequence).padStart(6, '0')}.cdbundle`;

export interface WrittenExport { sequence: number; bundleHash: string; fileName: string; path: string; sizeBytes: number; counts: Record<string, number> }

/** Inside the caller's transaction: writes the kept file, records the export, marks the outbox. */
export async function writeExportIn(tx: Queryable, ctx: { dataDir: string; office: { code: string; name: string }; now: () => Date }): Promise<WrittenExport> {
  const keyring = await pinnedKeyring(tx);
  if (!keyring) return syncFail('SYNC_NOT_PROVISIONED');
  const platformKey = keyring.find('platform', 'platform-encryption')!;
  // Audit trail: a fresh signed checkpoint travels in every export (docs/security.md).
  await writeAuditCheckpointIn(tx, ctx);
  const content = await gatherExport(tx);
  const last = await lastBundleOut(tx);
  const sequence = (last?.sequence ?? 0) + 1;
  const now = ctx.now();
  const files: BundleFileInput[] = (Object.keys(EXPORT_FILES) as ExportSchema[]).map((schema) => ({
    name: EXPORT_FILES[schema], schema, schemaVersion: SCHEMA_VERSION, records: content.files[schema], compress: true,
  }));
  mkdirSync(exportsDir(ctx.dataDir), { recursive: true, mode: 0o700 });
  const fileName = exportFileName(ctx.office.code, sequence);
  const path = join(exportsDir(ctx.dataDir), fileName);
  const written = writeBundleFile(path, {
    purpose: 'export', channel: EXPORT_CHANNEL, sequence, prevHash: last?.bundle_hash ?? null,
    createdAt: now, expiresAt: new Date(now.getTime() + EXPORT_VALIDITY_DAYS * 86_400_000),
    sender: { name: ctx.office.code, key: officeSyncKeys(ctx.dataDir).exportSigning },
    recipient: { name: 'platform', publicKey: Buffer.from(platformKey.publicKey, 'hex') },
    keyringVersion: keyring.version, files,
  });
  const counts = Object.fromEntries(Object.entries(content.files).map(([k, rows]) => [k, rows.length]));
  await insertBundleOut(tx, {
    sequence, bundle_hash: written.bundleHash, file_name: fileName, created_at: now.toISOString(), size_bytes: written.bytes.length,
    counts: JSON.stringify(counts), ranges: JSON.stringify(content.ranges), acknowledged_at: null,
  });
  if (content.outboxIds.length) {
    await tx.run('UPDATE outbox SET exported_bundle = ? WHERE id IN (SELECT value FROM json_each(?))', [written.bundleHash, JSON.stringify(content.outboxIds)]);
  }
  return { sequence, bundleHash: written.bundleHash, fileName, path, sizeBytes: written.bytes.length, counts };
}

/** The kept bytes of an export not yet acknowledged (write again). */
export async function keptExport(db: Queryable, dataDir: string, sequence: number): Promise<{ path: string; fileName: string }> {
  const row = await bundleOut(db, sequence);
  if (!row) return syncFail('SYNC_EXPORT_NOT_FOUND', { sequence });
  const path = join(exportsDir(dataDir), row.file_name);
  // Acknowledged exports are deleted on purpose; an unacknowledged one whose file went is a loss to report.
  if (!existsSync(path)) return syncFail(row.acknowledged_at ? 'SYNC_EXPORT_GONE' : 'SYNC_EXPORT_MISSING', { sequence });
  return { path, fileName: row.file_name };
}

export const readKept = (path: string): Buffer => readFileSync(path);

/** Copies a kept export to where the person wants it: temp file in the target directory, then rename. */
export function copyExportTo(src: string, dest: string): number {
  const tmp = join(dirname(dest), `.${basename(dest)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    copyFileSync(src, tmp);
    renameSync(tmp, dest);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return statSync(dest).size;
}

/** After an acknowledgement commits: the platform has these, the kept copies can go. */
export function dropAcknowledged(dataDir: string, office: string, sequences: readonly number[]): void {
  for (const s of sequences) rmSync(join(exportsDir(dataDir), exportFileName(office, s)), { force: true });
}
