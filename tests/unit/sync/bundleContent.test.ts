// bundle-security.md, "Content", the format-level lines; record-level business checks (ID
// numbers, duplicate record ids, unknown objection outcomes) belong to the database layer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { openBundle } from '../../../electron/sync/bundle/index';
import { checkFileName } from '../../../electron/sync/bundle/archiveNames';
import { BundleError } from '../../../electron/sync/bundle/errors';
import { refusesEitherWay } from './expect';
import { SUBJECTS, SUBJECTS_DATA, bigRecords, contentBundle, ctx, entryFor, goodBundle, updateOptions } from './fixtures';
import { checkEnvelope } from '../../../electron/sync/bundle/index';
import { streamContent } from '../../../electron/sync/bundle/contentStream';

const A = SUBJECTS_DATA;

test('the content fixture itself opens, whole and streamed', async () => {
  const b = contentBundle([entryFor('a.jsonl', A)], [{ name: 'a.jsonl', stored: A }]);
  const opened = openBundle(b, ctx());
  assert.deepEqual(opened.files.get('a.jsonl')?.records, SUBJECTS);
  const streamed: unknown[] = [];
  await streamContent(checkEnvelope(b, ctx()), ctx().supportsSchema, { onRecord: (_e, v) => void streamed.push(v) });
  assert.deepEqual(streamed, SUBJECTS);
});

test('streamed: a large compressed file in many chunks gives every record once, in order, with its line', async () => {
  // Text that does not compress away, so the gzip file too spans many chunks and inflate steps.
  const rows = bigRecords(20_000).map((r, i) => ({ ...r, noise: createHash('sha256').update(String(i)).digest('hex') }));
  const b = await goodBundle({ files: [{ name: 'subjects.jsonl', schema: 'subjects', schemaVersion: 1, records: rows, compress: true }] });
  assert.ok(b.length > 4 * 64 * 1024, 'spans several chunks');
  let n = 0;
  await streamContent(checkEnvelope(b, ctx()), ctx().supportsSchema, {
    onRecord: async (entry, v, line) => {
      assert.equal(entry.name, 'subjects.jsonl');
      assert.deepEqual(v, rows[n]);
      assert.equal(line, n + 2);
      n++;
      if (n % 1000 === 0) await new Promise((r) => setImmediate(r)); // a caller may pause the stream
    },
  });
  assert.equal(n, rows.length);
});

test('manifest lists a file that is missing', async () => {
  const b = contentBundle([entryFor('a.jsonl', A), entryFor('b.jsonl', A)], [{ name: 'a.jsonl', stored: A }]);
  await refusesEitherWay(b, ctx(), 'BUNDLE_FILE_MISSING');
});

test('a file not in the manifest', async () => {
  const b = contentBundle([entryFor('a.jsonl', A)], [{ name: 'a.jsonl', stored: A }, { name: 'extra.jsonl', stored: A }]);
  await refusesEitherWay(b, ctx(), 'BUNDLE_FILE_UNLISTED');
});

test('hash mismatch', async () => {
  const tampered = Buffer.from(A.toString().replace('张三', '王五'));
  const b = contentBundle([entryFor('a.jsonl', A)], [{ name: 'a.jsonl', stored: tampered }]);
  await refusesEitherWay(b, ctx(), 'BUNDLE_FILE_HASH_MISMATCH');
});

test('actual size larger than declared', async () => {
  const b = contentBundle([entryFor('a.jsonl', A, { size: A.length - 10 })], [{ name: 'a.jsonl', stored: A }]);
  await refusesEitherWay(b, ctx(), 'BUNDLE_FILE_SIZE_MISMATCH');
});

test('declared size of 10 TB', async () => {
  const b = contentBundle([entryFor('a.jsonl', A, { size: 10 * 2 ** 40 })], [{ name: 'a.jsonl', stored: A }]);
  await refusesEitherWay(b, ctx(), 'BUNDLE_FILE_TOO_LARGE');
});

test('a path with ../ (in the manifest and in an entry)', async () => {
  await refusesEitherWay(contentBundle([entryFor('../etc/passwd', A)], [{ name: '../etc/passwd', stored: A }]), ctx(), 'BUNDLE_UNSAFE_PATH');
  await refusesEitherWay(contentBundle([entryFor('a.jsonl', A)], [{ name: '../a.jsonl', stored: A }]), ctx(), 'BUNDLE_UNSAFE_PATH');
});

