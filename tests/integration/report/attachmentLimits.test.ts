import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { ATTACHMENT_MAX_BYTES } from '../../../shared/contract/reports';
import { openTestCore, type TestCore } from '../../support/core';
import { databaseContentHash } from '../../support/dbHash';
import { pngScan } from '../../support/images';

// Scanned letters and evidence: a few pages at 300 dpi must fit; anything larger is refused in
// plain words and nothing is stored.
let core: TestCore;
beforeEach(async () => {
  core = await openTestCore();
});
afterEach(() => core.dispose());

// A real PNG padded after its end to exactly `size` bytes: the limit is on what is received.
const png = (size: number) => {
  const image = pngScan(16, 16);
  return Buffer.concat([image, Buffer.alloc(size - image.length, 7)]).toString('base64');
};

test('a scan at the size limit is stored; one byte more is refused and nothing changes', async () => {
  const { token } = await core.loginAs('clerk');
  const ok = await core.ok('attachment.upload', { fileName: 'letter.png', mimeType: 'image/png', dataBase64: png(ATTACHMENT_MAX_BYTES) }, token);
  // Stored re-encoded: the padding after the image data is gone.
  assert.ok(ok.sizeBytes < 10_000, String(ok.sizeBytes));
  const before = await databaseContentHash(core.ctx.db);
  const r = await core.call('attachment.upload', { fileName: 'big.png', mimeType: 'image/png', dataBase64: png(ATTACHMENT_MAX_BYTES + 1) }, token);
  assert.ok(!r.ok && r.error.code === 'ATTACHMENT_TOO_LARGE', JSON.stringify(r).slice(0, 200));
  assert.equal(await databaseContentHash(core.ctx.db), before);
});
