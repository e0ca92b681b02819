// bundle-security.md, the refusals a bundle earns by what it says rather than how it is framed:
// a header, keyring or manifest that is malformed although the bundle is correctly signed (by a
// holder of the platform's real keys: a buggy platform or a stolen key), content over the caps,
// and content that breaks the office's rules (record shapes, references, case outcomes,
// acknowledgements). Each is imported through the sync service into a real office database and
// must be refused with its own code and sentence, leaving the database as it was apart from the
// refusal's own history row and audit event.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { encodeArchiveParts } from '../../../electron/sync/bundle/archive';
import { APPLY_BATCH } from '../../../electron/store/syncApplyStore';
import type { RawEntry } from '../../../electron/sync/bundle/archive';
import { encodeContainer, splitContainer } from '../../../electron/sync/bundle/container';
import { KEYRING_PAYLOAD_TYPE, PREAMBLE_BYTES, headerPayloadType, resolveLimits } from '../../../electron/sync/bundle/format';
import { canonicalJson } from '../../../electron/sync/bundle/header';
import { encodeJsonLines, generateSigningKeyPair, keyringKeyFor, sha256Hex, signKeyring } from '../../../electron/sync/bundle/index';
import type { BundleEnvelopeOptions, BundleFileInput, KeyringDocument, SigningKeyPair } from '../../../electron/sync/bundle/index';
import { signBytes } from '../../../electron/sync/bundle/keys';
import { pae } from '../../../electron/sync/bundle/pae';
import { verifyHeaderSignature } from '../../../electron/sync/bundle/signature';
import { sealBundle } from '../../support/bundleBytes';
import { officeSyncKeys } from '../../../electron/sync/office/officeSyncKeys';
import { pinnedKeyring } from '../../../electron/sync/office/verifyUpdate';
import { loadKeys, platformKeyring } from '../../../tools/central/centralStore';
import { statutoryHolidays } from '../../../shared/calendar/statutoryHolidays';
import { DAY, OFFICE, refusedUnchanged, syncWorld } from './world';
import type { SyncWorld } from './world';
import { caseVersion } from '../../support/caseVersion';

let w: SyncWorld;
const person = (over: Record<string, unknown> = {}) => ({
  kind: 'person', idNumber: '11010119900307803X', name: '王五', gender: 'M', birthDate: '1990-03-07', legalRepresentative: null, regionCode: '110101', centralId: 'X1', version: 1, ...over,
});
const keys = () => loadKeys(w.central.dir);
const count = async (sql: string): Promise<number> => (await w.core.ctx.db.get<{ n: number }>(sql))!.n;
let n = 0;
const path = (name: string) => w.file(`malformed-${++n}-${name}.cdbundle`);

/** The envelope of the next update on the channel, signed with the platform's real update key. */
async function nextEnvelope(over: Partial<BundleEnvelopeOptions> = {}): Promise<BundleEnvelopeOptions> {
  const ch = await w.channel();
  const now = w.core.clock.now;
  return {
    purpose: 'update', channel: 'update', sequence: ch.sequence + 1, prevHash: ch.hash, createdAt: now, expiresAt: new Date(now.getTime() + 7 * DAY),
    sender: { name: 'platform', key: keys().update }, recipient: { name: OFFICE, publicKey: officeSyncKeys(w.core.dir).encryption.publicKey },
    keyringVersion: 1, ...over,
  };
}

/** Seals an inner archive built by hand (any manifest, any entries) into a signed, encrypted update. */
async function sealed(name: string, manifest: (bundleId: string) => unknown, entries: readonly RawEntry[]): Promise<string> {
  const bundleId = randomBytes(16).toString('hex');
  const file = path(name);
  writeFileSync(file, sealBundle({ ...(await nextEnvelope()), bundleId }, encodeArchiveParts(manifest(bundleId), entries)).bytes);
  return file;
}

function entryOf(name: string, schema: string, data: Buffer, records: number, over: Record<string, unknown> = {}): Record<string, unknown> {
  return { name, size: data.length, sha256: sha256Hex(data), encoding: 'identity', schema, schemaVersion: 1, records, ...over };
}

