import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Queryable } from '../../db/database';
import { writeOwnerOnlyFileAsync } from '../../keys/ownerOnly';
import { auditHead, CHAINED_ROWS, insertCheckpoint, lastCheckpoint, maxChainedId, type AuditCheckpointRow, type ChainedTable } from '../../store/auditStore';
import type { CoreContext } from '../context';
import { officeSigningKey } from '../office/officeKeyService';

// A checkpoint states "the chain had N events ending in MAC h, and visit/query_log reached these
// ids", signed with the office signing key. Kept in the database, in <dataDir>/audit-head.json (so
// a database rolled back to an older copy shows) and in every export to the platform.

export const AUDIT_HEAD_FILE = 'audit-head.json';
/** One checkpoint per this many events, besides those on close and in exports. */
export const CHECKPOINT_EVERY = 100;

export type AuditCheckpoint = Omit<AuditCheckpointRow, 'id'> & { id?: number };

/** The exact bytes signed; the platform rebuilds them from an exported checkpoint. */
export function checkpointPayload(c: AuditCheckpoint): Buffer {
  return Buffer.from(
    JSON.stringify(['creditdesk-audit-checkpoint', 1, c.office_code, c.at, c.head_seq, c.head_hash, c.visit_max, c.query_log_max, c.key_id]),
    'utf8',
  );
}

export function checkpointSignatureValid(c: AuditCheckpoint, publicKeyPem: string): boolean {
  try {
    return verify(null, checkpointPayload(c), createPublicKey(publicKeyPem), Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The hash a row event carries: SHA-256 over the row's fixed columns (the event's MAC covers it). */
export function chainedRowHash(table: ChainedTable, row: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(CHAINED_ROWS[table].map((c) => row[c] ?? null))).digest('hex');
}

type CheckpointCtx = Pick<CoreContext, 'dataDir' | 'office' | 'now'>;

/**
 * A new checkpoint must extend the ones before it (the database's newest and the head file's):
 * the console never signs a head that is shorter than, or forks from, what it signed before, so
 * opening a tampered database does not bless the tampering. `audit verify` says what is wrong.
 */
async function extendsEarlier(tx: Queryable, dataDir: string, head: { seq: number }, last: AuditCheckpoint | undefined): Promise<boolean> {
  const file = await readAuditHeadFile(dataDir);
  for (const c of [last, file === 'malformed' ? undefined : file]) {
    if (!c) continue;
    if (c.head_seq > head.seq) return false;
    const at = await tx.get<{ hash: string }>('SELECT hash FROM audit_event WHERE seq = ?', [c.head_seq]);
    if (at?.hash !== c.head_hash) return false;
  }
  return true;
}

/**
 * Inside the caller's transaction: signs the current head. Returns null for an empty chain, and
 * for a chain that does not extend what was signed before (nothing is signed or written then, so
 * the head file keeps the newer head and `audit verify` keeps reporting the cut until an
 * administrator acknowledges it: acknowledgeAuditBreak). The check runs before the "nothing new"
 * shortcut too: a chain cut back exactly to the database's last checkpoint equals that checkpoint,
 * and returning it would have let the caller write it over the newer head file.
 */
export async function writeAuditCheckpointIn(tx: Queryable, ctx: CheckpointCtx, opts: { rebase?: boolean } = {}): Promise<AuditCheckpoint | null> {
  const head = await auditHead(tx);
  if (!head) return null;
  const last = await lastCheckpoint(tx);
  if (!opts.rebase && !(await extendsEarlier(tx, ctx.dataDir, head, last))) {
    console.error('CreditDesk: the audit chain does not extend its last signed checkpoint; no new checkpoint is signed. Run `creditdesk audit verify`.');
    return null;
  }
  if (last && last.head_seq === head.seq && last.head_hash === head.hash) return last;
  const key = officeSigningKey(ctx);
  const c: AuditCheckpoint = {
    at: ctx.now().toISOString(),
    office_code: ctx.office.code,
    head_seq: head.seq,
    head_hash: head.hash,
    visit_max: await maxChainedId(tx, 'visit'),
    query_log_max: await maxChainedId(tx, 'query_log'),
    key_id: key.keyId,
    signature: '',
  };
  c.signature = sign(null, checkpointPayload(c), key.privateKey).toString('base64');
  c.id = await insertCheckpoint(tx, c);
  return c;
}

/** Its own transaction, then the head file beside the database (on close, backup, on demand). */
export async function writeAuditCheckpoint(ctx: CheckpointCtx & Pick<CoreContext, 'db'>): Promise<AuditCheckpoint | null> {
  const c = await ctx.db.transaction((tx) => writeAuditCheckpointIn(tx, ctx));
  if (c) await writeAuditHeadFile(ctx.dataDir, c);
  return c;
}

// Head files are written one after another, in the order their checkpoints committed: written
// asynchronously (off the serving thread, issue 26), two writes could otherwise land out of order
// and leave an older head on disk.
let headWrites: Promise<unknown> = Promise.resolve();

export function writeAuditHeadFile(dataDir: string, c: AuditCheckpoint): Promise<void> {
  const write = headWrites.catch(() => undefined).then(() => writeOwnerOnlyFileAsync(join(dataDir, AUDIT_HEAD_FILE), `${JSON.stringify(c)}\n`));
  headWrites = write;
  return write;
}

/** The head file's checkpoint, or null when there is none (a malformed one is reported by verify). */
export async function readAuditHeadFile(dataDir: string): Promise<AuditCheckpoint | 'malformed' | null> {
  const text = await readFile(join(dataDir, AUDIT_HEAD_FILE), 'utf8').catch((err: NodeJS.ErrnoException) => {
    if (err.code === 'ENOENT') return null;
    throw err;
  });
  if (text === null) return null;
  try {
    const c = JSON.parse(text) as AuditCheckpoint;
    return typeof c.head_seq === 'number' && typeof c.signature === 'string' ? c : 'malformed';
  } catch {
    return 'malformed';
  }
}
