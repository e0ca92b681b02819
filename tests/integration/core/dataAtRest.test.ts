import assert from 'node:assert/strict';
import { observedError } from '../../support/errorCoverage';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DATABASE_FILE, openCore } from '../../../electron/core';
import { Database } from '../../../electron/db/database';
import { officeKeyFileInfo } from '../../../electron/keys/officeKeyFile';
import { osKeystoreOf, type SafeStorageApi } from '../../../electron/keys/osKeystore';
import { attachmentPath } from '../../../electron/services/attachments/attachmentService';
import { officeSigningKey } from '../../../electron/services/office/officeKeyService';
import { officeSyncKeys } from '../../../electron/sync/office/officeSyncKeys';
import { TEST_PASSPHRASE, TEST_UNLOCK } from '../../support/core';
import { pngScan } from '../../support/images';
import { openWorld, person } from '../report/world';

// The attacker holds a copy of the data directory (a stolen laptop, a copied backup) but not the
// office passphrase or the OS keystore. Everything they read must be ciphertext.

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [join(dir, e.name), ...walk(join(dir, e.name))] : [join(dir, e.name)]));
}

const NAME = '欧阳明远';
const SCAN_TEXT = 'ID-SCAN-OF-THE-APPLICANT';

function assertNothingReadable(dir: string, idNumber: string): number {
  let files = 0;
  for (const p of walk(dir)) {
    if (statSync(p).isDirectory()) continue;
    files += 1;
    const bytes = readFileSync(p);
    for (const [what, needle] of [
      ['an ID number', Buffer.from(idNumber)],
      ['a name', Buffer.from(NAME, 'utf8')],
      ['the scan', Buffer.from(SCAN_TEXT)],
      ['a PEM header', Buffer.from('-----BEGIN')],
      ['a plain SQLite header', Buffer.from('SQLite format 3')],
      ['a PNG header', Buffer.from([0x89, 0x50, 0x4e, 0x47])],
    ] as const) {
      assert.equal(bytes.indexOf(needle), -1, `${p} contains ${what}`);
    }
  }
  return files;
}