/** Rewrites the header of a bundle as a holder of the platform's update key could, and signs it again. */
function resignHeader(file: string, edit: (h: Record<string, unknown>) => void): string {
  const c = splitContainer(readFileSync(file), resolveLimits());
  const header = JSON.parse(c.headerBytes.toString('utf8')) as Record<string, unknown>;
  edit(header);
  const headerBytes = Buffer.from(canonicalJson(header), 'utf8');
  const key = keys().update;
  const out = path('resigned');
  writeFileSync(out, encodeContainer(headerBytes, Buffer.from(key.keyId, 'hex'), signBytes(key, pae(headerPayloadType('update'), headerBytes)), c.ciphertext));
  return out;
}

/** The signature verifies against the office's own pinned keyring: what refuses is the later, specific check. */
async function assertSignedBy(file: string, purpose: 'platform-update-signing' | 'keyring-root'): Promise<void> {
  const ring = await pinnedKeyring(w.core.ctx.db);
  assert.ok(ring, 'the office is provisioned');
  const v = verifyHeaderSignature(splitContainer(readFileSync(file), resolveLimits()), ring);
  assert.equal(v.signer.purpose, purpose);
  assert.equal(v.signer.owner, 'platform');
}

/** A keyring document signed by the given root keys without validating it first (signKeyring would refuse to sign a malformed one). */
function signRaw(doc: unknown, signers: readonly SigningKeyPair[]): unknown {
  const payload = Buffer.from(canonicalJson(doc), 'utf8');
  const message = pae(KEYRING_PAYLOAD_TYPE, payload);
  return { payloadType: KEYRING_PAYLOAD_TYPE, payload: payload.toString('base64'), signatures: signers.map((s) => ({ keyId: s.keyId, sig: signBytes(s, message).toString('base64') })) };
}

async function keyringBundle(files: BundleFileInput[]): Promise<string> {
  const k = keys();
  const ch = await w.core.ctx.db.get<{ last_sequence: number; last_hash: string }>("SELECT last_sequence, last_hash FROM sync_channel WHERE channel = 'keyring'");
  return w.craft({}, {
    purpose: 'keyring', channel: 'keyring', sequence: (ch?.last_sequence ?? 0) + 1, prevHash: ch?.last_hash ?? null, sender: { name: 'platform', key: k.root1 }, files,
  });
}

