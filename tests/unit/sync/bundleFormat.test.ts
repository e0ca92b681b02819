// bundle-security.md, "Format": one test per bad bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openBundle } from '../../../electron/sync/bundle/index';
import { refuses } from './expect';
import { ctx, goodBundle, headerText, resign, withRawHeader } from './fixtures';

test('empty file (bytes and path)', async () => {
  refuses(() => openBundle(Buffer.alloc(0), ctx()), 'BUNDLE_EMPTY');
  const dir = mkdtempSync(join(tmpdir(), 'cd-empty-'));
  try {
    writeFileSync(join(dir, 'x.cdb'), '');
    refuses(() => openBundle(join(dir, 'x.cdb'), ctx()), 'BUNDLE_EMPTY');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('wrong magic', async () => {
  const b = await goodBundle();
  b.write('PK\u0003\u0004', 0, 'latin1');
  refuses(() => openBundle(b, ctx()), 'BUNDLE_BAD_MAGIC');
});

test('unknown format version', async () => {
  const b = await goodBundle();
  b.writeUInt16BE(2, 8);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_UNSUPPORTED_VERSION');
});

test('unknown schema version of a content file', async () => {
  const b = await goodBundle({ files: [{ name: 'subjects.jsonl', schema: 'subjects', schemaVersion: 2, records: [] }] });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_UNKNOWN_SCHEMA');
});

test('header length field of 2^31 is refused before allocating', async () => {
  const b = await goodBundle();
  b.writeUInt32BE(2 ** 31, 12);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_HEADER_TOO_LARGE');
});

test('bundle larger than the cap is refused by size alone', async () => {
  const bundle1 = await goodBundle();
  refuses(() => openBundle(bundle1, ctx({ limits: { maxBundleBytes: 100 } })), 'BUNDLE_TOO_LARGE');
});

test('duplicate JSON key in the (validly signed) header', async () => {
  const b = await goodBundle();
  const text = headerText(b).replace('{', '{"sequence":7,');
  refuses(() => openBundle(withRawHeader(b, text), ctx()), 'BUNDLE_HEADER_DUPLICATE_KEY');
});

test('duplicate key spelled with an escape is still a duplicate', async () => {
  const b = await goodBundle();
  const text = headerText(b).replace('{', '{"sequenc\\u0065":7,');
  refuses(() => openBundle(withRawHeader(b, text), ctx()), 'BUNDLE_HEADER_DUPLICATE_KEY');
});

test('unknown critical field', async () => {
  const b = resign(await goodBundle(), (h) => {
    h.crit = ['deltaEncoding'];
    (h as unknown as Record<string, unknown>).deltaEncoding = 'v2';
  });
  refuses(() => openBundle(b, ctx()), 'BUNDLE_UNKNOWN_CRITICAL');
});

test('reserved flag bit set counts as an unknown critical feature', async () => {
  const b = await goodBundle();
  b.writeUInt16BE(1, 10);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_UNKNOWN_CRITICAL');
});

test('unknown non-critical header field is ignored', async () => {
  const b = resign(await goodBundle(), (h) => { (h as unknown as Record<string, unknown>).comment = 'hello'; });
  assert.equal(openBundle(b, ctx()).header.sequence, 1);
});

test('trailing bytes after the final chunk', async () => {
  const b = Buffer.concat([await goodBundle(), Buffer.from('extra')]);
  refuses(() => openBundle(b, ctx()), 'BUNDLE_TRAILING_DATA');
});
