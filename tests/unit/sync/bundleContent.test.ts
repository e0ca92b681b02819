// bundle-security.md, "Content", the format-level lines; record-level business checks (ID
// numbers, duplicate record ids, unknown objection outcomes) belong to the database layer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { openBundle } from '../../../electron/sync/bundle/index';
import { checkFileName } from '../../../electron/sync/bundle/archiveNames';
import { BundleError } from '../../../electron/sync/bundle/errors';
import { refuses } from './expect';
import { SUBJECTS, SUBJECTS_DATA, contentBundle, ctx, entryFor, goodBundle, updateOptions } from './fixtures';

const A = SUBJECTS_DATA;

test('the content fixture itself opens', () => {
  const opened = openBundle(contentBundle([entryFor('a.jsonl', A)], [{ name: 'a.jsonl', stored: A }]), ctx());
  assert.deepEqual(opened.files.get('a.jsonl')?.records, SUBJECTS);
});

test('manifest lists a file that is missing', () => {
  const b = contentBundle([entryFor('a.jsonl', A), entryFor('b.jsonl', A)], [{ name: 'a.jsonl', stored: A }]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_FILE_MISSING');
});

test('a file not in the manifest', () => {
  const b = contentBundle([entryFor('a.jsonl', A)], [{ name: 'a.jsonl', stored: A }, { name: 'extra.jsonl', stored: A }]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_FILE_UNLISTED');
});

test('hash mismatch', () => {
  const tampered = Buffer.from(A.toString().replace('张三', '王五'));
  const b = contentBundle([entryFor('a.jsonl', A)], [{ name: 'a.jsonl', stored: tampered }]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_FILE_HASH_MISMATCH');
});

test('actual size larger than declared', () => {
  const b = contentBundle([entryFor('a.jsonl', A, { size: A.length - 10 })], [{ name: 'a.jsonl', stored: A }]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_FILE_SIZE_MISMATCH');
});

test('declared size of 10 TB', () => {
  const b = contentBundle([entryFor('a.jsonl', A, { size: 10 * 2 ** 40 })], [{ name: 'a.jsonl', stored: A }]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_FILE_TOO_LARGE');
});

test('a path with ../ (in the manifest and in an entry)', () => {
  refuses(() => openBundle(contentBundle([entryFor('../etc/passwd', A)], [{ name: '../etc/passwd', stored: A }]), ctx()), 'BUNDLE_UNSAFE_PATH');
  refuses(() => openBundle(contentBundle([entryFor('a.jsonl', A)], [{ name: '../a.jsonl', stored: A }]), ctx()), 'BUNDLE_UNSAFE_PATH');
});

test('unsafe and disallowed names are refused by the allowlist', () => {
  for (const name of ['..', 'a/../b', '/abs', 'C:evil', 'a\\b', 'a\u0000b', './a']) {
    assert.throws(() => checkFileName(name), (e: unknown) => e instanceof BundleError && e.code === 'BUNDLE_UNSAFE_PATH', name);
  }
  for (const name of ['', 'A.jsonl', 'dir/a.jsonl', 'é.jsonl', 'e\u0301.jsonl', '.hidden', 'a..b', 'x'.repeat(65)]) {
    assert.throws(() => checkFileName(name), (e: unknown) => e instanceof BundleError && e.code === 'BUNDLE_BAD_FILE_NAME', name);
  }
  assert.doesNotThrow(() => checkFileName('records-0001.jsonl'));
});

test('an entry name that is not UTF-8', () => {
  const raw = contentBundle([entryFor('a.jsonl', A)], [{ name: '\udc80.jsonl', stored: A }]);
  refuses(() => openBundle(raw, ctx()), 'BUNDLE_BAD_FILE_NAME');
});

test('duplicate entries (in the archive and in the manifest)', () => {
  const entry = { name: 'a.jsonl', stored: A };
  refuses(() => openBundle(contentBundle([entryFor('a.jsonl', A)], [entry, entry]), ctx()), 'BUNDLE_DUPLICATE_ENTRY');
  refuses(() => openBundle(contentBundle([entryFor('a.jsonl', A), entryFor('a.jsonl', A)], [entry]), ctx()), 'BUNDLE_DUPLICATE_ENTRY');
});

test('a compression bomb stops at the declared size', () => {
  const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024));
  assert.ok(bomb.length < 64 * 1024);
  const b = contentBundle([entryFor('a.jsonl', A, { encoding: 'gzip' })], [{ name: 'a.jsonl', stored: bomb }]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_COMPRESSION_BOMB');
});

test('JSON nested 100,000 deep is refused without exhausting the stack', () => {
  const deep = Buffer.from(`{"schema":"subjects","schemaVersion":1,"records":1}\n${'['.repeat(100_000)}${']'.repeat(100_000)}\n`);
  const b = contentBundle([entryFor('a.jsonl', deep, { records: 1 })], [{ name: 'a.jsonl', stored: deep }]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_JSON_TOO_DEEP');
});

test('an over-long string is refused', () => {
  const long = Buffer.from(`{"schema":"subjects","schemaVersion":1,"records":1}\n${JSON.stringify({ s: 'x'.repeat(70_000) })}\n`);
  const b = contentBundle([entryFor('a.jsonl', long, { records: 1 })], [{ name: 'a.jsonl', stored: long }]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_JSON_TOO_LONG');
});

test('a duplicate key inside a record is refused', () => {
  const dup = Buffer.from('{"schema":"subjects","schemaVersion":1,"records":1}\n{"id":"s1","id":"s2"}\n');
  const b = contentBundle([entryFor('a.jsonl', dup, { records: 1 })], [{ name: 'a.jsonl', stored: dup }]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_JSON_INVALID');
});

test('record count differing from the manifest', () => {
  const b = contentBundle([entryFor('a.jsonl', A, { records: 3 })], [{ name: 'a.jsonl', stored: A }]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_RECORD_COUNT_MISMATCH');
});

test('a good bundle still opens after tampered copies were refused', () => {
  const good = goodBundle({ files: [{ name: 'subjects.jsonl', schema: 'subjects', schemaVersion: 1, records: SUBJECTS, compress: true }] });
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
