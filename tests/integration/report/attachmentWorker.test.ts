// Issue 29, item 6, written as the attack: one 186 KB PNG of 7000 × 7000 pixels froze the whole
// host for 12.3 s while it was re-encoded. Images are now refused above what a 300-dpi A3 scan needs
// before anything is decoded, and what is decoded is decoded in a worker thread with a heap and a
// time limit, while the counter goes on answering.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { PNG } from 'pngjs';
import { attachmentJobs } from '../../../electron/services/attachments/attachmentSanitize';
import { MAX_PIXELS } from '../../../electron/services/attachments/imageDimensions';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { openTestCore, type TestCore } from '../../support/core';
import { databaseContentHash } from '../../support/dbHash';
import { blankPng, jpegScan, pngScan } from '../../support/images';

let core: TestCore;
let token: string;
beforeEach(async () => {
  core = await openTestCore();
  token = (await core.loginAs('clerk')).token;
});
afterEach(() => core.dispose());

const upload = (mimeType: 'image/png' | 'image/jpeg' | 'application/pdf', bytes: Buffer) =>
  core.call('attachment.upload', { fileName: 'scan', mimeType, dataBase64: bytes.toString('base64') }, token);
const storedFiles = () => (existsSync(join(core.dir, 'attachments')) ? readdirSync(join(core.dir, 'attachments')) : []);
/** Runs `body` with the worker's limits lowered through the environment, as an operator could. */
async function withLimits<T>(env: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}
// An A4 page scanned at 300 dpi: allowed, and a second or two of decoding and encoding.
const A4_300DPI = () => blankPng(2480, 3508);

test('attack: a 7000 × 7000 PNG (49 MP, under the old 60 MP cap) is refused before it is decoded, naming its size; nothing is stored', async () => {
  const bomb = blankPng(7000, 7000);
  assert.ok(bomb.length < 200_000, `small on disk: ${bomb.length} bytes`);
  let workers = 0;
  const count = () => workers++;
  attachmentJobs.on('start', count);
  const before = await databaseContentHash(core.ctx.db);
  try {
    const r = await upload('image/png', bomb);
    assert.ok(!r.ok, 'accepted');
    assert.deepEqual([r.error.code, r.error.details?.reason, r.error.details?.width, r.error.details?.height], ['ATTACHMENT_TOO_LARGE', 'image_pixels', 7000, 7000]);
    assert.equal(errorMessage(r.error, 'zh'), '图片为 7000 × 7000 像素（49 百万像素），超过了 A3 纸以 300 dpi 扫描所需的 18 百万像素。请以不超过 300 dpi 的分辨率重新扫描，或减少页数。');
    assert.match(errorMessage(r.error, 'en'), /^The image is 7000 × 7000 pixels \(49 megapixels\), more than the 18 megapixels of an A3 page scanned at 300 dpi\./);
    // A JPEG claiming as much in its frame header is refused the same way.
    const jpeg = jpegScan(16, 16);
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(7000, sof + 5);
    jpeg.writeUInt16BE(7000, sof + 7);
    const j = await upload('image/jpeg', jpeg);
    assert.ok(!j.ok && j.error.details?.reason === 'image_pixels', JSON.stringify(j));
  } finally {
    attachmentJobs.off('start', count);
  }
  assert.equal(workers, 0, 'refused from the header: nothing was decoded');
  assert.equal(await databaseContentHash(core.ctx.db), before);
  assert.deepEqual(storedFiles(), []);
});

test('an A3 page scanned at 300 dpi (3508 × 4961, 17.4 MP) is under the cap; one pixel row more than the cap is not', async () => {
  assert.ok(3508 * 4961 <= MAX_PIXELS);
  const over = await upload('image/png', blankPng(3000, Math.floor(MAX_PIXELS / 3000) + 1));
  assert.ok(!over.ok && over.error.details?.reason === 'image_pixels', JSON.stringify(over));
  const a3 = await upload('image/png', blankPng(3508, 4961));
  assert.ok(a3.ok, JSON.stringify(a3));
});

test('attack: while a large scan is being re-encoded, the counter answers: auth.status returns before the decoding ends', async () => {
  const events: string[] = [];
  let status: Promise<unknown> | undefined;
  const started = () => {
    events.push('decoding started');
    status = core.call('auth.status', {}).then((r) => events.push(r.ok ? 'auth.status answered' : 'auth.status failed'));
  };
  const ended = () => events.push('decoding ended');
  attachmentJobs.once('start', started);
  attachmentJobs.once('end', ended);
  const r = await upload('image/png', A4_300DPI());
  events.push('upload answered');
  await status;
  assert.ok(r.ok, JSON.stringify(r));
  // Before the worker, the decoding held the only thread: auth.status could answer only after it ended.
  assert.deepEqual(events, ['decoding started', 'auth.status answered', 'decoding ended', 'upload answered']);
  const back = PNG.sync.read(Buffer.from((await core.ok('attachment.get', { sha256: r.value.sha256 }, token)).dataBase64, 'base64'));
  assert.deepEqual([back.width, back.height], [2480, 3508]);
});

test('attack: a check that runs past the time limit is stopped and refused in plain words; the process goes on serving', async () => {
  const before = await databaseContentHash(core.ctx.db);
  // The limit lowered to 50 ms, far below what decoding an A4 scan takes (the default is 30 s).
  const r = await withLimits({ CREDITDESK_ATTACHMENT_WORKER_SECONDS: '0.05' }, () => upload('image/png', A4_300DPI()));
  assert.ok(!r.ok, 'accepted');
  assert.deepEqual([r.error.code, r.error.details?.reason], ['ATTACHMENT_TOO_LARGE', 'check_too_slow']);
  assert.equal(errorMessage(r.error, 'zh'), '检查该文件超过了 0.05 秒，已停止并拒绝。请以不超过 300 dpi 的分辨率重新扫描，或减少页数。');
  assert.equal(await databaseContentHash(core.ctx.db), before);
  assert.deepEqual(storedFiles(), []);
  // Still serving, and the next upload is checked as usual.
  assert.ok((await core.call('auth.status', {})).ok);
  assert.ok((await upload('image/png', pngScan(8, 8))).ok);
});

test('attack: a PDF whose objects outgrow the worker\'s heap is stopped and refused in plain words; the process goes on serving', async () => {
  // 600,000 numbers in one array: a 1.2 MB file that pdf-lib turns into far more than 32 MB of objects.
  const pdf = Buffer.from(
    `%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj\n4 0 obj [${'0 '.repeat(600_000)}] endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
  const before = await databaseContentHash(core.ctx.db);
  const r = await withLimits({ CREDITDESK_ATTACHMENT_WORKER_HEAP_MB: '32' }, () => upload('application/pdf', pdf));
  assert.ok(!r.ok, 'accepted');
  assert.deepEqual([r.error.code, r.error.details?.reason, r.error.details?.megabytes], ['ATTACHMENT_TOO_LARGE', 'check_too_much_memory', 32]);
  assert.match(errorMessage(r.error, 'zh'), /^检查该文件需要超过 32 MB 内存，已停止并拒绝。/);
  assert.equal(await databaseContentHash(core.ctx.db), before);
  assert.deepEqual(storedFiles(), []);
  assert.ok((await core.call('auth.status', {})).ok);
  assert.ok((await upload('image/png', pngScan(8, 8))).ok);
});
