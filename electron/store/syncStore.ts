import type { Queryable } from '../db/database';

// SQL of the sync module (migration 0004). Services decide; these functions only read and write.

export interface KeyringRow { version: number; envelope: string; fingerprint: string; installed_at: string; source: string }
export interface ChannelRow { sender: string; recipient: string; channel: string; last_sequence: number; last_hash: string; newest_created_at: string; updated_at: string }
export interface BundleInRow {
  id: number; at: string; file_name: string | null; bundle_hash: string | null; sender: string | null; channel: string | null; purpose: string | null;
  sequence: number | null; created_at: string | null; expires_at: string | null; result: 'applied' | 'already_imported' | 'refused';
  counts: string; refused_code: string | null; refused_reason: string | null; refused_reason_zh: string | null;
  /** JSON of the refusal's parameters; null in rows from before migration 7 (they hold the sentences). */
  refused_params: string | null;
}
export interface BundleOutRow { sequence: number; bundle_hash: string; file_name: string; created_at: string; size_bytes: number; counts: string; ranges: string; acknowledged_at: string | null }

export function currentKeyringRow(db: Queryable): Promise<KeyringRow | undefined> {
  return db.get<KeyringRow>('SELECT * FROM sync_keyring ORDER BY version DESC LIMIT 1');
}

/** The keyring the office was provisioned with (its enrollment request names it). */
export function provisioningKeyringRow(db: Queryable): Promise<KeyringRow | undefined> {
  return db.get<KeyringRow>("SELECT * FROM sync_keyring WHERE source = 'provisioning' ORDER BY version LIMIT 1");
}

export async function insertKeyring(tx: Queryable, r: KeyringRow): Promise<void> {
  await tx.run('INSERT INTO sync_keyring (version, envelope, fingerprint, installed_at, source) VALUES (?, ?, ?, ?, ?)', [r.version, r.envelope, r.fingerprint, r.installed_at, r.source]);
}

export function channelRow(db: Queryable, sender: string, recipient: string, channel: string): Promise<ChannelRow | undefined> {
  return db.get<ChannelRow>('SELECT * FROM sync_channel WHERE sender = ? AND recipient = ? AND channel = ?', [sender, recipient, channel]);
}

export function allChannels(db: Queryable): Promise<ChannelRow[]> {
  return db.all<ChannelRow>('SELECT * FROM sync_channel ORDER BY sender, channel');
}

export async function newestVerifiedCreatedAt(db: Queryable): Promise<Date | null> {
  const r = await db.get<{ t: string | null }>('SELECT max(newest_created_at) AS t FROM sync_channel');
  return r?.t ? new Date(r.t) : null;
}

export async function advanceChannel(tx: Queryable, c: Omit<ChannelRow, 'newest_created_at'> & { created_at: string }): Promise<void> {
  await tx.run(
    `INSERT INTO sync_channel (sender, recipient, channel, last_sequence, last_hash, newest_created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(sender, recipient, channel) DO UPDATE SET last_sequence = excluded.last_sequence, last_hash = excluded.last_hash,
       newest_created_at = max(sync_channel.newest_created_at, excluded.newest_created_at), updated_at = excluded.updated_at`,
    [c.sender, c.recipient, c.channel, c.last_sequence, c.last_hash, c.created_at, c.updated_at],
  );
}

export async function insertBundleIn(tx: Queryable, r: Omit<BundleInRow, 'id'>): Promise<number> {
  const res = await tx.run(
    `INSERT INTO sync_bundle_in (at, file_name, bundle_hash, sender, channel, purpose, sequence, created_at, expires_at, result, counts, refused_code, refused_reason, refused_reason_zh, refused_params)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [r.at, r.file_name, r.bundle_hash, r.sender, r.channel, r.purpose, r.sequence, r.created_at, r.expires_at, r.result, r.counts, r.refused_code, r.refused_reason, r.refused_reason_zh, r.refused_params],
  );
  return res.lastID;
}

export function listBundlesIn(db: Queryable, limit: number): Promise<BundleInRow[]> {
  return db.all<BundleInRow>('SELECT * FROM sync_bundle_in ORDER BY id DESC LIMIT ?', [limit]);
}

export function listBundlesOut(db: Queryable, limit: number): Promise<BundleOutRow[]> {
  return db.all<BundleOutRow>('SELECT * FROM sync_bundle_out ORDER BY sequence DESC LIMIT ?', [limit]);
}

export function lastBundleOut(db: Queryable): Promise<BundleOutRow | undefined> {
  return db.get<BundleOutRow>('SELECT * FROM sync_bundle_out ORDER BY sequence DESC LIMIT 1');
}

export function bundleOut(db: Queryable, sequence: number): Promise<BundleOutRow | undefined> {
  return db.get<BundleOutRow>('SELECT * FROM sync_bundle_out WHERE sequence = ?', [sequence]);
}

export async function insertBundleOut(tx: Queryable, r: BundleOutRow): Promise<void> {
  await tx.run(
    'INSERT INTO sync_bundle_out (sequence, bundle_hash, file_name, created_at, size_bytes, counts, ranges, acknowledged_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    [r.sequence, r.bundle_hash, r.file_name, r.created_at, r.size_bytes, r.counts, r.ranges, r.acknowledged_at],
  );
}

/** Marks exports up to and including `sequence` received; returns the sequences newly acknowledged. */
export async function acknowledgeUpTo(tx: Queryable, sequence: number, at: string): Promise<number[]> {
  const rows = await tx.all<{ sequence: number }>('UPDATE sync_bundle_out SET acknowledged_at = ? WHERE sequence <= ? AND acknowledged_at IS NULL RETURNING sequence', [at, sequence]);
  return rows.map((r) => r.sequence);
}

export async function upsertOfficeKeys(tx: Queryable, rows: readonly { officeCode: string; officeName: string; keyId: string; publicKeyPem: string; status: string }[], at: string): Promise<void> {
  if (rows.length === 0) return;
  await tx.run(
    `INSERT INTO sync_office_key (key_id, office_code, office_name, public_key_pem, status, updated_at)
     SELECT value->>'keyId', value->>'officeCode', value->>'officeName', value->>'publicKeyPem', value->>'status', ? FROM json_each(?) WHERE true
     ON CONFLICT(key_id) DO UPDATE SET office_code = excluded.office_code, office_name = excluded.office_name,
       public_key_pem = excluded.public_key_pem, status = excluded.status, updated_at = excluded.updated_at`,
    [at, JSON.stringify(rows)],
  );
}

/** The office's name from the platform's roster, when the roster knows the code. */
export async function officeNameOf(db: Queryable, officeCode: string): Promise<string | null> {
  return (await db.get<{ office_name: string }>('SELECT office_name FROM sync_office_key WHERE office_code = ? ORDER BY updated_at DESC LIMIT 1', [officeCode]))?.office_name ?? null;
}

export function rosterKeys(db: Queryable): Promise<{ key_id: string; office_code: string; office_name: string; public_key_pem: string; status: string }[]> {
  return db.all('SELECT key_id, office_code, office_name, public_key_pem, status FROM sync_office_key ORDER BY office_code, key_id');
}
