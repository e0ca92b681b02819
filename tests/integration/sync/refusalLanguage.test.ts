// Issue 29, item 11: Chinese refusals carried English detail ("category must be one of…", "name
// must be text of 1–200 characters", "Calendar update … leaves a gap…", "引用了不存在的subject…")
// and a flipped header-length byte said "format 1 carries exactly one signature". The rule each
// refusal is held to is in tests/support/refusalLanguage.ts: in Chinese no Latin word beyond
// quoted names and values from the file, file names, tokens with digits, capitals and the command
// line's name; in English no Han character beyond quotes and proper names.
//
// Two tables: every sentence of the catalogues with every value its parameters can take, and the
// attacks themselves, each imported into a real office (refusedUnchanged also holds the raised and
// the stored sentence to the rule, as it does for every refusal any sync test provokes).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { encodeArchiveParts } from '../../../electron/sync/bundle/archive';
import type { RawEntry } from '../../../electron/sync/bundle/archive';
import type { BundleError } from '../../../electron/sync/bundle/errors';
import { BUNDLE_MESSAGES } from '../../../shared/i18n/bundleRefusals';
import { refusalSentence } from '../../../shared/i18n/errorMessages';
import { KEY_PURPOSES, PREAMBLE_BYTES } from '../../../electron/sync/bundle/format';
import { encodeJsonLines, sha256Hex } from '../../../electron/sync/bundle/index';
import { REFUSAL_DETAILS, type DetailCode } from '../../../shared/i18n/refusalDetails';
import { sealBundle } from '../../support/bundleBytes';
import { SYNC_MESSAGES } from '../../../shared/i18n/syncRefusals';
import { officeSyncKeys } from '../../../electron/sync/office/officeSyncKeys';
import { OBJECTION_STATES } from '../../../shared/cases/caseTypes';
import { STATUTORY_HOLIDAY_NAMES } from '../../../shared/calendar/holidayNames';
import { statutoryHolidays } from '../../../shared/calendar/statutoryHolidays';
import { loadKeys } from '../../../tools/central/centralStore';
import { idCheckChar } from '../../../shared/validators/idNumber';
import { assertRefusalLanguage, latinLeftIn } from '../../support/refusalLanguage';
import { DAY, OFFICE, refusedUnchanged, syncWorld, type SyncWorld } from './world';

type Params = Record<string, string | number>;

/** One value for every parameter any sentence reads. */
const BASE: Params = {
  name: 'subjects.jsonl', line: 3, limit: 256, version: 2, local: 1, next: 2, threshold: 2, key: 'bundleId', field: 'recipient',
  fingerprint: '9001 119A 7FF9 702F', recipient: '370306-05', sequence: 4, last: 5, missing: 3, chunk: 2, schema: 'subjects', id: 'NOBODY-1',
  expiresAt: '2026-11-01T00:00:00.000Z', createdAt: '2026-12-01T00:00:00.000Z', caseNo: 'YY20261120-0099', year: 2028, latest: 2027,
  date: '2027-01-01', holiday: '元旦', subject: 'CP0', kind: 'records', cap: 10_000, min: 1, max: 200, values: 'admin_penalty, license_revoked',
  file: 'subjects.jsonl', keys: 'alg, chunkSize, ephemeralPublicKey, keyCheck', want: 'ed25519', offset: 12, profile: 'default',
  from: 2028, to: 2028, storedFrom: 2004, storedTo: 2026, declared: 601, actual: 599, reason: 'ID_CHECK_DIGIT', what: 'subject', state: 'decided',
  expected: 'update', purpose: 'export', detail: 'field_form',
};

/** The values an enumerated parameter takes, each tried in every sentence that reads it. */
const VARIANTS: Record<string, readonly (string | number)[]> = {
  purpose: ['update', 'export', 'keyring', 'enrollment', ...KEY_PURPOSES],
  actual: ['update', 'export', 'keyring', 'enrollment', ...KEY_PURPOSES],
  expected: ['update', 'export', 'keyring'],
  state: OBJECTION_STATES,
  what: ['subject', 'record', 'measure', 'objection_record'],
  reason: ['ID_EMPTY', 'ID_LEGACY_15', 'ID_LENGTH', 'ID_CHARS', 'ID_ADDRESS', 'ID_BIRTH_DATE', 'ID_BIRTH_FUTURE', 'ID_CHECK_DIGIT', 'CC_EMPTY', 'CC_LENGTH', 'CC_CHARS', 'CC_CHECK_CHAR', 'NOT_NORMALISED'],
  unit: ['files', 'bytes', 'records'],
  holiday: Object.keys(STATUTORY_HOLIDAY_NAMES),
  field: ['recipient', 'flags 0x4', 'x-compression'],
};