describe('correctly signed bundles that are malformed or over the caps are refused, the database unchanged', () => {
  before(async () => {
    w = await syncWorld({ subjects: 200, seed: 'malformed-bundles' });
    await w.importFile(await w.publish(true));
  });
  after(() => w.dispose());

  test('BUNDLE_HEADER_MALFORMED: a signed header valid for ten years (freshness defeated)', async () => {
    const now = w.core.clock.now;
    const file = await w.craft({ subjects: [person()] }, { expiresAt: new Date(now.getTime() + 3650 * DAY) });
    await assertSignedBy(file, 'platform-update-signing');
    const e = await refusedUnchanged(w, file, 'BUNDLE_HEADER_MALFORMED');
    assert.equal(e.message, 'The bundle header is malformed: validity period is too long');
    assert.equal(await count("SELECT count(*) AS n FROM subject WHERE central_id = 'X1'"), 0);
  });

  test('BUNDLE_HEADER_MALFORMED: a signed header that restarts the hash chain (prevHash null after bundle 1)', async () => {
    const ch = await w.channel();
    assert.ok(ch.sequence >= 1);
    const file = await w.craft({ subjects: [person()] }, { prevHash: null });
    await assertSignedBy(file, 'platform-update-signing');
    const e = await refusedUnchanged(w, file, 'BUNDLE_HEADER_MALFORMED');
    assert.equal(e.message, 'The bundle header is malformed: prevHash must be null exactly for sequence 1');
    assert.deepEqual(await w.channel(), ch);
  });

  test('BUNDLE_HEADER_MALFORMED: the recipient binding removed from the header and the header signed again', async () => {
    const file = resignHeader(await w.craft({ subjects: [person()] }), (h) => { delete h.recipient; });
    await assertSignedBy(file, 'platform-update-signing');
    const e = await refusedUnchanged(w, file, 'BUNDLE_HEADER_MALFORMED');
    assert.equal(e.message, 'The bundle header is malformed: recipient must be an object');
  });

  test('BUNDLE_HEADER_MALFORMED: a signature block announcing two signatures', async () => {
    const bytes = readFileSync(await w.craft({ subjects: [person()] }));
    bytes[PREAMBLE_BYTES + bytes.readUInt32BE(12)] = 2;
    const file = path('two-signatures');
    writeFileSync(file, bytes);
    const e = await refusedUnchanged(w, file, 'BUNDLE_HEADER_MALFORMED');
    assert.equal(e.message, 'The bundle header is malformed: format 1 carries exactly one signature');
  });

  test('BUNDLE_KEYRING_MALFORMED: a root-signed keyring bundle that smuggles a content file beside the keyring', async () => {
    const k = keys();
    const { keyring } = await platformKeyring(w.central);
    const next: KeyringDocument = { ...keyring.document, version: 2, issuedAt: '2026-11-20T00:00:00.000Z', keys: [...keyring.document.keys, keyringKeyFor(generateSigningKeyPair(), 'keyring-root', 'platform')] };
    const file = await keyringBundle([
      { name: 'keyring.jsonl', schema: 'keyring', schemaVersion: 1, records: [signKeyring(next, [k.root1, k.root2])] },
      { name: 'subjects.jsonl', schema: 'subjects', schemaVersion: 1, records: [person()] },
    ]);
    await assertSignedBy(file, 'keyring-root');
    const e = await refusedUnchanged(w, file, 'BUNDLE_KEYRING_MALFORMED');
    assert.equal(e.message, 'The keyring document is malformed: a keyring bundle holds exactly keyring.jsonl with one signed keyring');
    assert.equal((await w.core.ok('sync.status', {}, w.operator)).keyringVersion, 1);
    assert.equal(await count("SELECT count(*) AS n FROM subject WHERE central_id = 'X1'"), 0);
  });

  test('BUNDLE_KEYRING_MALFORMED: keyring N+1 signed by both roots in which the update key keeps its id but carries another public key', async () => {
    const k = keys();
    const { keyring } = await platformKeyring(w.central);
    const attacker = generateSigningKeyPair();
    const swapped = {
      ...keyring.document, version: 2, issuedAt: '2026-11-20T00:00:00.000Z',
      keys: keyring.document.keys.map((key) => (key.purpose === 'platform-update-signing' ? { ...key, publicKey: attacker.rawPublic.toString('hex') } : key)),
    };
    const file = await keyringBundle([{ name: 'keyring.jsonl', schema: 'keyring', schemaVersion: 1, records: [signRaw(swapped, [k.root1, k.root2])] }]);
    await assertSignedBy(file, 'keyring-root');
    const e = await refusedUnchanged(w, file, 'BUNDLE_KEYRING_MALFORMED');
    assert.equal(e.message, 'The keyring document is malformed: keyId is not the SHA-256 of the public key');
    const ring = await pinnedKeyring(w.core.ctx.db);
    assert.equal(ring?.version, 1);
    assert.equal(ring?.find('platform', 'platform-update-signing')?.keyId, k.update.keyId);
  });

  test('BUNDLE_MANIFEST_MALFORMED: the inner archive of another bundle sealed under a new header (splice)', async () => {
    const data = encodeJsonLines('subjects', 1, [person()]);
    const other = randomBytes(16).toString('hex');
    const file = await sealed('spliced', () => ({ manifestVersion: 1, bundleId: other, files: [entryOf('subjects.jsonl', 'subjects', data, 1)] }), [{ name: 'subjects.jsonl', stored: data }]);
    await assertSignedBy(file, 'platform-update-signing');
    const e = await refusedUnchanged(w, file, 'BUNDLE_MANIFEST_MALFORMED');
    assert.equal(e.message, 'The bundle manifest is malformed: the manifest belongs to another bundle');
  });

  test('BUNDLE_MANIFEST_MALFORMED: a file listed as purposes whose own envelope says it holds subjects', async () => {
    const data = encodeJsonLines('subjects', 1, [person()]);
    const file = await sealed('schema-swap', (id) => ({ manifestVersion: 1, bundleId: id, files: [entryOf('purposes.jsonl', 'purposes', data, 1)] }), [{ name: 'purposes.jsonl', stored: data }]);
    await assertSignedBy(file, 'platform-update-signing');
    const e = await refusedUnchanged(w, file, 'BUNDLE_MANIFEST_MALFORMED');
    assert.equal(e.message, 'The bundle manifest is malformed: purposes.jsonl declares a different schema than the manifest');
  });

  test('BUNDLE_CONTENT_TOO_LARGE: 257 files, one over the file-count cap', async () => {
    const data = encodeJsonLines('subjects', 1, []);
    const names = Array.from({ length: 257 }, (_, i) => `part-${String(i).padStart(3, '0')}.jsonl`);
    const file = await sealed('many-files', (id) => ({ manifestVersion: 1, bundleId: id, files: names.map((nm) => entryOf(nm, 'subjects', data, 0)) }), names.map((nm) => ({ name: nm, stored: data })));
    await assertSignedBy(file, 'platform-update-signing');
    const e = await refusedUnchanged(w, file, 'BUNDLE_CONTENT_TOO_LARGE');
    assert.equal(e.message, 'The bundle content exceeds the limit (256 files).');
  });

  test('BUNDLE_CONTENT_TOO_LARGE: two files each under the per-file cap, together over the total cap (refused before any body is read)', async () => {
    const size = Math.floor(resolveLimits().maxTotalBytes / 2) + 1;
    assert.ok(size < resolveLimits().maxFileBytes);
    const file = await sealed('total-bytes', (id) => ({
      manifestVersion: 1, bundleId: id,
      files: ['subjects.jsonl', 'records.jsonl'].map((nm) => ({ name: nm, size, sha256: '0'.repeat(64), encoding: 'gzip', schema: nm.replace('.jsonl', ''), schemaVersion: 1, records: 1 })),
    }), []);
    await assertSignedBy(file, 'platform-update-signing');
    const e = await refusedUnchanged(w, file, 'BUNDLE_CONTENT_TOO_LARGE');
    assert.equal(e.message, `The bundle content exceeds the limit (${resolveLimits().maxTotalBytes} bytes).`);
  });

  test('BUNDLE_CONTENT_TOO_LARGE: a manifest declaring more records than the cap', async () => {
    const data = encodeJsonLines('subjects', 1, [person()]);
    const max = resolveLimits().maxRecords;
    const file = await sealed('manifest-records', (id) => ({ manifestVersion: 1, bundleId: id, files: [entryOf('subjects.jsonl', 'subjects', data, max + 1)] }), [{ name: 'subjects.jsonl', stored: data }]);
    const e = await refusedUnchanged(w, file, 'BUNDLE_CONTENT_TOO_LARGE');
    assert.equal(e.message, `The bundle content exceeds the limit (${max} records).`);
  });

  test('BUNDLE_CONTENT_TOO_LARGE: a content file whose envelope line declares more records than the cap', async () => {
    const max = resolveLimits().maxRecords;
    const data = Buffer.from(`${JSON.stringify({ schema: 'subjects', schemaVersion: 1, records: max + 1 })}\n${JSON.stringify(person())}\n`, 'utf8');
    const file = await sealed('envelope-records', (id) => ({ manifestVersion: 1, bundleId: id, files: [entryOf('subjects.jsonl', 'subjects', data, 1)] }), [{ name: 'subjects.jsonl', stored: data }]);
    const e = await refusedUnchanged(w, file, 'BUNDLE_CONTENT_TOO_LARGE');
    assert.equal(e.message, `The bundle content exceeds the limit (${max} records).`);
    assert.equal(await count("SELECT count(*) AS n FROM subject WHERE central_id = 'X1'"), 0);
  });
});

