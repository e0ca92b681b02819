// A platform and an office on one machine: the central store in a temp dir, a real office core,
// provisioning through the API, enrollment, and helpers to craft bundles the way a platform
// holding the real keys (or an attacker holding a copy of them) could.
import { observedError } from '../../support/errorCoverage';
import { assertRefusalLanguage, assertSyncRefusalLanguage } from '../../support/refusalLanguage';
import { isDetailCode } from '../../../shared/i18n/refusalDetails';
import { refusalOf } from '../../../electron/sync/content/syncError';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { vacuumInto } from '../../../electron/store/backupStore';
import { Database } from '../../../electron/db/database';
import { importBundle, importHistory } from '../../../electron/services/sync';
import { writeBundle, type WriteBundleOptions } from '../../support/bundleBytes';
import type { BundleFileInput } from '../../../electron/sync/bundle/index';
import { SCHEMA_VERSION, UPDATE_FILES } from '../../../electron/sync/content/schemas';
import type { UpdateSchema } from '../../../electron/sync/content/schemas';
import { officeSyncKeys } from '../../../electron/sync/office/officeSyncKeys';
import { loadKeys, openCentral } from '../../../tools/central/centralStore';
import type { Central } from '../../../tools/central/centralStore';
import { enrollOffice, generate, initPlatform, publish } from '../../../tools/central/platform';
import { databaseContentHash } from '../../support/dbHash';
import { openTestCore } from '../../support/core';
import type { TestCore } from '../../support/core';
import { uploadOf } from '../../support/fileUpload';

export const OFFICE = '370306-02';
export const NOW = '2026-11-20T02:00:00Z';
export const DAY = 86_400_000;

export interface SyncWorld {
  core: TestCore;
  central: Central;
  dir: string;
  operator: string;
  file(name: string): string;
  /** Publishes the next update for the office and returns its path. */
  publish(snapshot?: boolean): Promise<string>;
  /** Imports through the service (no session writes), returning the result or throwing the refusal. */
  importFile(path: string): ReturnType<typeof importBundle>;
  /** A bundle signed with the platform's real update key, addressed to the office by default. */
  craft(files: Partial<Record<UpdateSchema, unknown[]>>, over?: Partial<WriteBundleOptions>): Promise<string>;
  channel(): Promise<{ sequence: number; hash: string | null }>;
  dispose(): Promise<void>;
}

