// The office's own sync preconditions, through the dispatcher as the screens call it (and through
// the service where only the command line can reach a check): provisioning, staging, reading the
// chosen file, what may be imported, and writing an export again. Each refusal crosses the API as
// SYNC_REFUSED with its specific code and sentence, and leaves the office database as it was.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { AppError } from '../../../shared/errors';
import type { ApiResult } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { ENROLLMENT_FILE, provision, trustPreview } from '../../../electron/services/sync';
import { ENCRYPTION_KEY_FILE, EXPORT_SIGNING_KEY_FILE } from '../../../electron/sync/office/officeSyncKeys';
import { ingest, initPlatform } from '../../../tools/central/platform';
import { openTestCore } from '../../support/core';
import type { TestCore } from '../../support/core';
import { databaseContentHash } from '../../support/dbHash';
import { observedError } from '../../support/errorCoverage';
import { assertUnchangedExceptRefusal, NOW, OFFICE, snapshotOf, syncWorld } from './world';
import type { SyncWorld } from './world';
import { uploadOf, saveDownload } from '../../support/fileUpload';

const OFFICE_NAME = '张店区信用服务窗口';

/** A refusal through the dispatcher (core.call has recorded its code): the specific code and both sentences. */
function refused(r: ApiResult<unknown>, code: string): { en: string; zh: string } {
  assert.equal(r.ok, false, `expected ${code}, but the call succeeded`);
  if (r.ok) throw new Error('unreachable');
  assert.equal(r.error.code, 'SYNC_REFUSED', r.error.message);
  assert.equal(r.error.details?.reason, code, r.error.message);
  const zh = errorMessage(r.error, 'zh');
  assert.match(zh, /[\u4e00-\u9fff]/, 'a Chinese sentence for the clerk');
  return { en: r.error.message, zh };
}

/** Runs a call that must be refused with `code` and must not change a single row. */
async function refusedUntouched(core: TestCore, code: string, call: () => Promise<ApiResult<unknown>>): Promise<{ en: string; zh: string }> {
  const before = await databaseContentHash(core.ctx.db);
  const r = refused(await call(), code);
  assert.equal(await databaseContentHash(core.ctx.db), before, 'database content changed');
  return r;
}

const syncKeyFiles = (core: TestCore) => [ENCRYPTION_KEY_FILE, EXPORT_SIGNING_KEY_FILE].filter((f) => existsSync(join(core.dir, 'keys', f)));

