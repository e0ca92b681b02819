// The reference platform's own store: <central-dir>/central.sqlite. It reuses the office
// migrations for the subject/record/list/measure tables (so the same bulk writers fill it) and adds
// a few central_* tables: enrolled offices with their channel state and delta watermarks, a change
// log of records altered after generation, items ingested from exports, and forwarded objections.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Database } from '../../electron/db/database';
import { migrate } from '../../electron/db/migrate';
import { exportPrivateKeyPem, importKeyPairPem, keyIdOf, Keyring, loadPinnedKeyring } from '../../electron/sync/bundle/index';
import type { EncryptionKeyPair, KeyringKey, SignedKeyring, SigningKeyPair } from '../../electron/sync/bundle/index';

export const CENTRAL_DB = 'central.sqlite';
export const TRUST_FILE = 'trust.json';

const CENTRAL_SQL = /* sql */ `
CREATE TABLE IF NOT EXISTS central_keyring (version INTEGER PRIMARY KEY, envelope TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS central_office (
  code TEXT PRIMARY KEY, name TEXT NOT NULL, encryption_key TEXT NOT NULL, export_signing_key TEXT NOT NULL,
  report_key_id TEXT NOT NULL, report_key_pem TEXT NOT NULL, enrolled_at TEXT NOT NULL,
  update_sequence INTEGER NOT NULL DEFAULT 0, update_hash TEXT,
  sent_subject_rowid INTEGER NOT NULL DEFAULT 0, sent_record_rowid INTEGER NOT NULL DEFAULT 0, sent_list_rowid INTEGER NOT NULL DEFAULT 0,
  sent_change_seq INTEGER NOT NULL DEFAULT 0, sent_roster INTEGER NOT NULL DEFAULT 0,
  export_sequence INTEGER NOT NULL DEFAULT 0, export_hash TEXT, export_created_at TEXT, export_acked INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE TABLE IF NOT EXISTS central_change (seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, central_id TEXT NOT NULL) STRICT;
CREATE TABLE IF NOT EXISTS central_export_item (
  office TEXT NOT NULL, schema TEXT NOT NULL, item_key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (office, schema, item_key)
) STRICT, WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS central_forward (
  office TEXT NOT NULL, case_no TEXT NOT NULL, provider_unit TEXT NOT NULL, payload TEXT NOT NULL, received_at TEXT NOT NULL,
  outcome TEXT, outcome_json TEXT, decided_at TEXT, published_in INTEGER,
  PRIMARY KEY (office, case_no)
) STRICT, WITHOUT ROWID;
`;

export interface OfficeRow {
  code: string; name: string; encryption_key: string; export_signing_key: string; report_key_id: string; report_key_pem: string; enrolled_at: string;
  update_sequence: number; update_hash: string | null; sent_subject_rowid: number; sent_record_rowid: number; sent_list_rowid: number;
  sent_change_seq: number; sent_roster: number; export_sequence: number; export_hash: string | null; export_created_at: string | null; export_acked: number;
}

export interface PlatformKeys { root1: SigningKeyPair; root2: SigningKeyPair; update: SigningKeyPair; encryption: EncryptionKeyPair }
const KEY_FILES: Record<keyof PlatformKeys, string> = { root1: 'root-1.pem', root2: 'root-2.pem', update: 'update-signing.pem', encryption: 'platform-encryption.pem' };

export interface Central {
  dir: string;
  db: Database;
  close(): Promise<void>;
}

export async function openCentral(dir: string, opts: { create?: boolean } = {}): Promise<Central> {
  const abs = resolve(dir);
  if (!opts.create && !existsSync(join(abs, CENTRAL_DB))) throw new Error(`There is no central platform in ${abs}; run "npm run central -- init --data-dir ${dir}" first.`);
  mkdirSync(abs, { recursive: true, mode: 0o700 });
  const db = await Database.open(join(abs, CENTRAL_DB));
  await migrate(db);
  await db.exec(CENTRAL_SQL);
  return { dir: abs, db, close: () => db.close() };
}

export function saveKeys(dir: string, keys: PlatformKeys): void {
  mkdirSync(join(dir, 'keys'), { recursive: true, mode: 0o700 });
  for (const [k, file] of Object.entries(KEY_FILES)) writeFileSync(join(dir, 'keys', file), exportPrivateKeyPem(keys[k as keyof PlatformKeys]), { mode: 0o600, flag: 'wx' });
}

export function loadKeys(dir: string): PlatformKeys {
  const read = (k: keyof PlatformKeys) => importKeyPairPem(readFileSync(join(dir, 'keys', KEY_FILES[k]), 'utf8'));
  return { root1: read('root1') as SigningKeyPair, root2: read('root2') as SigningKeyPair, update: read('update') as SigningKeyPair, encryption: read('encryption') as EncryptionKeyPair };
}

export async function platformKeyring(c: Central): Promise<{ keyring: Keyring; envelope: SignedKeyring }> {
  const row = await c.db.get<{ envelope: string }>('SELECT envelope FROM central_keyring ORDER BY version DESC LIMIT 1');
  if (!row) throw new Error('the central keyring is missing');
  const envelope = JSON.parse(row.envelope) as SignedKeyring;
  return { keyring: loadPinnedKeyring(envelope), envelope };
}

/** The platform's keyring plus every enrolled office's export key: what ingest verifies against. */
export async function ingestKeyring(c: Central): Promise<Keyring> {
  const { keyring } = await platformKeyring(c);
  const offices = await c.db.all<OfficeRow>('SELECT * FROM central_office');
  const officeKeys: KeyringKey[] = offices.map((o) => ({
    keyId: keyIdOfHex(o.export_signing_key), algorithm: 'ed25519', purpose: 'office-export-signing', owner: o.code, publicKey: o.export_signing_key, status: 'active',
  }));
  return new Keyring({ ...keyring.document, keys: [...keyring.document.keys, ...officeKeys] }, keyring.payload);
}

const keyIdOfHex = (hex: string): string => keyIdOf(Buffer.from(hex, 'hex'));

export function office(c: Central, code: string): Promise<OfficeRow | undefined> {
  return c.db.get<OfficeRow>('SELECT * FROM central_office WHERE code = ?', [code]);
}