export async function syncWorld(opts: { subjects?: number; seed?: string } = {}): Promise<SyncWorld> {
  const core = await openTestCore({ now: NOW });
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-sync-'));
  const centralDir = join(dir, 'central');
  const now = () => core.clock.now;
  const init = await initPlatform(centralDir, now());
  const operator = (await core.loginAs('operator')).token;
  const trust = uploadOf(init.trustPath);
  const preview = await core.ok('sync.trustPreview', { trust }, operator);
  assert.equal(preview.fingerprint, init.fingerprint);
  const prov = await core.ok('sync.provision', { officeCode: OFFICE, officeName: '张店区信用服务窗口', trust, confirmFingerprint: preview.fingerprint }, operator);
  const requestPath = join(dir, 'request.json');
  writeFileSync(requestPath, Buffer.from(prov.requestBase64, 'base64'));
  const central = await openCentral(centralDir);
  await enrollOffice(central, Buffer.from(prov.requestBase64, 'base64'), now());
  if ((opts.subjects ?? 0) > 0) await generate(central, { subjects: opts.subjects!, seed: opts.seed ?? 'sync-world', today: '2026-11-20' });
  let n = 0;
  const w: SyncWorld = {
    core, central, dir, operator,
    file: (name) => join(dir, name),
    async publish(snapshot = false) {
      return (await publish(central, OFFICE, { snapshot, now: now(), out: join(dir, `update-${++n}.cdbundle`) })).path;
    },
    importFile: (path) => importBundle(core.ctx, null, path, path.split('/').pop() ?? null),
    async channel() {
      const r = await core.ctx.db.get<{ last_sequence: number; last_hash: string }>("SELECT last_sequence, last_hash FROM sync_channel WHERE channel = 'update'");
      return { sequence: r?.last_sequence ?? 0, hash: r?.last_hash ?? null };
    },
    async craft(files, over = {}) {
      const keys = loadKeys(centralDir);
      const ch = await w.channel();
      const list: BundleFileInput[] = Object.entries(files).map(([schema, records]) => ({ name: UPDATE_FILES[schema as UpdateSchema], schema, schemaVersion: SCHEMA_VERSION, records: records ?? [] }));
      const b = await writeBundle({
        purpose: 'update', channel: 'update', sequence: ch.sequence + 1, prevHash: ch.hash, createdAt: now(), expiresAt: new Date(now().getTime() + 7 * DAY),
        sender: { name: 'platform', key: keys.update }, recipient: { name: OFFICE, publicKey: officeSyncKeys(core.dir).encryption.publicKey },
        keyringVersion: 1, files: list, ...over,
      });
      const path = join(dir, `crafted-${++n}.cdbundle`);
      writeFileSync(path, b.bytes);
      return path;
    },
    async dispose() {
      await central.close();
      await core.dispose();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return w;
}

export interface Before { hash: string; auditSeq: number; historyId: number }

export async function snapshotOf(core: TestCore): Promise<Before> {
  const db = core.ctx.db;
  return {
    hash: await databaseContentHash(db),
    auditSeq: (await db.get<{ s: number | null }>('SELECT max(seq) AS s FROM audit_event'))?.s ?? 0,
    historyId: (await db.get<{ s: number | null }>('SELECT max(id) AS s FROM sync_bundle_in'))?.s ?? 0,
  };
}

/**
 * "Database unchanged": apart from the refusal's own trace (one history row, one audit event,
 * bundle-security.md 12), the content hash equals the one before. Checked on a copy from which
 * exactly those two rows are removed.
 */
export async function assertUnchangedExceptRefusal(w: SyncWorld, before: Before, code: string): Promise<void> {
  const db = w.core.ctx.db;
  const audits = await db.all<{ action: string; detail: string }>('SELECT action, detail FROM audit_event WHERE seq > ?', [before.auditSeq]);
  assert.equal(audits.length, 1, `one audit event for the refusal, got ${audits.map((a) => a.action).join(', ')}`);
  assert.match(audits[0]!.action, /^sync\.import_(refused|already)$/);
  assert.equal((JSON.parse(audits[0]!.detail) as { code: string }).code, code);
  const hist = await db.all<{ refused_code: string }>('SELECT refused_code FROM sync_bundle_in WHERE id > ?', [before.historyId]);
  assert.deepEqual(hist.map((h) => h.refused_code), [code]);
  const copyDir = mkdtempSync(join(w.dir, 'copy-'));
  const [copyName] = await vacuumInto(db, copyDir, 'copy.sqlite');
  const copy = join(copyDir, copyName!);
  const c = await Database.open(copy, { key: w.core.ctx.keys.db });
  try {
    await c.exec(`DROP TRIGGER audit_event_no_delete; DROP TRIGGER sync_bundle_in_no_delete;
      DELETE FROM audit_event WHERE seq > ${before.auditSeq}; DELETE FROM sync_bundle_in WHERE id > ${before.historyId};`);
    assert.equal(await databaseContentHash(c), before.hash, 'database content changed');
  } finally {
    await c.close();
    rmSync(copyDir, { recursive: true, force: true });
  }
}

/** Expects a refusal with this code, then checks the database is as before. */
export async function refusedUnchanged(w: SyncWorld, path: string, code: string): Promise<Error & { code?: string }> {
  const before = await snapshotOf(w.core);
  let caught: (Error & { code?: string }) | null = null;
  try {
    await w.importFile(path);
  } catch (e) {
    caught = e as Error & { code?: string };
  }
  assert.ok(caught, `expected ${code}, but the bundle was imported`);
  assert.equal(caught.code, code, caught.message);
  observedError(caught.code);
  await assertUnchangedExceptRefusal(w, before, code);
  // Said in both languages, each without the other's words (issue 29): as raised, and as the
  // history reads it back from the stored code and parameters.
  const raised = refusalOf(caught);
  assert.ok(raised, `${code} is a coded refusal`);
  assertSyncRefusalLanguage(raised, isDetailCode);
  const [row] = await importHistory(w.core.ctx, 1);
  assert.equal(row?.refusedCode, code);
  assertRefusalLanguage({ code, zh: row!.refusedReasonZh!, en: row!.refusedReason! }, Object.entries(raised.params).filter(([k]) => /name$/i.test(k) && k !== 'name').map(([, v]) => String(v)));
  return caught;
}
