// Attachments written as the attack: a file is judged by what it decodes to, not by its first bytes.
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { afterEach, test } from 'node:test';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { openCore } from '../../../electron/core';
import { CASE_QUOTA_SETTING, OFFICE_QUOTA_SETTING } from '../../../electron/services/attachmentQuota';
import { removeUnlinkedUploads } from '../../../electron/services/attachmentMaintenance';
import { attachmentPath } from '../../../electron/services/attachmentService';
import { setSetting } from '../../../electron/store/settingsStore';
import { openTestCore, TEST_UNLOCK, type TestCore } from '../../support/core';
import { databaseContentHash } from '../../support/dbHash';
import { jpegScan, pdfDocument, pngScan } from '../../support/images';
import { caseWorld, recordId, type CaseWorld } from '../cases/fixtures';

let core: TestCore | undefined;
let world: CaseWorld | undefined;
afterEach(async () => {
  await core?.dispose();
  await world?.core.dispose();
  core = undefined;
  world = undefined;
});

async function clerkCore() {
  core = await openTestCore();
  return { core, token: (await core.loginAs('clerk')).token };
}
const upload = (c: TestCore, token: string, mimeType: 'image/png' | 'image/jpeg' | 'application/pdf', bytes: Buffer) =>
  c.call('attachment.upload', { fileName: 'scan', mimeType, dataBase64: bytes.toString('base64') }, token);
const served = async (c: TestCore, token: string, sha256: string) => Buffer.from((await c.ok('attachment.get', { sha256 }, token)).dataBase64, 'base64');

test('a PNG with a script appended and a text chunk is stored as its pixels only', async () => {
  const { core: c, token } = await clerkCore();
  const image = pngScan(6, 5);
  // A tEXt chunk before IEND (metadata) and an HTML/JS payload after it (a polyglot).
  const iend = image.length - 12;
  const text = Buffer.from('tEXtComment\0<script>alert(1)</script>', 'latin1');
  const chunk = Buffer.concat([Buffer.alloc(4), text, Buffer.alloc(4)]);
  chunk.writeUInt32BE(text.length - 4, 0);
  const { crc32 } = await import('node:zlib').then((z) => z as unknown as { crc32?: (b: Buffer) => number });
  chunk.writeUInt32BE(crc32 ? crc32(text) >>> 0 : 0, chunk.length - 4);
  const hostile = Buffer.concat([image.subarray(0, iend), crc32 ? chunk : Buffer.alloc(0), image.subarray(iend), Buffer.from('<html><script>fetch("/api")</script>')]);
  const r = await upload(c, token, 'image/png', hostile);
  assert.ok(r.ok, JSON.stringify(r));
  const back = await served(c, token, r.value.sha256);
  assert.ok(!back.toString('latin1').includes('<script'), 'no script survives');
  assert.ok(!back.toString('latin1').includes('tEXt'), 'no metadata chunk survives');
  const decoded = PNG.sync.read(back);
  assert.deepEqual([decoded.width, decoded.height], [6, 5]);
  assert.deepEqual(decoded.data, PNG.sync.read(image).data, 'the same pixels');
});

test('a PNG signature followed by anything that does not decode is refused, and nothing is stored', async () => {
  const { core: c, token } = await clerkCore();
  const before = await databaseContentHash(c.ctx.db);
  const fake = Buffer.concat([pngScan().subarray(0, 8), Buffer.from('<?php system($_GET[1]); ?>')]);
  const r = await upload(c, token, 'image/png', fake);
  assert.equal(!r.ok && r.error.code, 'ATTACHMENT_INVALID');
  assert.equal(await databaseContentHash(c.ctx.db), before);
});

