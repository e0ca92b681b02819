// The one bundle writer streams: the reader opens what it writes with the same records, and its
// chunk framing is sealStream's at every boundary.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHUNK_SIZE } from '../../../electron/sync/bundle/format';
import { openBundle } from '../../../electron/sync/bundle/index';
import { StreamSealer, openStream, sealStream } from '../../../electron/sync/bundle/stream';
import { writeBundleFile } from '../../../electron/sync/bundle/writeBundle';
import { SUBJECTS, bigRecords, ctx, updateOptions } from './fixtures';

async function* rowsOf(rows: readonly unknown[]): AsyncGenerator<unknown> {
  yield* rows;
}

test('sealed chunk by chunk as the plaintext comes, at every boundary, the stream is the one sealStream makes', () => {
  const key = Buffer.alloc(32, 7);
  for (const size of [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE, CHUNK_SIZE + 1, 2 * CHUNK_SIZE, 3 * CHUNK_SIZE + 5]) {
    const plain = Buffer.alloc(size, 0x61);
    const parts: Buffer[] = [];
    const sealer = new StreamSealer(key, (c) => parts.push(c));
    for (let off = 0; off < size; off += 1000) sealer.push(plain.subarray(off, off + 1000));
    sealer.end();
    assert.deepEqual(Buffer.concat(parts), sealStream(key, plain), `size ${size}`);
    assert.deepEqual(openStream(key, Buffer.concat(parts)), plain);
  }
});

test('a bundle written as a stream opens with the same records, gzip and identity, in several chunks', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cd-wstream-'));
  try {
    const big = bigRecords(5000);
    const { files: _files, ...envelope } = updateOptions();
    const path = join(dir, 'streamed.cdbundle');
    const w = await writeBundleFile(path, envelope, [
      { name: 'subjects.jsonl', schema: 'subjects', schemaVersion: 1, records: SUBJECTS.length, rows: () => rowsOf(SUBJECTS) },
      { name: 'records.jsonl', schema: 'records', schemaVersion: 1, records: big.length, rows: () => rowsOf(big), compress: true },
    ]);
    const opened = openBundle(readFileSync(path), ctx());
    assert.equal(opened.bundleHash, w.bundleHash);
    assert.deepEqual(opened.files.get('subjects.jsonl')?.records, SUBJECTS);
    assert.deepEqual(opened.files.get('records.jsonl')?.records, big);
    // A source that yields other than it declared is a bug of the writer's caller: nothing is written.
    await assert.rejects(writeBundleFile(join(dir, 'short.cdbundle'), envelope, [
      { name: 'subjects.jsonl', schema: 'subjects', schemaVersion: 1, records: SUBJECTS.length + 1, rows: () => rowsOf(SUBJECTS) },
    ]), /rows came/);
    assert.deepEqual(readdirSync(dir).sort(), ['streamed.cdbundle']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