test('a copied data directory shows no ID number, name, scan or private key, and every file is 0600 in 0700 directories', async () => {
  const w = await openWorld();
  const alice = person(1, NAME);
  await w.seed(alice);
  await w.lookupSelf(alice);
  // A scanned letter as a PDF whose page carries the text in the clear (uploads of images are re-encoded,
  // a PDF without active content is kept as it is): its bytes must not appear in the data directory.
  const text = Buffer.from(`${SCAN_TEXT} ${alice.subject.idNumber} ${NAME}`);
  const png = Buffer.concat([
    Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >> endobj\n', 'latin1'),
    Buffer.from(`4 0 obj << /Length ${text.length} >> stream\n`, 'latin1'),
    text,
    Buffer.from('\nendstream endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
  const sha = (await w.core.ok('attachment.upload', { fileName: 'letter.pdf', mimeType: 'application/pdf', dataBase64: png.toString('base64') }, w.clerk)).sha256;
  officeSigningKey(w.core.ctx);
  officeSyncKeys(w.core.dir);
  const dir = w.core.dir;
  assert.ok(existsSync(join(dir, `${DATABASE_FILE}-wal`)), 'the WAL exists while the console runs');

  // While the console runs: database, WAL, attachment, key files.
  const whileOpen = assertNothingReadable(dir, alice.subject.idNumber);
  assert.ok(whileOpen >= 7, `files checked: ${whileOpen}`);
  // The console itself still reads everything back.
  const back = await w.core.ok('attachment.get', { sha256: sha }, w.clerk);
  assert.equal(Buffer.from(back.dataBase64, 'base64').toString('latin1'), png.toString('latin1'));

  await w.core.close();
  assertNothingReadable(dir, alice.subject.idNumber);
  for (const p of [dir, ...walk(dir)]) {
    const mode = statSync(p).mode & 0o777;
    assert.equal(mode, statSync(p).isDirectory() ? 0o700 : 0o600, `${p} has mode ${mode.toString(8)}`);
  }

  // Without the key, SQLite sees no database at all.
  await assert.rejects(Database.open(join(dir, DATABASE_FILE)), (e: Error & { code?: string }) => (observedError(e.code), e.code) === 'DB_KEY_WRONG');
  rmSync(dir, { recursive: true, force: true });
});

test('a wrong passphrase is refused and opens nothing; the demo passphrase does not open a real office', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  await (await openCore({ dataDir: dir, unlock: TEST_UNLOCK })).close();
  const before = readFileSync(join(dir, DATABASE_FILE));
  for (const passphrase of ['test-office-passphrasE', '', 'creditdesk-demo-office']) {
    await assert.rejects(openCore({ dataDir: dir, unlock: { kind: 'passphrase', passphrase } }), (e: Error & { code?: string }) => {
      assert.equal(e.code, 'UNLOCK_REFUSED');
      return true;
    });
  }
  assert.ok(readFileSync(join(dir, DATABASE_FILE)).equals(before), 'the database file is untouched');
  const again = await openCore({ dataDir: dir, unlock: { kind: 'passphrase', passphrase: TEST_PASSPHRASE } });
  await again.close();
  rmSync(dir, { recursive: true, force: true });
});

test("another office's database or key file does not open with this office's key", async () => {
  const a = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  const b = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  for (const dir of [a, b]) {
    const core = await openCore({ dataDir: dir, unlock: TEST_UNLOCK });
    officeSigningKey(core.ctx);
    await core.close();
  }
  // Office B's signing key file put into office A: it is sealed by B's key, so A refuses it.
  copyFileSync(join(b, 'keys', 'office-signing.pem'), join(a, 'keys', 'office-signing.pem'));
  const coreA = await openCore({ dataDir: a, unlock: TEST_UNLOCK });
  assert.throws(() => officeSigningKey(coreA.ctx), (e: Error & { code?: string }) => (observedError(e.code), e.code) === 'UNLOCK_REFUSED');
  await coreA.close();
  // Office B's database under office A's key file.
  copyFileSync(join(b, DATABASE_FILE), join(a, DATABASE_FILE));
  rmSync(join(a, `${DATABASE_FILE}-wal`), { force: true });
  rmSync(join(a, `${DATABASE_FILE}-shm`), { force: true });
  await assert.rejects(openCore({ dataDir: a, unlock: TEST_UNLOCK }), (e: Error & { code?: string }) => (observedError(e.code), e.code) === 'DB_KEY_WRONG');
  // A database without its key file is refused, not re-keyed.
  rmSync(join(b, 'keys', 'office.key'));
  await assert.rejects(openCore({ dataDir: b, unlock: TEST_UNLOCK }), (e: Error & { code?: string }) => (observedError(e.code), e.code) === 'UNLOCK_REFUSED' && /no key file/.test(e.message));
  rmSync(a, { recursive: true, force: true });
  rmSync(b, { recursive: true, force: true });
});

test('a plaintext data directory from before encryption at rest is refused, with what to do instead', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  const plain = await Database.open(join(dir, DATABASE_FILE));
  await plain.exec('CREATE TABLE t (x TEXT)');
  await plain.close();
  await assert.rejects(openCore({ dataDir: dir, unlock: TEST_UNLOCK }), (e: Error & { code?: string }) => (observedError(e.code), e.code) === 'DATA_DIR_UNENCRYPTED' && /without encryption at rest, so it is not opened.*empty data directory/.test(e.message));
  assert.equal(existsSync(join(dir, 'keys', 'office.key')), false, 'no key file was created for it');
  rmSync(dir, { recursive: true, force: true });
});

test('an attachment file altered or swapped in the data directory is refused as altered, never served, and no viewing is logged', async () => {
  const w = await openWorld();
  try {
    const letter = await w.letter();
    const idCard = (await w.core.ok('attachment.upload', { fileName: 'id.png', mimeType: 'image/png', dataBase64: pngScan(8, 8).toString('base64') }, w.clerk)).sha256;
    assert.notEqual(letter, idCard);
    const file = attachmentPath(w.core.dir, letter);
    const original = readFileSync(file);
    const viewed = async () => (await w.core.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE action = 'attachment.view'"))!.n;

    const refusedAsAltered = async () => {
      const r = await w.core.call('attachment.get', { sha256: letter }, w.clerk);
      assert.ok(!r.ok);
      assert.equal(r.error.code, 'INTERNAL');
      assert.equal(r.error.message, 'The stored attachment does not match its hash; the data directory was altered.');
      assert.deepEqual(r.error.details, { sha256: letter });
      assert.ok(!('value' in r), 'no bytes are served');
    };
    // One bit of the sealed file flipped (a damaged disk, an edit).
    const flipped = Buffer.from(original);
    flipped[flipped.length - 1]! ^= 0x01;
    writeFileSync(file, flipped);
    await refusedAsAltered();
    // Another scan of this office put under the letter's name: sealed for its own hash, so it does not open as this one.
    copyFileSync(attachmentPath(w.core.dir, idCard), file);
    await refusedAsAltered();
    assert.equal(await viewed(), 0, 'a refused read is not logged as a viewing');

    // The other scan is untouched and served; the letter is served again once its file is restored.
    assert.equal((await w.core.ok('attachment.get', { sha256: idCard }, w.clerk)).sha256, idCard);
    writeFileSync(file, original);
    assert.equal((await w.core.ok('attachment.get', { sha256: letter }, w.clerk)).sha256, letter);
    assert.equal(await viewed(), 2);
  } finally {
    await w.core.dispose();
  }
});

test('a computer without a usable OS keystore is refused with the passphrase as the way out, before any key is wrapped', async () => {
  const used: string[] = [];
  // Electron's safeStorage as each kind of computer answers it; the "encryption" only marks what was asked of it.
  const storage = (available: boolean, backend: string): SafeStorageApi => ({
    isAsyncEncryptionAvailable: () => Promise.resolve(available),
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: (plain) => (used.push('encrypt'), Promise.resolve(Buffer.from(`sealed:${plain}`))),
    decryptStringAsync: (blob) => (used.push('decrypt'), Promise.resolve({ result: blob.toString().replace(/^sealed:/, '') })),
  });
  const cases: [string, SafeStorageApi, NodeJS.Platform, RegExp][] = [
    ['no keystore at all (a server without a desktop session)', storage(false, 'gnome_libsecret'), 'linux', /^This computer offers no OS keystore to CreditDesk\. /],
    ["only Chromium's basic_text fallback", storage(true, 'basic_text'), 'linux', /"basic_text" fallback \(a fixed, public password\), which protects nothing; install and unlock a Secret Service keyring/],
    ['a backend Chromium cannot name', storage(true, 'unknown'), 'linux', /"basic_text" fallback/],
    ['Windows with DPAPI unavailable', storage(false, 'unknown'), 'win32', /^This computer offers no OS keystore/],
  ];
  for (const [what, s, platform, sentence] of cases) {
    await assert.rejects(osKeystoreOf(s, platform), (e: Error & { code?: string; details?: Record<string, unknown> }) => {
      observedError(e.code);
      assert.equal(e.code, 'KEYSTORE_UNAVAILABLE', what);
      assert.match(e.message, sentence, what);
      assert.match(e.message, /Start CreditDesk with the office unlock passphrase instead: `--passphrase-file FILE`/, what);
      return true;
    });
  }
  assert.deepEqual(used, [], 'nothing was handed to a keystore that protects nothing');

  // A real keystore (libsecret) wraps the office key; the office opens with it again after a restart.
  const keystore = await osKeystoreOf(storage(true, 'gnome_libsecret'), 'linux');
  assert.equal(keystore.backend, 'gnome_libsecret');
  const dir = mkdtempSync(join(tmpdir(), 'creditdesk-test-'));
  try {
    await (await openCore({ dataDir: dir, unlock: { kind: 'os-keystore', keystore } })).close();
    assert.deepEqual(officeKeyFileInfo(dir).kinds, ['os-keystore']);
    await (await openCore({ dataDir: dir, unlock: { kind: 'os-keystore', keystore } })).close();
    assert.deepEqual(used, ['encrypt', 'decrypt']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
