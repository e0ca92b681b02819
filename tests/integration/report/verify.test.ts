import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeQr, pdfText, rasterPages } from '../../support/pdf';
import { openWorld, person, record, type World } from './world';

let w: World;
const subject = person(31, '欧阳娜娜', (id) => [record(id, { category: 'admin_licence', title: 'licence-v' })]);

before(async () => {
  w = await openWorld();
  await w.seed(subject);
});
after(() => w.core.dispose());

function changeOne(s: string, at: number): string {
  const c = s[at]!;
  const alphabet = /[0-9A-Z]/.test(c) ? '0123456789ABCDEFGHJKMNPQRSTVWXYZ' : 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  const replacement = [...alphabet].find((x) => x !== c)!;
  return s.slice(0, at) + replacement + s.slice(at + 1);
}

test('the genuine number and code verify; any one-character change of the code does not', async () => {
  const auditor = (await w.core.loginAs('auditor')).token;
  const issued = await w.core.ok('report.issue', { visitId: await w.lookupSelf(subject), confirmBeyondFree: true }, w.clerk);
  assert.match(issued.verifyCode, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const ok = await w.core.ok('report.verify', { reportNo: issued.reportNo, code: issued.verifyCode.toLowerCase().replaceAll('-', ' ') }, auditor);
  assert.equal(ok.genuine, true);
  assert.equal(ok.subjectNameMasked, '欧阳**');
  assert.equal(ok.counts?.licences, 1);
  assert.equal(ok.office?.code, w.core.ctx.office.code);
  const code = issued.verifyCode.replaceAll('-', '');
  for (let i = 0; i < code.length; i += 1) {
    const bad = await w.core.ok('report.verify', { reportNo: issued.reportNo, code: changeOne(code, i) }, auditor);
    assert.equal(bad.genuine, false, `position ${i}`);
    assert.equal(bad.failure, 'code_mismatch');
  }
  const unknown = await w.core.ok('report.verify', { reportNo: 'NOPE-1', code: issued.verifyCode }, auditor);
  assert.equal(unknown.failure, 'not_found');
});

test('the QR text verifies offline; every one-character change is rejected', async () => {
  const issued = await w.core.ok('report.issue', { visitId: await w.lookupSelf(subject), confirmBeyondFree: true }, w.clerk);
  const row = await w.core.ctx.db.get<{ qr_payload: string }>('SELECT qr_payload FROM report WHERE id = ?', [issued.reportId]);
  const qr = row!.qr_payload;
  const good = await w.core.ok('report.verify', { qrText: qr }, w.clerk);
  assert.equal(good.genuine, true);
  assert.equal(good.reportNo, issued.reportNo);
  // Every position: the prefix, the sealed JSON, both dots and the signature.
  const failures = new Set<string>();
  for (let i = 0; i < qr.length; i += 1) {
    const bad = await w.core.ok('report.verify', { qrText: changeOne(qr, i) }, w.clerk);
    assert.equal(bad.genuine, false, `position ${i} of ${qr.length}`);
    failures.add(bad.failure!);
  }
  assert.ok(failures.has('bad_signature') && failures.has('malformed'));
});

test('a report signed by a key not on the roster is not genuine', async () => {
  const { generateKeyPairSync } = await import('node:crypto');
  const { signSeal, parseQrText } = await import('../../../electron/report/seal');
  const issued = await w.core.ok('report.issue', { visitId: await w.lookupSelf(subject), confirmBeyondFree: true }, w.clerk);
  const row = await w.core.ctx.db.get<{ qr_payload: string }>('SELECT qr_payload FROM report WHERE id = ?', [issued.reportId]);
  const seal = parseQrText(row!.qr_payload)!.seal;
  const forged = signSeal(seal, generateKeyPairSync('ed25519').privateKey).qrText;
  const r = await w.core.ok('report.verify', { qrText: forged }, w.clerk);
  assert.deepEqual([r.genuine, r.failure], [false, 'bad_signature']);
  const otherKey = signSeal({ ...seal, k: '0000000000000000' }, generateKeyPairSync('ed25519').privateKey).qrText;
  assert.equal((await w.core.ok('report.verify', { qrText: otherKey }, w.clerk)).failure, 'unknown_key');
});

test('the office key file is readable by its owner only', () => {
  const mode = statSync(join(w.core.dir, 'keys', 'office-signing.pem')).mode & 0o777;
  assert.equal(mode, 0o600);
});

test("another office's report verifies with its roster key; once the key is revoked it does not", async () => {
  const { generateKeyPairSync, createPublicKey } = await import('node:crypto');
  const { signSeal } = await import('../../../electron/report/seal');
  const { keyIdOf } = await import('../../../electron/services/office/officeKeyService');
  const { privateKey } = generateKeyPairSync('ed25519');
  const publicKey = createPublicKey(privateKey);
  const keyId = keyIdOf(publicKey);
  const seal = { v: 1 as const, n: '330102-01-20261120-00007', o: '330102-01', t: '2026-11-20T03:00:00.000Z', s: '王*', i: '330102********1234', c: [1, 0, 2, -1, -1, -1], d: 'x'.repeat(43), k: keyId };
  const { qrText } = signSeal(seal, privateKey);
  const insert = (status: string) =>
    w.core.ctx.db.run(
      `INSERT INTO sync_office_key (key_id, office_code, office_name, public_key_pem, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT(key_id) DO UPDATE SET status = excluded.status`,
      [keyId, '330102-01', '杭州市上城区信用服务窗口', publicKey.export({ type: 'spki', format: 'pem' }).toString(), status, '2026-11-20T00:00:00Z'],
    );
  assert.equal((await w.core.ok('report.verify', { qrText }, w.clerk)).failure, 'unknown_key');
  await insert('active');
  const ok = await w.core.ok('report.verify', { qrText }, w.clerk);
  assert.equal(ok.genuine, true);
  assert.deepEqual(ok.office, { code: '330102-01', name: '杭州市上城区信用服务窗口' });
  assert.deepEqual(ok.counts, { basic: 1, licences: 0, penalties: 2, dishonesty: null, honours: null, other: null });
  assert.equal(ok.copiesPrinted, null, 'print counts are known only for own reports');
  await insert('revoked');
  assert.equal((await w.core.ok('report.verify', { qrText }, w.clerk)).failure, 'unknown_key');
});

test('printed pages scanned at 150 dpi: the QR of every page decodes and verifies; the decoded text changed by one character does not', async () => {
  const many = person(32, '司马相如', (id) =>
    Array.from({ length: 70 }, (_, i) => record(id, { category: i % 2 ? 'admin_licence' : 'honour', title: `scan-${i}`, content: '依据有关规定作出的决定，内容如下。'.repeat(1 + (i % 4)) })),
  );
  await w.seed(many);
  const issued = await w.core.ok('report.issue', { visitId: await w.lookupSelf(many), confirmBeyondFree: true }, w.clerk);
  const doc = await w.core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, w.clerk);
  assert.ok(doc.pages >= 3, `${doc.pages} pages`);
  const pages = rasterPages(doc, 150);
  assert.equal(pages.length, doc.pages);
  const texts = await Promise.all(pages.map(decodeQr));
  const auditor = (await w.core.loginAs('auditor')).token;
  for (const [i, found] of texts.entries()) {
    assert.equal(found.length, 1, `one QR on page ${i + 1}`);
    const v = await w.core.ok('report.verify', { qrText: found[0]! }, auditor);
    assert.equal(v.genuine, true, `page ${i + 1}`);
    assert.equal(v.reportNo, issued.reportNo);
  }
  const qr = texts[0]![0]!;
  for (const at of [6, Math.floor(qr.length / 2), qr.length - 2]) {
    const bad = await w.core.ok('report.verify', { qrText: changeOne(qr, at) }, auditor);
    assert.equal(bad.genuine, false, `changed at ${at}`);
  }
  // Printed text and QR agree with the signed report.
  const printed = pdfText(doc);
  assert.ok(printed.includes(issued.reportNo) && printed.includes(issued.verifyCode));
});