test('unsafe and disallowed names are refused by the allowlist', async () => {
  for (const name of ['..', 'a/../b', '/abs', 'C:evil', 'a\\b', 'a\u0000b', './a']) {
    assert.throws(() => checkFileName(name), (e: unknown) => e instanceof BundleError && e.code === 'BUNDLE_UNSAFE_PATH', name);
  }
  for (const name of ['', 'A.jsonl', 'dir/a.jsonl', 'é.jsonl', 'e\u0301.jsonl', '.hidden', 'a..b', 'x'.repeat(65)]) {
    assert.throws(() => checkFileName(name), (e: unknown) => e instanceof BundleError && e.code === 'BUNDLE_BAD_FILE_NAME', name);
  }
  assert.doesNotThrow(() => checkFileName('records-0001.jsonl'));
});

test('an entry name that is not UTF-8', async () => {
  const raw = contentBundle([entryFor('a.jsonl', A)], [{ name: '\udc80.jsonl', stored: A }]);
  await refusesEitherWay(raw, ctx(), 'BUNDLE_BAD_FILE_NAME');
});

test('duplicate entries (in the archive and in the manifest)', async () => {
  const entry = { name: 'a.jsonl', stored: A };
  await refusesEitherWay(contentBundle([entryFor('a.jsonl', A)], [entry, entry]), ctx(), 'BUNDLE_DUPLICATE_ENTRY');
  await refusesEitherWay(contentBundle([entryFor('a.jsonl', A), entryFor('a.jsonl', A)], [entry]), ctx(), 'BUNDLE_DUPLICATE_ENTRY');
});

test('a compression bomb stops at the declared size', async () => {
  const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024));
  assert.ok(bomb.length < 64 * 1024);
  const b = contentBundle([entryFor('a.jsonl', A, { encoding: 'gzip' })], [{ name: 'a.jsonl', stored: bomb }]);
  await refusesEitherWay(b, ctx(), 'BUNDLE_COMPRESSION_BOMB');
});

test('JSON nested 100,000 deep is refused without exhausting the stack', async () => {
  const deep = Buffer.from(`{"schema":"subjects","schemaVersion":1,"records":1}\n${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  const b = contentBundle([entryFor('a.jsonl', deep, { records: 1 })], [{ name: 'a.jsonl', stored: deep }]);
  await refusesEitherWay(b, ctx(), 'BUNDLE_JSON_TOO_DEEP');
});

test('an over-long string is refused', async () => {
  const long = Buffer.from(`{"schema":"subjects","schemaVersion":1,"records":1}\n${JSON.stringify({ s: 'x'.repeat(70_000) })}\n`);
  const b = contentBundle([entryFor('a.jsonl', long, { records: 1 })], [{ name: 'a.jsonl', stored: long }]);
  await refusesEitherWay(b, ctx(), 'BUNDLE_JSON_TOO_LONG');
});

test('a duplicate key inside a record is refused', async () => {
  const dup = Buffer.from('{"schema":"subjects","schemaVersion":1,"records":1}\n{"id":"s1","id":"s2"}\n');
  const b = contentBundle([entryFor('a.jsonl', dup, { records: 1 })], [{ name: 'a.jsonl', stored: dup }]);
  await refusesEitherWay(b, ctx(), 'BUNDLE_JSON_INVALID');
});

test('record count differing from the manifest', async () => {
  const b = contentBundle([entryFor('a.jsonl', A, { records: 3 })], [{ name: 'a.jsonl', stored: A }]);
  await refusesEitherWay(b, ctx(), 'BUNDLE_RECORD_COUNT_MISMATCH');
});

test('a good bundle still opens after tampered copies were refused', async () => {
  const good = await goodBundle({ files: [{ name: 'subjects.jsonl', schema: 'subjects', schemaVersion: 1, records: SUBJECTS, compress: true }] });
  const pristine = Buffer.from(good);
  const codes = new Set<string>();
  for (const at of [0, 9, 13, 40, 120, good.length - 200, good.length - 1]) {
    const copy = Buffer.from(good);
    copy[at] = (copy[at] ?? 0) ^ 0x20;
    assert.throws(() => openBundle(copy, ctx()), (e: unknown) => e instanceof BundleError && Boolean(codes.add(e.code)));
  }
  assert.throws(() => openBundle(good.subarray(0, good.length - 1), ctx()), BundleError);
  assert.ok(codes.size >= 3, [...codes].join(','));
  assert.ok(good.equals(pristine), 'refusals must not modify the input');
  assert.deepEqual(openBundle(good, ctx()).files.get('subjects.jsonl')?.records, SUBJECTS);
  assert.equal(updateOptions().sequence, 1);
});
