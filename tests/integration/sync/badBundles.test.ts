// bundle-security.md, the bad bundles that involve the database layer: each one is refused with
// its specific code and leaves the office database as it was (apart from the refusal's own
// history row and audit event). The format-level attacks are in tests/unit/sync/.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { keyringKeyFor, generateSigningKeyPair, signKeyring } from '../../../electron/sync/bundle/index';
import type { KeyringDocument } from '../../../electron/sync/bundle/index';
import { upsertOfficeKeys } from '../../../electron/store/syncStore';
import { APPLY_BATCH } from '../../../electron/store/syncApplyStore';
import { idCheckChar } from '../../../shared/validators/idNumber';
import { loadKeys, platformKeyring } from '../../../tools/central/centralStore';
import { assertUnchangedExceptRefusal, DAY, OFFICE, refusedUnchanged, snapshotOf, syncWorld } from './world';
import type { SyncWorld } from './world';

let w: SyncWorld;
const person = (over: Record<string, unknown> = {}) => ({
  kind: 'person', idNumber: '11010119900307803X', name: '王五', gender: 'M', birthDate: '1990-03-07', legalRepresentative: null, regionCode: '110101', centralId: 'X1', version: 1, ...over,
});

describe('bad update bundles leave the database unchanged', () => {
  before(async () => {
    w = await syncWorld({ subjects: 200, seed: 'bad-bundles' });
    await w.importFile(await w.publish(true));
  });
  after(() => w.dispose());

  test('an invalid ID number in the content', async () => {
    const path = await w.craft({ subjects: [person(), person({ idNumber: '110101199003078030', centralId: 'X2' })] });
    const e = await refusedUnchanged(w, path, 'SYNC_ID_NUMBER_INVALID');
    assert.match(e.message, /subjects\.jsonl, record 2 \(line 3\)/);
  });

  test('duplicate record ids', async () => {
    const rec = (await w.core.ctx.db.get<Record<string, unknown>>(`SELECT central_id AS centralId FROM record LIMIT 1`))!;
    const row = {
      centralId: 'DUP-1', subjectCentralId: 'CP0', category: 'admin_penalty', domain: 'market', severity: 'minor', title: '处罚', content: '罚款', providerUnit: '某局',
      documentNo: '1号', occurredOn: '2026-01-01', decidedOn: '2026-01-02', publicityStart: '2026-01-03', publicityEnd: null, status: 'active', version: 1,
    };
    assert.ok(rec);
    const e = await refusedUnchanged(w, await w.craft({ records: [row, { ...row, title: '另一条' }] }), 'SYNC_DUPLICATE_ID');
    assert.match(e.message, /DUP-1/);
  });

  // The worker checks uniqueness within a batch; across batches only the import's transaction
  // can (the import_key table and the rows already written). Each pair sits in batches 1 and 2.
  test('the same ID number, or the same central id, in two batches of one bundle', async () => {
    const people = Array.from({ length: APPLY_BATCH + 1 }, (_, i) => {
      // 999 sequence numbers a birth day, so a new day every 999 people.
      const birthDate = new Date(Date.UTC(1960, 0, 1 + Math.floor(i / 999))).toISOString().slice(0, 10);
      const digits = `110101${birthDate.replace(/-/g, '')}${String(1 + (i % 999)).padStart(3, '0')}`;
      return person({ centralId: `BATCH-${i}`, idNumber: digits + idCheckChar(digits), birthDate, gender: (1 + (i % 999)) % 2 ? 'M' : 'F' });
    });
    assert.equal(new Set(people.map((p) => p.idNumber)).size, people.length, 'every ID number differs to begin with');
    const last = people.length - 1;
    const sameId = people.map((p, i) => (i === last ? { ...p, idNumber: people[0]!.idNumber } : p));
    const e = await refusedUnchanged(w, await w.craft({ subjects: sameId }), 'SYNC_DUPLICATE_ID');
    assert.match(e.message, /110101…/);
    const sameCentral = people.map((p, i) => (i === last ? { ...p, centralId: 'BATCH-0' } : p));
    const f = await refusedUnchanged(w, await w.craft({ subjects: sameCentral }), 'SYNC_DUPLICATE_ID');
    assert.match(f.message, /BATCH-0/);
  });

  test('an outcome for an objection this office never sent', async () => {
    const outcome = { officeCode: OFFICE, caseKind: 'objection', caseNo: 'YY20261120-0099', outcome: 'revoked', reason: '撤销', decidedOn: '2026-11-20', decidedAt: '2026-11-20T02:00:00.000Z', records: [] };
    const e = await refusedUnchanged(w, await w.craft({ 'case-outcomes': [outcome] }), 'SYNC_UNKNOWN_OBJECTION');
    assert.match(e.message, /YY20261120-0099/);
  });

  test('addressed to another office', async () => {
    const e = await refusedUnchanged(w, await w.craft({ subjects: [person()] }, { recipient: { name: '370306-05', publicKey: (await import('../../../electron/sync/office/officeSyncKeys')).officeSyncKeys(w.core.dir).encryption.publicKey } }), 'BUNDLE_RECIPIENT_MISMATCH');
    assert.match(e.message, /370306-05/);
    // Once the platform's roster names that office, the refusal says which office it is.
    await w.core.ctx.db.transaction((tx) => upsertOfficeKeys(tx, [{ officeCode: '370306-05', officeName: '淄川区信用服务窗口', keyId: 'k-370306-05', publicKeyPem: 'x', status: 'active' }], '2026-11-20T00:00:00Z'));
    const named = await refusedUnchanged(w, await w.craft({ subjects: [person()] }, { recipient: { name: '370306-05', publicKey: (await import('../../../electron/sync/office/officeSyncKeys')).officeSyncKeys(w.core.dir).encryption.publicKey } }), 'BUNDLE_RECIPIENT_MISMATCH');
    assert.match(named.message, /made for office 370306-05 \(淄川区信用服务窗口\), not this office/);
  });

  test('expired, and setting the clock back does not revive it', async () => {
    const now = w.core.clock.now;
    const path = await w.craft({ subjects: [person()] }, { createdAt: new Date(now.getTime() - 10 * DAY), expiresAt: new Date(now.getTime() - DAY) });
    await refusedUnchanged(w, path, 'BUNDLE_EXPIRED');
    // Five days back the computer's clock alone would call the bundle valid (made 10 days ago,
    // expiring yesterday); the newest bundle already verified here says otherwise.
    const back = new Date(now.getTime() - 5 * DAY);
    assert.ok(back > new Date(now.getTime() - 10 * DAY) && back < new Date(now.getTime() - DAY));
    w.core.clock.now = back;
    try {
      await refusedUnchanged(w, path, 'BUNDLE_EXPIRED');
    } finally {
      w.core.clock.now = now;
    }
  });

  // Found by fuzzing the import: each is refused for what it is, in the clerk's language, and
  // the history row is never labelled from a header whose signature did not verify.
  test('key-id hint bytes changed in a genuine bundle: refused, not recorded under the genuine hash', async () => {
    const good = readFileSync(await w.craft({ subjects: [person({ centralId: 'HINT-1', idNumber: '110101199003074517' })] }));
    const headerLen = good.readUInt32BE(12);
    const bad = Buffer.from(good);
    bad[16 + headerLen + 1 + 5] = (bad[16 + headerLen + 1 + 5] ?? 0) ^ 0x5a;
    const path = w.file('hint-changed.cdbundle');
    writeFileSync(path, bad);
    await refusedUnchanged(w, path, 'BUNDLE_KEY_HINT_MISMATCH');
    const [row] = await w.core.ok('sync.importHistory', { limit: 1 }, w.operator);
    assert.equal(row?.sequence, null, 'no label from the altered file');
    assert.equal(await w.core.ctx.db.get('SELECT 1 FROM sync_bundle_in WHERE bundle_hash IS NOT NULL AND refused_code = ?', ['BUNDLE_KEY_HINT_MISMATCH']), undefined);
  });

  test('a header byte flipped before the signature is checked reads as "signature invalid", in both languages', async () => {
    const bad = readFileSync(await w.craft({ subjects: [person({ centralId: 'FLIP-1', idNumber: '110101199003074517' })] }));
    bad[16 + 2] = 0x01; // inside the header JSON: it no longer parses, and that must not be what the clerk reads
    const path = w.file('header-flipped.cdbundle');
    writeFileSync(path, bad);
    const e = await refusedUnchanged(w, path, 'BUNDLE_SIGNATURE_INVALID');
    assert.doesNotMatch(e.message, /malformed|JSON/i);
    const [row] = await w.core.ok('sync.importHistory', { limit: 1 }, w.operator);
    assert.equal(row?.refusedReasonZh, '同步包签名无效，文件已被篡改或损坏。');
  });

  test('two bundles joined in one file are named as a damaged file, not as a sequence gap', async () => {
    const ch = await w.channel();
    const next = readFileSync(await w.craft({ subjects: [person({ centralId: 'CAT-1', idNumber: '110101199003074517' })] }));
    const later = readFileSync(await w.craft({ subjects: [person({ centralId: 'CAT-2', idNumber: '110101199003074517' })] }, { sequence: ch.sequence + 2 }));
    const path = w.file('joined.cdbundle');
    writeFileSync(path, Buffer.concat([later, next]));
    await refusedUnchanged(w, path, 'BUNDLE_TRAILING_DATA');
    writeFileSync(path, later.subarray(0, later.length - 100));
    await refusedUnchanged(w, path, 'BUNDLE_TRUNCATED');
  });

  test('a bundle file that is not there: a coded refusal with its history row and audit event', async () => {
    const e = await refusedUnchanged(w, w.file('on-a-removed-usb-stick.cdbundle'), 'SYNC_FILE_MISSING');
    assert.match(e.message, /not there/);
  });

  test('a gap names the missing bundle', async () => {
    const ch = await w.channel();
    const e = await refusedUnchanged(w, await w.craft({ subjects: [person()] }, { sequence: ch.sequence + 2 }), 'BUNDLE_SEQUENCE_GAP');
    assert.match(e.message, new RegExp(`Bundle ${ch.sequence + 1} is missing`));
    // The history keeps the sentence in both languages, for a clerk reading either.
    const [row] = await w.core.ok('sync.importHistory', { limit: 1 }, w.operator);
    assert.equal(row?.refusedCode, 'BUNDLE_SEQUENCE_GAP');
    assert.match(row?.refusedReason ?? '', new RegExp(`Bundle ${ch.sequence + 1} is missing`));
    assert.match(row?.refusedReasonZh ?? '', new RegExp(`${ch.sequence + 1}`));
    assert.match(row?.refusedReasonZh ?? '', /[\u4e00-\u9fff]/);
  });

  test('the good bundle still imports after its tampered copies were refused; then replay, already imported and equivocation', async () => {
    const good = await w.publish(false);
    const bytes = readFileSync(good);
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 10]! ^= 0x01;
    writeFileSync(w.file('flipped.cdbundle'), flipped);
    await refusedUnchanged(w, w.file('flipped.cdbundle'), 'BUNDLE_CIPHERTEXT_HASH_MISMATCH');
    writeFileSync(w.file('cut.cdbundle'), bytes.subarray(0, bytes.length - 7));
    await refusedUnchanged(w, w.file('cut.cdbundle'), 'BUNDLE_TRUNCATED');
    const r = await w.importFile(good);
    assert.equal(r.result, 'applied');

    // Same bundle again: a benign no-op.
    const before = await snapshotOf(w.core);
    const again = await w.importFile(good);
    assert.equal(again.result, 'already_imported');
    assert.match(again.message.en, /already imported; nothing changed/);
    await assertUnchangedExceptRefusal(w, before, 'BUNDLE_ALREADY_IMPORTED');

    // A different bundle with the number already used: equivocation alarm.
    const ch = await w.channel();
    const prev = (await w.core.ctx.db.get<{ bundle_hash: string }>('SELECT bundle_hash FROM sync_bundle_in WHERE sequence = ? AND result = ? AND channel = ?', [ch.sequence - 1, 'applied', 'update']))?.bundle_hash ?? null;
    await refusedUnchanged(w, await w.craft({ subjects: [person()] }, { sequence: ch.sequence, prevHash: prev }), 'BUNDLE_EQUIVOCATION');
    // An older one: replay.
    await refusedUnchanged(w, w.file('update-1.cdbundle'), 'BUNDLE_REPLAY');
  });

  test('keyring N+1 rules through the import path', async () => {
    const keys = loadKeys(w.central.dir);
    const { keyring } = await platformKeyring(w.central);
    const newRoot = generateSigningKeyPair();
    const doc = (version: number): KeyringDocument => ({ ...keyring.document, version, issuedAt: '2026-11-20T00:00:00.000Z', keys: [...keyring.document.keys, keyringKeyFor(newRoot, 'keyring-root', 'platform')] });
    const keyringBundle = async (signed: unknown, sequence: number) => {
      const ch = await w.core.ctx.db.get<{ last_hash: string }>("SELECT last_hash FROM sync_channel WHERE channel = 'keyring'");
      return w.craft({}, {
        purpose: 'keyring', channel: 'keyring', sequence, prevHash: ch?.last_hash ?? null, sender: { name: 'platform', key: keys.root1 },
        files: [{ name: 'keyring.jsonl', schema: 'keyring', schemaVersion: 1, records: [signed] }],
      });
    };
    await refusedUnchanged(w, await keyringBundle(signKeyring(doc(3), [keys.root1, keys.root2]), 1), 'BUNDLE_KEYRING_VERSION_JUMP');
    const onlyNew = signKeyring({ ...doc(2), rootThreshold: 1 }, [newRoot]);
    await refusedUnchanged(w, await keyringBundle(onlyNew, 1), 'BUNDLE_KEYRING_UNSIGNED_BY_CURRENT');
    await refusedUnchanged(w, await keyringBundle(signKeyring(doc(1), [keys.root1, keys.root2]), 1), 'BUNDLE_KEYRING_ROLLBACK');
    const ok = await w.importFile(await keyringBundle(signKeyring(doc(2), [keys.root1, keys.root2]), 1));
    assert.equal(ok.result, 'applied');
    const status = await w.core.ok('sync.status', {}, w.operator);
    assert.equal(status.keyringVersion, 2);
  });
});