describe('provisioning refusals', () => {
  let core: TestCore;
  let operator: string;
  let real: { trustPath: string; fingerprint: string };
  let impostor: { trustPath: string; fingerprint: string };
  let bundleFor: SyncWorld;

  before(async () => {
    core = await openTestCore({ now: NOW });
    operator = (await core.loginAs('operator')).token;
    const platforms = join(core.dir, 'platforms');
    mkdirSync(platforms);
    real = await initPlatform(join(platforms, 'real'), core.clock.now);
    impostor = await initPlatform(join(platforms, 'impostor'), core.clock.now);
    // Another, provisioned office and its platform: the source of a genuine update bundle.
    bundleFor = await syncWorld();
  });
  after(async () => {
    await bundleFor.dispose();
    await core.dispose();
  });

  test('SYNC_NOT_PROVISIONED: enrollment request, export and import on an office never provisioned', async () => {
    const request = await refusedUntouched(core, 'SYNC_NOT_PROVISIONED', () => core.call('sync.enrollmentRequest', {}, operator));
    assert.equal(request.en, 'This office is not provisioned for sync yet (no platform trust file); provision it first.');
    await refusedUntouched(core, 'SYNC_NOT_PROVISIONED', () => core.call('sync.exportWrite', {}, operator));
    assert.equal(existsSync(join(core.dir, 'exports')), false, 'no export file was written');

    // A genuine platform bundle copied to a machine that was never set up: refused (and the
    // refusal recorded, as every import refusal is), nothing else written.
    const before = await snapshotOf(core);
    const r = refused(await core.call('sync.importCheck', { source: uploadOf(await bundleFor.publish(true)) }, operator), 'SYNC_NOT_PROVISIONED');
    assert.equal(r.en, request.en);
    await assertUnchangedExceptRefusal({ ...bundleFor, core }, before, 'SYNC_NOT_PROVISIONED');
    assert.equal((await core.ok('sync.status', {}, operator)).provisioned, false);
  });

  test('SYNC_OFFICE_CODE_INVALID: the command line passes the office code to the service unchecked; the service refuses it', async () => {
    // The API's schema refuses a malformed code before the service (VALIDATION); `creditdesk sync
    // init --office-code` hands it straight to provision(), which is where this check holds.
    const viaApi = await core.call('sync.provision', { officeCode: '3703-02', officeName: OFFICE_NAME, trust: uploadOf(real.trustPath), confirmFingerprint: real.fingerprint }, operator);
    assert.equal(!viaApi.ok && viaApi.error.code, 'VALIDATION');
    const before = await databaseContentHash(core.ctx.db);
    for (const officeCode of ['3703-02', '370306-2', '370306_02', ' 370306-02']) {
      await assert.rejects(provision(core.ctx, null, { officeCode, officeName: OFFICE_NAME, trust: { kind: 'path', path: real.trustPath }, confirmFingerprint: real.fingerprint }), (e: unknown) => {
        assert.ok(e instanceof AppError, String(e));
        observedError(e.details?.reason);
        assert.equal(e.code, 'SYNC_REFUSED');
        assert.equal(e.details?.reason, 'SYNC_OFFICE_CODE_INVALID', officeCode);
        assert.equal(e.message, 'An office code is a 6-digit region code, a hyphen and a 2-digit number, e.g. 370306-02.');
        return true;
      });
    }
    assert.equal(await databaseContentHash(core.ctx.db), before, 'database content changed');
    assert.deepEqual(syncKeyFiles(core), [], 'no sync keys were generated');
  });

  test('SYNC_FINGERPRINT_MISMATCH: a substituted trust file against the printed fingerprint, and a fingerprint confirmed by too few groups', async () => {
    const substituted = await refusedUntouched(core, 'SYNC_FINGERPRINT_MISMATCH', () => core.call('sync.provision', {
      officeCode: OFFICE, officeName: OFFICE_NAME, trust: uploadOf(impostor.trustPath), confirmFingerprint: real.fingerprint,
    }, operator));
    assert.equal(substituted.en, 'The fingerprint entered does not match the trust file; compare it group by group with the platform\'s printed sheet and stop if it differs.');
    // The right file, but only four groups of its fingerprint typed: not a confirmation.
    const short = real.fingerprint.split(' ').slice(0, 4).join(' ');
    assert.ok(real.fingerprint.startsWith(short));
    await refusedUntouched(core, 'SYNC_FINGERPRINT_MISMATCH', () => core.call('sync.provision', {
      officeCode: OFFICE, officeName: OFFICE_NAME, trust: uploadOf(real.trustPath), confirmFingerprint: short,
    }, operator));
    assert.equal((await core.ok('sync.status', {}, operator)).provisioned, false);
    assert.equal(existsSync(join(core.dir, ENROLLMENT_FILE)), false, 'no enrollment request was written');
    assert.deepEqual(syncKeyFiles(core), [], 'no sync keys were generated');
  });

  test('SYNC_ALREADY_PROVISIONED: setting the office up again, even for another platform, is refused', async () => {
    const first = await core.ok('sync.provision', { officeCode: OFFICE, officeName: OFFICE_NAME, trust: uploadOf(real.trustPath), confirmFingerprint: real.fingerprint }, operator);
    assert.equal(first.fingerprint, real.fingerprint);
    const request = readFileSync(join(core.dir, ENROLLMENT_FILE));
    for (const trust of [impostor, real]) {
      const again = await refusedUntouched(core, 'SYNC_ALREADY_PROVISIONED', () => core.call('sync.provision', {
        officeCode: '370306-09', officeName: '另一个窗口', trust: uploadOf(trust.trustPath), confirmFingerprint: trust.fingerprint,
      }, operator));
      assert.equal(again.en, 'This office is already provisioned; a new platform key arrives as a keyring update bundle.');
    }
    const status = await core.ok('sync.status', {}, operator);
    assert.deepEqual({ officeCode: status.officeCode, fingerprint: status.keyringFingerprint }, { officeCode: OFFICE, fingerprint: real.fingerprint });
    assert.deepEqual(readFileSync(join(core.dir, ENROLLMENT_FILE)), request, 'the enrollment request is the one first written');
  });

  test('a provisioned office whose enrollment request file went missing still hands out the same request, not "not provisioned"', async () => {
    const file = join(core.dir, ENROLLMENT_FILE);
    const written = readFileSync(file);
    assert.deepEqual(Buffer.from((await core.ok('sync.enrollmentRequest', {}, operator)).requestBase64, 'base64'), written);
    rmSync(file);
    const before = await databaseContentHash(core.ctx.db);
    const again = await core.ok('sync.enrollmentRequest', {}, operator);
    assert.deepEqual(Buffer.from(again.requestBase64, 'base64'), written, 'the same signed bytes, made again from the same keys');
    assert.equal(again.fingerprint, real.fingerprint);
    assert.equal(existsSync(file), false, 'a read writes nothing back');
    assert.equal(await databaseContentHash(core.ctx.db), before);
  });

  test('SYNC_ALREADY_PROVISIONED: two provisionings racing, exactly one wins', async () => {
    const racing = await openTestCore({ now: NOW });
    try {
      const op = (await racing.loginAs('operator')).token;
      const input = (trust: { trustPath: string; fingerprint: string }) => ({ officeCode: OFFICE, officeName: OFFICE_NAME, trust: uploadOf(trust.trustPath), confirmFingerprint: trust.fingerprint });
      const results = await Promise.all([racing.call('sync.provision', input(real), op), racing.call('sync.provision', input(impostor), op)]);
      assert.equal(results.filter((r) => r.ok).length, 1, 'one provisioning succeeds');
      const loser = results.find((r) => !r.ok)!;
      refused(loser, 'SYNC_ALREADY_PROVISIONED');
      const won = results.findIndex((r) => r.ok) === 0 ? real : impostor;
      assert.equal((await racing.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM sync_keyring'))?.n, 1);
      assert.equal((await racing.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE action = 'sync.provisioned'"))?.n, 1);
      assert.equal((await racing.ok('sync.status', {}, op)).keyringFingerprint, won.fingerprint);
    } finally {
      await racing.dispose();
    }
  });
});

describe('import and export refusals', () => {
  let w: SyncWorld;
  before(async () => {
    w = await syncWorld();
    await w.importFile(await w.publish(true));
  });
  after(() => w.dispose());

  test('SYNC_FILE_MISSING / SYNC_FILE_UNREADABLE: the command line names a trust file that does not exist, or a folder', async () => {
    const before = await databaseContentHash(w.core.ctx.db);
    for (const [path, code, en, zh] of [
      [w.file('no-trust.json'), 'SYNC_FILE_MISSING', 'The file is not there (moved, or the USB stick was removed); choose the file again.', '找不到这个文件'],
      [w.dir, 'SYNC_FILE_UNREADABLE', 'The file cannot be read: it is a folder, not a file.', '选中的是文件夹'],
    ] as const) {
      await assert.rejects(trustPreview({ kind: 'path', path }), (e: unknown) => {
        assert.ok(e instanceof AppError, String(e));
        observedError(e.details?.reason);
        assert.equal(e.details?.reason, code);
        assert.equal(e.message, en);
        assert.match(errorMessage(e.toBody(), 'zh'), new RegExp(zh));
        return true;
      });
    }
    assert.equal(await databaseContentHash(w.core.ctx.db), before, 'database content changed');
  });

  test('attack: an API caller naming a file path (a bundle, a trust file, an export target) is refused before any file is touched', async () => {
    const bundle = await w.publish(false);
    const before = await databaseContentHash(w.core.ctx.db);
    const target = w.file('written-by-the-core.cdbundle');
    const calls: [string, unknown][] = [
      ['sync.importCheck', { source: { kind: 'path', path: bundle } }],
      ['sync.trustPreview', { trust: { kind: 'path', path: '/etc/passwd' } }],
      ['sync.exportWrite', { outPath: target }],
      ['sync.exportAgain', { sequence: 1, outPath: target }],
    ];
    for (const [method, input] of calls) {
      const r = await w.core.call(method as 'sync.importCheck', input as never, w.operator);
      assert.equal(!r.ok && r.error.code, 'VALIDATION', method);
    }
    assert.equal(existsSync(target), false, 'no file was written where the caller asked');
    assert.equal(await databaseContentHash(w.core.ctx.db), before, 'nothing was imported or exported');
    // The same bundle, uploaded as bytes, is what the office accepts.
    const staged = await w.core.ok('sync.importCheck', { source: uploadOf(bundle) }, w.operator);
    assert.equal((await w.core.ok('sync.importApply', { stagedId: staged.stagedId }, w.operator)).result, 'applied');
  });

  test('SYNC_NOT_STAGED: applying an id never staged, and applying a staged bundle a second time', async () => {
    const never = await refusedUntouched(w.core, 'SYNC_NOT_STAGED', () => w.core.call('sync.importApply', { stagedId: 'ab'.repeat(32) }, w.operator));
    assert.equal(never.en, 'The file to import is no longer staged; choose it again.');
    const preview = await w.core.ok('sync.importCheck', { source: uploadOf(await w.publish(false)) }, w.operator);
    assert.equal((await w.core.ok('sync.importApply', { stagedId: preview.stagedId }, w.operator)).result, 'applied');
    const ch = await w.channel();
    await refusedUntouched(w.core, 'SYNC_NOT_STAGED', () => w.core.call('sync.importApply', { stagedId: preview.stagedId }, w.operator));
    assert.deepEqual(await w.channel(), ch);
  });

  test('SYNC_NOT_AN_UPDATE: the office\'s own export chosen for import', async () => {
    const out = w.file('export-1.cdbundle');
    saveDownload(await w.core.ok('sync.exportWrite', {}, w.operator), out);
    const incoming = join(w.core.dir, 'incoming');
    const staged = () => (existsSync(incoming) ? readdirSync(incoming) : []);
    const stagedBefore = staged();
    const before = await snapshotOf(w.core);
    const r = refused(await w.core.call('sync.importCheck', { source: uploadOf(out) }, w.operator), 'SYNC_NOT_AN_UPDATE');
    assert.equal(r.en, 'This is an "export" bundle; an office imports only update or keyring bundles from the platform.');
    await assertUnchangedExceptRefusal(w, before, 'SYNC_NOT_AN_UPDATE');
    assert.deepEqual(staged(), stagedBefore, 'nothing was staged');
  });

  test('SYNC_EXPORT_NOT_FOUND: writing again an export that was never written', async () => {
    const r = await refusedUntouched(w.core, 'SYNC_EXPORT_NOT_FOUND', () => w.core.call('sync.exportAgain', { sequence: 42 }, w.operator));
    assert.equal(r.en, 'There is no export 42.');
  });

  test('SYNC_EXPORT_MISSING: an unacknowledged export whose kept file was deleted is reported as lost, not as acknowledged', async () => {
    const kept = join(w.core.dir, 'exports', (await w.core.ok('sync.exportAgain', { sequence: 1 }, w.operator)).fileName);
    const saved = readFileSync(kept);
    rmSync(kept);
    try {
      const r = await refusedUntouched(w.core, 'SYNC_EXPORT_MISSING', () => w.core.call('sync.exportAgain', { sequence: 1 }, w.operator));
      assert.match(r.en, /^Export 1 is not yet acknowledged by the platform, but its file is no longer in the data directory/);
    } finally {
      writeFileSync(kept, saved);
    }
  });

  test('SYNC_EXPORT_GONE: writing again an export the platform has acknowledged', async () => {
    const out = w.file('export-1.cdbundle');
    assert.ok((await w.core.ok('sync.exportAgain', { sequence: 1 }, w.operator)).base64, 'kept until acknowledged');
    await ingest(w.central, out, w.core.clock.now);
    const applied = await w.importFile(await w.publish(false));
    assert.deepEqual(applied.acknowledgedExports, [1]);
    const r = await refusedUntouched(w.core, 'SYNC_EXPORT_GONE', () => w.core.call('sync.exportAgain', { sequence: 1 }, w.operator));
    assert.equal(r.en, 'Export 1 was acknowledged by the platform and is no longer kept; there is no need to write it again.');
  });
});