describe('content that breaks the office rules is refused, the database unchanged', () => {
  let clerk: string;
  let manager: string;
  before(async () => {
    w = await syncWorld({ subjects: 200, seed: 'malformed-content' });
    await w.importFile(await w.publish(true));
    clerk = (await w.core.loginAs('clerk')).token;
    manager = (await w.core.loginAs('manager')).token;
  });
  after(() => w.dispose());

  const recordRow = (over: Record<string, unknown> = {}) => ({
    centralId: 'NEW-R1', subjectCentralId: 'X1', category: 'admin_penalty', domain: 'market', severity: 'minor', title: '处罚', content: '罚款', providerUnit: '某局',
    documentNo: '1号', occurredOn: '2026-01-01', decidedOn: '2026-01-02', publicityStart: '2026-01-03', publicityEnd: null, status: 'active', version: 1, ...over,
  });

  test('SYNC_CONTENT_INVALID: a subject record carrying a field the schema does not have', async () => {
    const e = await refusedUnchanged(w, await w.craft({ subjects: [person({ vip: true })] }), 'SYNC_CONTENT_INVALID');
    assert.equal(e.message, 'File subjects.jsonl, record 1 (line 2) does not follow the content rules: unknown field "vip"');
  });

  test('SYNC_CONTENT_INVALID: subjects.jsonl that holds the records schema', async () => {
    const file = await w.craft({}, { files: [{ name: 'subjects.jsonl', schema: 'records', schemaVersion: 1, records: [recordRow({ subjectCentralId: 'CP0' })] }] });
    const e = await refusedUnchanged(w, file, 'SYNC_CONTENT_INVALID');
    assert.equal(e.message, 'File subjects.jsonl, line 1 (the envelope line) does not follow the content rules: subjects.jsonl must hold schema subjects');
  });

  /** A year's arrangement with its statutory holidays and nothing else: the least a real notice holds. */
  const arrangedYear = (year: number) => ({ year, days: statutoryHolidays(year).map((d) => ({ date: d.date, kind: 'holiday', name: d.name ?? null })) });

  test('SYNC_CONTENT_INVALID: a calendar year that leaves a gap is refused while applying, and the subjects written before it are rolled back', async () => {
    // In late 2027 the 2028 notice can exist; the office still has nothing after 2026.
    const before = w.core.clock.now;
    w.core.clock.now = new Date('2027-11-20T02:00:00Z');
    try {
      const file = await w.craft({ subjects: [person()], calendar: [arrangedYear(2028)] });
      const e = await refusedUnchanged(w, file, 'SYNC_CONTENT_INVALID');
      assert.match(e.message, /^File calendar\.jsonl, record 1 \(line 2\) does not follow the content rules: Calendar update 2028–2028 leaves a gap after the stored \d{4}–\d{4}$/);
      assert.equal(await count("SELECT count(*) AS n FROM subject WHERE central_id = 'X1'"), 0);
    } finally {
      w.core.clock.now = before;
    }
  });

  test('SYNC_CALENDAR_HOLIDAY_MISSING: the attack of every year to 9999 with no holidays is refused at the first year, by name', async () => {
    const years = Array.from({ length: 9999 - 2027 + 1 }, (_, i) => ({ year: 2027 + i, days: [] }));
    const e = await refusedUnchanged(w, await w.craft({ calendar: years }), 'SYNC_CALENDAR_HOLIDAY_MISSING');
    assert.equal(e.message, "File calendar.jsonl, record 1 (line 2) gives 2027 without its statutory holiday 2027-01-01 (New Year's Day); nothing was imported.");
    assert.equal((await w.core.ok('calendar.status', {}, manager)).coverage.toYear, 2026);
  });

  test('SYNC_CALENDAR_YEAR_UNKNOWABLE: a well-formed arrangement for a year no notice can have reached yet is refused', async () => {
    const e = await refusedUnchanged(w, await w.craft({ calendar: [arrangedYear(2027), arrangedYear(2028)] }), 'SYNC_CALENDAR_YEAR_UNKNOWABLE');
    assert.match(e.message, /gives a holiday arrangement for 2028, which cannot have been published yet \(2027 at the latest\)/);
  });

  test('SYNC_UNKNOWN_REFERENCE: a record for a subject that neither the bundle nor the office has', async () => {
    const e = await refusedUnchanged(w, await w.craft({ records: [recordRow({ subjectCentralId: 'NOBODY-1' })] }), 'SYNC_UNKNOWN_REFERENCE');
    assert.equal(e.message, 'File records.jsonl, record 1 (line 2) refers to subject NOBODY-1, which does not exist.');
    assert.equal(await count("SELECT count(*) AS n FROM record WHERE central_id = 'NEW-R1'"), 0);
  });

  // The write itself refuses a record without a subject (the statement fails and writes nothing);
  // the refusal then names the record by its line, here deep in the second batch, after records
  // that were fine and already written in the same transaction.
  test('SYNC_UNKNOWN_REFERENCE: a record without a subject in a later batch names its line, and the earlier batches are rolled back', async () => {
    const n = APPLY_BATCH + 5;
    const bad = APPLY_BATCH + 2;
    const records = Array.from({ length: n }, (_, i) => recordRow({ centralId: `MANY-R${i}`, subjectCentralId: i === bad ? 'NOBODY-2' : 'X1' }));
    const e = await refusedUnchanged(w, await w.craft({ subjects: [person()], records }), 'SYNC_UNKNOWN_REFERENCE');
    assert.equal(e.message, `File records.jsonl, record ${bad + 1} (line ${bad + 2}) refers to subject NOBODY-2, which does not exist.`);
    assert.equal(await count("SELECT count(*) AS n FROM record WHERE central_id LIKE 'MANY-R%'"), 0);
    assert.equal(await count("SELECT count(*) AS n FROM subject WHERE central_id = 'X1'"), 0);
  });

  test('an outcome for a forwarded objection: SYNC_UNKNOWN_REFERENCE for a record outside the case, SYNC_OUTCOME_NOT_EXPECTED once the office decided it', async () => {
    const target = (await w.core.ctx.db.get<{ id_number: string; name: string; record_id: number; central_id: string; status: string }>(
      `SELECT s.id_number, s.name, r.id AS record_id, r.central_id, r.status FROM record r JOIN subject s ON s.id = r.subject_id
        WHERE r.category = 'admin_penalty' AND r.status = 'active' ORDER BY r.id LIMIT 1`))!;
    const outsider = (await w.core.ctx.db.get<{ central_id: string }>('SELECT central_id FROM record WHERE id <> ? ORDER BY id LIMIT 1', [target.record_id]))!;
    const visit = await w.core.ok('counter.lookup', { idNumber: target.id_number, name: target.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk);
    const obj = await w.core.ok('objection.intake', { visitId: visit.visitId, recordIds: [target.record_id], scope: 'wrong', description: '罚款金额有误' }, clerk);
    assert.equal((await w.core.ok('objection.act', { action: 'verify', id: obj.id, version: await caseVersion(w.core, 'objection', obj.id), route: 'provider' }, manager)).state, 'verifying');
    const outcome = (records: unknown[]) => ({
      officeCode: OFFICE, caseKind: 'objection', caseNo: obj.caseNo, outcome: 'corrected', reason: '核实后更正', decidedOn: '2026-11-20', decidedAt: '2026-11-20T02:00:00.000Z', records,
    });
    const effect = (centralId: string) => ({ centralId, status: 'corrected', content: '罚款 500 元（已更正）', publicityEnd: null });

    const unknown = await refusedUnchanged(w, await w.craft({ 'case-outcomes': [outcome([effect(outsider.central_id)])] }), 'SYNC_UNKNOWN_REFERENCE');
    assert.equal(unknown.message, `File case-outcomes.jsonl, record 1 (line 2) refers to record of objection ${obj.caseNo} ${outsider.central_id}, which does not exist.`);
    assert.equal((await w.core.ok('objection.get', { id: obj.id }, manager)).state, 'verifying');

    // The providing unit answered by telephone and the office decided the case itself; the
    // platform's outcome arriving afterwards must not overwrite that decision.
    await w.core.ok('objection.act', { action: 'provider_reply', id: obj.id, version: await caseVersion(w.core, 'objection', obj.id), reason: '提供单位电话答复核实无误' }, manager);
    await w.core.ok('objection.act', { action: 'decide', id: obj.id, version: await caseVersion(w.core, 'objection', obj.id), outcome: 'upheld', reason: '信息无误' }, manager);
    const late = await refusedUnchanged(w, await w.craft({ 'case-outcomes': [outcome([effect(target.central_id)])] }), 'SYNC_OUTCOME_NOT_EXPECTED');
    assert.equal(late.message, `Objection ${obj.caseNo} is "decided" and cannot take a providing unit's outcome now.`);
    const c = await w.core.ok('objection.get', { id: obj.id }, manager);
    assert.equal(c.outcome, 'upheld');
    assert.equal((await w.core.ctx.db.get<{ status: string }>('SELECT status FROM record WHERE id = ?', [target.record_id]))?.status, target.status);
  });

  test('SYNC_UNKNOWN_EXPORT: an acknowledgement of an export never written, and of a written one under a forged hash', async () => {
    const ack = (sequence: number, bundleHash: string) => ({ channel: 'export', sequence, bundleHash, receivedAt: '2026-11-20T01:00:00.000Z' });
    const never = await refusedUnchanged(w, await w.craft({ acknowledgements: [ack(3, 'ab'.repeat(32))] }), 'SYNC_UNKNOWN_EXPORT');
    assert.equal(never.message, 'The platform acknowledges export 3, which this office never wrote.');

    const written = await w.core.ok('sync.exportWrite', {}, w.operator);
    const forged = await refusedUnchanged(w, await w.craft({ acknowledgements: [ack(written.sequence, 'cd'.repeat(32))] }), 'SYNC_UNKNOWN_EXPORT');
    assert.equal(forged.message, `The platform acknowledges export ${written.sequence}, which this office never wrote.`);
    const [kept] = await w.core.ok('sync.exportHistory', {}, w.operator);
    assert.deepEqual({ sequence: kept?.sequence, acknowledgedAt: kept?.acknowledgedAt, kept: kept?.kept }, { sequence: written.sequence, acknowledgedAt: null, kept: true });
  });
});