test('a JPEG with a comment segment and a zip appended is re-encoded; a JPEG that does not decode is refused', async () => {
  const { core: c, token } = await clerkCore();
  const image = jpegScan(16, 8);
  const comment = Buffer.from('MALICIOUS-COMMENT', 'latin1');
  const com = Buffer.concat([Buffer.from([0xff, 0xfe, 0, comment.length + 2]), comment]);
  const hostile = Buffer.concat([image.subarray(0, 2), com, image.subarray(2), Buffer.from('PK\x03\x04payload', 'latin1')]);
  const r = await upload(c, token, 'image/jpeg', hostile);
  assert.ok(r.ok, JSON.stringify(r));
  const back = await served(c, token, r.value.sha256);
  assert.ok(!back.includes(comment) && !back.includes(Buffer.from('PK\x03\x04', 'latin1')));
  const decoded = jpeg.decode(back);
  assert.deepEqual([decoded.width, decoded.height], [16, 8]);
  const broken = await upload(c, token, 'image/jpeg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('not a jpeg at all')]));
  assert.equal(!broken.ok && broken.error.code, 'ATTACHMENT_INVALID');
});

test('PDFs with active content are refused, in plain text, escaped or packed in an object stream; a plain PDF is kept as it is', async () => {
  const { core: c, token } = await clerkCore();
  const objStm = (inner: string, filter = '/FlateDecode') => {
    const data = filter === '/FlateDecode' ? deflateSync(Buffer.from(inner, 'latin1')) : Buffer.from(inner, 'latin1');
    return `4 0 obj << /Type /ObjStm /N 1 /First 4 /Filter ${filter} /Length ${data.length} >>\nstream\n${data.toString('latin1')}\nendstream\nendobj`;
  };
  const attacks: [string, Buffer][] = [
    ['OpenAction JavaScript', pdfDocument('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>')],
    ['escaped name', pdfDocument('/OpenAction << /S /J#61vaScript /J#53 (app.alert(1)) >>')],
    ['additional actions', pdfDocument('/AA << /O << /S /Launch /F (cmd.exe) >> >>')],
    ['embedded file', pdfDocument('/Names << /EmbeddedFiles 5 0 R >>')],
    ['XFA form', pdfDocument('/AcroForm << /XFA 6 0 R >>')],
    ['rich media', pdfDocument('', ['7 0 obj << /Type /Annot /Subtype /RichMedia >> endobj'])],
    ['script inside a compressed object stream', pdfDocument('', [objStm('5 0 << /S /JavaScript /JS (app.alert(1)) >>')])],
    ['object stream that cannot be inspected', pdfDocument('', [objStm('5 0 << /Type /Font >>', '/LZWDecode')])],
  ];
  const before = await databaseContentHash(c.ctx.db);
  for (const [name, pdf] of attacks) {
    const r = await upload(c, token, 'application/pdf', pdf);
    assert.equal(!r.ok && r.error.code, 'ATTACHMENT_INVALID', name);
    assert.match(!r.ok ? r.error.message : '', /active content/, name);
  }
  assert.equal(await databaseContentHash(c.ctx.db), before, 'nothing stored');
  const plain = pdfDocument('/PageMode /UseNone', [objStm('5 0 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')]);
  const ok = await upload(c, token, 'application/pdf', plain);
  assert.ok(ok.ok, JSON.stringify(ok));
  assert.deepEqual(await served(c, token, ok.value.sha256), plain);
});

test('the office quota and the per-case quota refuse what would exceed them', async () => {
  world = await caseWorld('2026-11-20T02:00:00Z');
  const c = world.core;
  const a = await c.ok('attachment.upload', { fileName: 'a.png', mimeType: 'image/png', dataBase64: pngScan(40, 40).toString('base64') }, world.clerk);
  const b = await c.ok('attachment.upload', { fileName: 'b.png', mimeType: 'image/png', dataBase64: pngScan(41, 40).toString('base64') }, world.clerk);
  await setSetting(c.ctx.db, CASE_QUOTA_SETTING, String(a.sizeBytes + b.sizeBytes - 1));
  const visitId = await world.visit();
  const input = { visitId, recordIds: [await recordId(c, 'S1-R1')], scope: 'wrong' as const, description: '罚款金额有误', attachments: [{ sha256: a.sha256, fileName: 'a.png' }, { sha256: b.sha256, fileName: 'b.png' }] };
  const tooMuch = await c.call('objection.intake', input, world.clerk);
  assert.ok(!tooMuch.ok && tooMuch.error.code === 'ATTACHMENT_QUOTA_EXCEEDED' && tooMuch.error.details?.scope === 'case', JSON.stringify(tooMuch));
  assert.equal((await c.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM objection'))?.n, 0);
  const one = await c.call('objection.intake', { ...input, attachments: [{ sha256: a.sha256, fileName: 'a.png' }] }, world.clerk);
  assert.ok(one.ok, JSON.stringify(one));

  await setSetting(c.ctx.db, OFFICE_QUOTA_SETTING, String(a.sizeBytes + b.sizeBytes + 10));
  const full = await c.call('attachment.upload', { fileName: 'c.png', mimeType: 'image/png', dataBase64: pngScan(42, 40).toString('base64') }, world.clerk);
  assert.ok(!full.ok && full.error.code === 'ATTACHMENT_QUOTA_EXCEEDED' && full.error.details?.scope === 'office', JSON.stringify(full));
});

test('an upload never linked to a visit or case is removed after a day, at start and by the maintenance step; linked ones stay', async () => {
  world = await caseWorld('2026-11-20T02:00:00Z');
  const c = world.core;
  const send = async (w: number) => c.ok('attachment.upload', { fileName: 'x.png', mimeType: 'image/png', dataBase64: pngScan(w, 3).toString('base64') }, world!.clerk);
  const abandoned = await send(3);
  const kept = await send(4);
  const visitId = await world.visit();
  await c.ok('objection.intake', { visitId, recordIds: [await recordId(c, 'S1-R1')], scope: 'wrong', description: '罚款金额有误', attachments: [{ sha256: kept.sha256, fileName: 'kept.png' }] }, world.clerk);
  const rows = async () => (await c.ctx.db.all<{ sha256: string }>('SELECT sha256 FROM attachment ORDER BY sha256')).map((r) => r.sha256);

  // Under a day old: nothing goes, and reading it does not change that.
  await world.travel(new Date('2026-11-21T01:00:00Z'));
  assert.equal(await removeUnlinkedUploads(c.ctx), 0);
  assert.equal((await rows()).length, 2);

  await world.travel(new Date('2026-11-21T03:00:00Z'));
  const fresh = await send(5);
  assert.equal(await removeUnlinkedUploads(c.ctx), 1);
  assert.deepEqual(await rows(), [kept.sha256, fresh.sha256].sort());
  assert.ok(!existsSync(attachmentPath(c.dir, abandoned.sha256)), 'the file is gone too');
  assert.ok(existsSync(attachmentPath(c.dir, kept.sha256)));
  assert.equal((await c.ctx.db.get<{ n: number }>("SELECT count(*) AS n FROM audit_event WHERE action = 'attachment.expire'"))?.n, 1);

  // At start: the core opened two days later removes the fresh abandoned upload by itself.
  await c.close();
  const later = await openCore({ dataDir: c.dir, unlock: TEST_UNLOCK, now: () => new Date('2026-11-23T03:00:00Z') });
  try {
    await later.startupJobs;
    assert.deepEqual((await later.ctx.db.all<{ sha256: string }>('SELECT sha256 FROM attachment')).map((r) => r.sha256), [kept.sha256]);
  } finally {
    await later.close();
    rmSync(c.dir, { recursive: true, force: true });
    world = undefined;
  }
});
