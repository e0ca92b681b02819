import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BundleError, inspectBundle, openBundle, writeBundleFile, inMemory } from '../../../electron/sync/bundle/index';
import { writeBundle } from '../../support/bundleBytes';
import { fingerprint, keyIdOf } from '../../../electron/sync/bundle/index';
import { pae } from '../../../electron/sync/bundle/pae';
import { nonceFor } from '../../../electron/sync/bundle/stream';
import { ctx, OFFICE, SUBJECTS, updateOptions } from './fixtures';

test('a good bundle round-trips: header, manifest and records', async () => {
  const w = await writeBundle(updateOptions());
  const opened = openBundle(w.bytes, ctx());
  assert.equal(opened.bundleHash, w.bundleHash);
  assert.equal(opened.header.recipient.name, OFFICE);
  assert.deepEqual(opened.channel, { sender: 'platform', recipient: OFFICE, channel: 'update' });
  const f = opened.files.get('subjects.jsonl');
  assert.ok(f);
  assert.deepEqual(f.records, SUBJECTS);
  assert.equal(f.entry.records, 2);
  assert.equal(opened.manifest.files.length, 1);
});

test('a multi-megabyte payload spanning many chunks round-trips, compressed and not', async () => {
  const records = Array.from({ length: 40_000 }, (_, i) => ({ id: `r${i}`, text: `记录 ${i} `.repeat(8), n: i }));
  const w = await writeBundle(updateOptions({
    files: [
      { name: 'records.jsonl', schema: 'records', schemaVersion: 1, records },
      { name: 'records-gz.jsonl', schema: 'records', schemaVersion: 1, records, compress: true },
    ],
  }));
  assert.ok(w.bytes.length > 4 * 1024 * 1024, `bundle is ${w.bytes.length} bytes`);
  const opened = openBundle(w.bytes, ctx());
  assert.deepEqual(opened.files.get('records.jsonl')?.records, records);
  assert.deepEqual(opened.files.get('records-gz.jsonl')?.records, records);
});

test('inspectBundle shows the header without keys', async () => {
  const w = await writeBundle(updateOptions());
  const info = inspectBundle(w.bytes);
  assert.equal(info.header.sequence, 1);
  assert.equal(info.bundleHash, w.bundleHash);
});

test('writeBundleFile writes atomically (no part or temporary file stays) and the file opens by path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-bundle-'));
  try {
    const path = join(dir, 'export-1.cdb');
    const { files, ...envelope } = updateOptions();
    const w = await writeBundleFile(path, envelope, files.map(inMemory));
    assert.deepEqual(readdirSync(dir), ['export-1.cdb']);
    assert.equal(openBundle(path, ctx()).bundleHash, w.bundleHash);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('errors carry a code and sentences in both languages', async () => {
  const w = await writeBundle(updateOptions({ recipient: { name: '370306-05', publicKey: updateOptions().recipient.publicKey } }));
  assert.throws(() => openBundle(w.bytes, ctx()), (e: unknown) => {
    assert.ok(e instanceof BundleError);
    assert.equal(e.code, 'BUNDLE_RECIPIENT_MISMATCH');
    assert.match(e.message, /made for office 370306-05/);
    assert.match(e.messageZh, /370306-05/);
    return true;
  });
});

test('PAE matches the DSSE specification example', async () => {
  assert.equal(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString(),
    'DSSEv1 29 http://example.com/HelloWorld 11 hello world');
});

test('key id is SHA-256 of the raw key; fingerprint groups it; nonce layout', async () => {
  const id = keyIdOf(Buffer.alloc(32));
  assert.equal(id, '66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925');
  assert.equal(fingerprint(id).split(' ').length, 16);
  assert.equal(nonceFor(258, true).toString('hex'), '000000000000000000010201');
});