const CATALOGUE = { ...BUNDLE_MESSAGES, ...SYNC_MESSAGES } as Record<string, { zh: (p: Params) => string; en: (p: Params) => string }>;
const DETAILED = new Set(['BUNDLE_HEADER_MALFORMED', 'BUNDLE_KEYRING_MALFORMED', 'BUNDLE_MANIFEST_MALFORMED', 'BUNDLE_JSON_INVALID', 'SYNC_CONTENT_INVALID']);

function paramSets(code: string): Params[] {
  // The operating system's error code, where `detail` names it rather than a detail.
  if (code === 'SYNC_FILE_UNREADABLE') return ['EACCES', 'EISDIR', 'EPERM', 'EIO'].map((errno) => ({ ...BASE, detail: errno }));
  const sets: Params[] = [BASE];
  for (const [k, values] of Object.entries(VARIANTS)) for (const v of values) sets.push({ ...BASE, [k]: v });
  if (DETAILED.has(code)) for (const d of Object.keys(REFUSAL_DETAILS)) sets.push({ ...BASE, detail: d });
  if (code === 'SYNC_TRUST_FILE_INVALID') sets.push({ ...BASE, detail: 'it is not a CreditDesk platform trust file', detailZh: '所选文件不是本系统平台发放的信任文件' });
  if (code === 'BUNDLE_RECIPIENT_MISMATCH') sets.push({ ...BASE, recipientName: '淄川区信用服务窗口' });
  return sets;
}

describe('every refusal sentence, with every value its parameters take, keeps to its language', () => {
  for (const [code, msg] of Object.entries(CATALOGUE)) {
    test(code, () => {
      for (const p of paramSets(code)) {
        const zh = msg.zh(p);
        const en = msg.en(p);
        assert.doesNotMatch(`${zh}|${en}`, /undefined|\[object/, `${code} with ${JSON.stringify(p)}`);
        assertRefusalLanguage({ code, zh, en }, p.recipientName ? [String(p.recipientName)] : []);
        // A stored refusal reads back the same sentences.
        assert.deepEqual({ zh: refusalSentence(code, p, 'zh'), en: refusalSentence(code, p, 'en') }, { zh, en });
      }
    });
  }

  test('every detail code has both sentences, each complete', () => {
    for (const [code, d] of Object.entries(REFUSAL_DETAILS) as [DetailCode, { zh: (p: Params) => string; en: (p: Params) => string }][]) {
      assert.deepEqual(latinLeftIn(d.zh(BASE)), [], code);
      assert.doesNotMatch(d.en(BASE), /\p{Script=Han}/u, code);
      assert.doesNotMatch(`${d.zh(BASE)}|${d.en(BASE)}`, /undefined/, code);
    }
  });

  test('a refusal stored by an older version with an English detail reads as Chinese in Chinese', () => {
    const stored = { name: 'records.jsonl', line: 2, detail: 'category must be one of admin_penalty, license' };
    const old = { en: refusalSentence('SYNC_CONTENT_INVALID', stored, 'en'), zh: refusalSentence('SYNC_CONTENT_INVALID', stored, 'zh')! };
    assert.equal(old.en, 'File records.jsonl, record 1 (line 2) does not follow the content rules: category must be one of admin_penalty, license');
    assert.deepEqual(latinLeftIn(old.zh), []);
  });
});

// ---------------------------------------------------------------------------------------------
// The attacks, each through the import of a real office.

let w: SyncWorld;
const keys = () => loadKeys(w.central.dir);
const person = (over: Record<string, unknown> = {}) => ({
  kind: 'person', idNumber: '11010119900307803X', name: '王五', gender: 'M', birthDate: '1990-03-07', legalRepresentative: null, regionCode: '110101', centralId: 'LANG-1', version: 1, ...over,
});
const record = (over: Record<string, unknown> = {}) => ({
  centralId: 'LANG-R1', subjectCentralId: 'CP0', category: 'admin_penalty', domain: 'market', severity: 'minor', title: '处罚', content: '罚款', providerUnit: '某局',
  documentNo: '1号', occurredOn: '2026-01-01', decidedOn: '2026-01-02', publicityStart: '2026-01-03', publicityEnd: null, status: 'active', version: 1, ...over,
});
let n = 0;

/** Seals a hand-built inner archive (any manifest, any file bytes) into a signed update for the office. */
async function sealedFile(files: { name: string; schema: string; data: Buffer; records: number }[]): Promise<string> {
  const ch = await w.channel();
  const now = w.core.clock.now;
  const bundleId = randomBytes(16).toString('hex');
  const manifest = { manifestVersion: 1, bundleId, files: files.map((f) => ({ name: f.name, size: f.data.length, sha256: sha256Hex(f.data), encoding: 'identity', schema: f.schema, schemaVersion: 1, records: f.records })) };
  const entries: RawEntry[] = files.map((f) => ({ name: f.name, stored: f.data }));
  const b = sealBundle({
    purpose: 'update', channel: 'update', sequence: ch.sequence + 1, prevHash: ch.hash, createdAt: now, expiresAt: new Date(now.getTime() + 7 * DAY),
    sender: { name: 'platform', key: keys().update }, recipient: { name: OFFICE, publicKey: officeSyncKeys(w.core.dir).encryption.publicKey },
    keyringVersion: 1, bundleId,
  }, encodeArchiveParts(manifest, entries));
  const path = w.file(`lang-${++n}.cdbundle`);
  writeFileSync(path, b.bytes);
  return path;
}

async function withClock<T>(iso: string, fn: () => Promise<T>): Promise<T> {
  const before = w.core.clock.now;
  w.core.clock.now = new Date(iso);
  try {
    return await fn();
  } finally {
    w.core.clock.now = before;
  }
}

interface Attack { name: string; code: string; detail?: DetailCode; zh: RegExp; file: () => Promise<string> }

const ATTACKS: Attack[] = [
  {
    name: 'a record whose category is not one of the catalogue ("category must be one of…")',
    code: 'SYNC_CONTENT_INVALID', detail: 'field_one_of', zh: /字段“category”只能是 “basic”、“admin_licence”、“admin_penalty”、.*之一。$/,
    file: () => w.craft({ records: [record({ category: 'bribe' })] }),
  },
  {
    name: 'a subject with an empty name ("name must be text of 1–200 characters")',
    code: 'SYNC_CONTENT_INVALID', detail: 'field_text', zh: /字段“name”应为 1–200 个字符的文本/,
    file: () => w.craft({ subjects: [person({ name: '' })] }),
  },
  {
    name: 'a record carrying a field the schema does not have',
    code: 'SYNC_CONTENT_INVALID', detail: 'field_unknown', zh: /含有格式中没有的字段“vip”/,
    file: () => w.craft({ records: [record({ vip: true })] }),
  },
  {
    name: 'a record for a subject nobody has ("引用了不存在的subject…")',
    code: 'SYNC_UNKNOWN_REFERENCE', zh: /引用了不存在的主体“NOBODY-7”。$/,
    file: () => w.craft({ records: [record({ subjectCentralId: 'NOBODY-7' })] }),
  },
  {
    name: 'an invalid ID number: the reason in words, not its code',
    code: 'SYNC_ID_NUMBER_INVALID', zh: /（校验位不正确）/,
    file: () => w.craft({ subjects: [person({ idNumber: '110101199003078030' })] }),
  },
  {
    name: 'the same id twice in one file',
    code: 'SYNC_DUPLICATE_ID', zh: /编号“LANG-2”出现了两次/,
    file: () => w.craft({ subjects: [person({ centralId: 'LANG-2' }), person({ centralId: 'LANG-2', idNumber: `11010119900307451${idCheckChar('11010119900307451')}` })] }),
  },
  {
    name: 'a content line that is not JSON',
    code: 'BUNDLE_JSON_INVALID', detail: 'json_syntax', zh: /不是有效的 JSON（第 \d+ 个字符处）/,
    file: () => sealedFile([{ name: 'subjects.jsonl', schema: 'subjects', records: 1, data: Buffer.from(`${JSON.stringify({ schema: 'subjects', schemaVersion: 1, records: 1 })}\n{"kind": person}\n`) }]),
  },
  {
    name: 'a content file whose first line is not the envelope',
    code: 'BUNDLE_JSON_INVALID', detail: 'envelope_shape', zh: /第一行应为/,
    file: () => sealedFile([{ name: 'subjects.jsonl', schema: 'subjects', records: 0, data: Buffer.from('{"schema":"subjects"}\n') }]),
  },
  {
    name: 'a file of a schema this version does not know',
    code: 'BUNDLE_UNKNOWN_SCHEMA', zh: /格式“sanctions”第 1 版不受支持/,
    file: () => sealedFile([{ name: 'sanctions.jsonl', schema: 'sanctions', records: 0, data: encodeJsonLines('sanctions', 1, []) }]),
  },
  {
    name: 'an update signed with the platform\'s keyring root key (a key of another purpose)',
    code: 'BUNDLE_KEY_WRONG_PURPOSE', zh: /签名密钥的用途是“密钥环根密钥”，不能签平台更新包。/,
    file: () => w.craft({ subjects: [person()] }, { sender: { name: 'platform', key: keys().root1 } }),
  },
  {
    name: 'a signature block announcing two signatures: a malformed header, said in Chinese',
    code: 'BUNDLE_HEADER_MALFORMED', detail: 'signature_count', zh: /第 1 版格式的同步包只能带一个签名/,
    file: async () => {
      const path = await w.craft({ subjects: [person()] });
      const bytes = readFileSync(path);
      bytes[PREAMBLE_BYTES + bytes.readUInt32BE(12)] = 2;
      writeFileSync(path, bytes);
      return path;
    },
  },
];

describe('each attack is refused with its own code, in Chinese without English and in English without Chinese', () => {
  before(async () => {
    w = await syncWorld({ subjects: 20, seed: 'refusal-language' });
    await w.importFile(await w.publish(true));
  });
  after(() => w.dispose());

  for (const a of ATTACKS) {
    test(a.name, async () => {
      const e = await refusedUnchanged(w, await a.file(), a.code);
      const r = e as BundleError;
      if (a.detail) assert.equal(r.params.detail, a.detail);
      assert.match(r.messageZh, a.zh);
    });
  }

  test('a calendar that leaves a gap ("Calendar update … leaves a gap…") names the years in Chinese', async () => {
    const year = (y: number) => ({ year: y, days: statutoryHolidays(y).map((d) => ({ date: d.date, kind: 'holiday', name: d.name ?? null })) });
    const e = (await withClock('2027-11-20T02:00:00Z', async () => refusedUnchanged(w, await w.craft({ calendar: [year(2028)] }), 'SYNC_CONTENT_INVALID'))) as BundleError;
    assert.equal(e.params.detail, 'calendar_gap');
    assert.match(e.messageZh, /2028–2028 年的节假日安排与本窗口已有的 \d{4}–2026 年之间缺少年份/);
    assert.match(e.message, /Calendar update 2028–2028 leaves a gap after the stored \d{4}–2026$/);
  });

  // Every bit of the 4-byte length field, flipped: a length beyond the cap is "out of range", every
  // other one is a length that does not match the header — never "one signature only", never a
  // cut-off file, never a bad signature.
  test('attack: a flipped header-length byte has its own code, BUNDLE_HEADER_LENGTH_MISMATCH', async () => {
    const good = readFileSync(await w.craft({ subjects: [person({ centralId: 'LEN-1' })] }));
    const seen = new Map<string, number>();
    for (let bit = 0; bit < 32; bit++) {
      const bad = Buffer.from(good);
      bad.writeUInt32BE((good.readUInt32BE(12) ^ 2 ** bit) >>> 0, 12);
      const path = w.file(`length-bit-${bit}.cdbundle`);
      writeFileSync(path, bad);
      const len = bad.readUInt32BE(12);
      const code = len > 64 * 1024 ? 'BUNDLE_HEADER_TOO_LARGE' : 'BUNDLE_HEADER_LENGTH_MISMATCH';
      const e = (await refusedUnchanged(w, path, code)) as BundleError;
      seen.set(code, (seen.get(code) ?? 0) + 1);
      if (code === 'BUNDLE_HEADER_LENGTH_MISMATCH') {
        assert.equal(e.params.declared, len);
        assert.equal(e.params.actual, good.readUInt32BE(12));
        assert.match(e.messageZh, /文件头长度与文件头不符/);
      }
    }
    assert.deepEqual(Object.fromEntries(seen), { BUNDLE_HEADER_LENGTH_MISMATCH: 16, BUNDLE_HEADER_TOO_LARGE: 16 });
    // The genuine bundle still imports afterwards.
    const path = w.file('length-good.cdbundle');
    writeFileSync(path, good);
    assert.equal((await w.importFile(path)).result, 'applied');
  });
});
