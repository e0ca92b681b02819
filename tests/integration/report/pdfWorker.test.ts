// Issue 23: every PDF is rendered in a PDF worker thread, off the thread that serves every window.
// What is previewed is what prints, byte for byte: for every kind of document the worker's bytes
// are the bytes the same job makes rendered on the calling thread, and the API hands out exactly
// those. A worker that is killed, runs out of its heap or overruns its time fails its one document
// plainly (DOCUMENT_NOT_MADE, in zh and en) and the pool goes on with a fresh worker.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Worker } from 'node:worker_threads';
import { PdfPool } from '../../../electron/report/pdf/pdfPool';
import { renderPdfJob, type PdfJob } from '../../../electron/report/pdf/pdfJob';
import { noticePdfJob } from '../../../electron/services/cases/noticeService';
import { receiptPdfJob } from '../../../electron/services/cases/receiptService';
import { reportPdfJob } from '../../../electron/services/reports/reportService';
import { receiptById } from '../../../electron/store/receiptStore';
import { findReport } from '../../../electron/store/reportStore';
import { AppError } from '../../../shared/errors';
import { errorMessage } from '../../../shared/i18n/errorMessages';
import { realisticRecords } from '../../../tools/bench/realisticRecords';
import { caseVersion } from '../../support/caseVersion';
import { openTestCore, type TestCore } from '../../support/core';
import { appliedUpdate, entity, entityRecord, entityVisit, seedEntities } from '../../support/entityWorld';
import { observedError } from '../../support/errorCoverage';
import { pdfBytes } from '../../support/pdf';
import { caseWorld, penalty, recordId, seedSubject } from '../cases/fixtures';
import { person, record } from './world';
import { writeSubjectBundles } from '../../../electron/store/populationStore';

const NOW = '2026-11-21T02:00:00Z'; // 10:00 in Beijing

const poolOf = (core: TestCore): PdfPool => {
  assert.ok(core.ctx.pdf instanceof PdfPool, 'the core renders through its PDF pool');
  return core.ctx.pdf;
};

/** Counts the documents the core's pool handed to a worker while `body` runs. */
async function inWorker<T>(core: TestCore, body: () => Promise<T>): Promise<{ value: T; kinds: string[] }> {
  const kinds: string[] = [];
  const seen = ({ kind }: { kind: string }) => kinds.push(kind);
  poolOf(core).on('start', seen);
  try {
    return { value: await body(), kinds };
  } finally {
    poolOf(core).off('start', seen);
  }
}

/** The job rendered on this thread and by the core's worker: the same bytes, and the API's document is those bytes. */
async function sameBytes(core: TestCore, job: PdfJob, doc: { pdfBase64: string; sha256: string; pages: number }, label: string): Promise<void> {
  const here = await renderPdfJob(job);
  const there = await core.ctx.pdf.render(job);
  assert.ok(there.bytes.equals(here.bytes), `${label}: the worker's bytes are the in-thread renderer's`);
  assert.equal(there.pages, here.pages, `${label}: pages`);
  assert.ok(pdfBytes(doc).equals(here.bytes), `${label}: the API's document is those bytes`);
  assert.equal(doc.pages, here.pages, `${label}: the API's page count`);
}

// 𠮷 and 𡒄 need the fallback fonts, which a worker registers the first time a document needs them.
const rare = person(81, '王𡒄', (id) => [
  record(id, { category: 'admin_penalty', severity: 'ordinary', publicityEnd: '2027-12-31', title: '𠮷野家餐饮公司行政处罚', content: '罚款 500 元。' }),
  record(id, { title: '行政许可', content: '食品经营许可。' }),
]);
const company = entity(3, '淄博市鲁中建设工程有限公司', (id) => [
  entityRecord(id, { category: 'admin_penalty', title: '行政处罚一', domain: 'tax' }),
  entityRecord(id, { category: 'admin_licence', title: '行政许可一', severity: null, penaltyKind: null, publicityEnd: null }),
]);

test('reports of every kind (personal, entity, special), zh and en, original and reprint: the worker makes the bytes the in-thread renderer makes', async () => {
  const core = await openTestCore({ now: NOW });
  try {
    const clerk = await core.loginAs('clerk');
    await core.ctx.db.transaction((tx) => writeSubjectBundles(tx, [rare]), { platform: true });
    await seedEntities(core, company);
    await appliedUpdate(core, '2026-11-20T08:00:00Z');
    const lookup = await core.ok('counter.lookup', { idNumber: rare.subject.idNumber, name: rare.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, clerk.token);
    const personal = await core.ok('report.issue', { visitId: lookup.visitId, confirmBeyondFree: false }, clerk.token);
    const full = await core.ok('report.issueEntity', { visitId: await entityVisit(core, clerk.account.id, company) }, clerk.token);
    const special = await core.ok('report.issueSpecial', { visitId: await entityVisit(core, clerk.account.id, company, 'special'), fields: ['tax'] }, clerk.token);
    for (const issued of [personal, full, special]) {
      for (const lang of ['zh', 'en'] as const) {
        const { value: doc, kinds } = await inWorker(core, () => core.ok('report.preview', { reportId: issued.reportId, lang }, clerk.token));
        assert.equal(kinds.length, 1, `${issued.kind} ${lang}: the preview was rendered by a worker`);
        const row = (await findReport(core.ctx.db, issued.reportId))!;
        await sameBytes(core, reportPdfJob(row, lang, doc.copyNo), doc, `${issued.kind ?? 'personal'} ${lang} copy ${doc.copyNo}`);
      }
      // Copy 2 says 重印件 on every page: a different frame, the same rule.
      await core.ok('report.printed', { reportId: issued.reportId, copyNo: 1 }, clerk.token);
      const reprint = await core.ok('report.preview', { reportId: issued.reportId, lang: 'zh' }, clerk.token);
      assert.equal(reprint.copyNo, 2);
      await sameBytes(core, reportPdfJob((await findReport(core.ctx.db, issued.reportId))!, 'zh', 2), reprint, `${issued.kind ?? 'personal'} reprint`);
    }
    assert.equal(poolOf(core).workers, 1, 'one worker by default, kept warm between documents');
  } finally {
    await core.dispose();
  }
});

test('receipts (objection, repair) and decision notices (zh, en): the worker makes the bytes the in-thread renderer makes', async () => {
  const w = await caseWorld('2026-11-21T02:00:00Z');
  try {
    await seedSubject(w.core, 2, (c) => [penalty(c, 1, { decidedOn: '2026-08-21', publicityStart: '2026-08-25', publicityEnd: '2027-08-20' })]);
    const { value: objection, kinds } = await inWorker(w.core, async () =>
      w.core.ok('objection.intake', { visitId: await w.visit(), recordIds: [await recordId(w.core, 'S1-R1')], scope: 'wrong', description: '罚款金额有误，应为 500 元', accept: true } as never, w.clerk),
    );
    assert.deepEqual(kinds, ['receipt'], 'the intake receipt was rendered by a worker');
    await sameBytes(w.core, receiptPdfJob((await receiptById(w.core.ctx.db, objection.receipt.id))!), objection.receipt, 'objection receipt');
    const s2 = await w.core.ctx.db.get<{ id_number: string; name: string }>("SELECT id_number, name FROM subject WHERE central_id = 'S2'");
    const visit2 = await w.core.ok('counter.lookup', { idNumber: s2!.id_number, name: s2!.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, w.clerk);
    const repair = await w.core.ok('repair.intake', { visitId: visit2.visitId, recordId: await recordId(w.core, 'S2-R1'), evidence: { obligationsPerformed: true, creditCommitment: true, trainingCertificate: null, note: null } }, w.clerk);
    await sameBytes(w.core, receiptPdfJob((await receiptById(w.core.ctx.db, repair.receipt.id))!), repair.receipt, 'repair receipt');
    // A reprint of the receipt.
    await w.core.ok('cases.receiptPrinted', { id: repair.receipt.id, copyNo: 1 }, w.clerk);
    const copy2 = await w.core.ok('cases.receipt', { id: repair.receipt.id }, w.clerk);
    assert.equal(copy2.copyNo, 2);
    await sameBytes(w.core, receiptPdfJob((await receiptById(w.core.ctx.db, repair.receipt.id))!), copy2, 'repair receipt copy 2');

    await w.core.ok('objection.act', { action: 'verify', id: objection.id, version: await caseVersion(w.core, 'objection', objection.id), route: 'own' }, w.manager);
    await w.core.ok('objection.act', { action: 'decide', id: objection.id, version: await caseVersion(w.core, 'objection', objection.id), outcome: 'corrected', reason: '经核实，罚款金额应为 500 元，已更正。', correctedContent: '罚款 500 元' } as never, w.manager);
    await w.core.ok('repair.act', { action: 'approve', id: repair.id, version: await caseVersion(w.core, 'repair', repair.id), reason: '已履行义务并作出信用承诺' }, w.manager);
    for (const [kind, id] of [['objection', objection.id], ['repair', repair.id]] as const) {
      for (const lang of ['zh', 'en'] as const) {
        const notice = await w.core.ok('cases.notice', { kind, id, lang }, w.manager);
        await sameBytes(w.core, await noticePdfJob(w.core.ctx, { kind, id, lang }), notice, `${kind} notice ${lang}`);
      }
    }
  } finally {
    await w.core.dispose();
  }
});

// A large report: 2,000 records of 220 characters, about 110 pages, a second or more of rendering.
let big: { core: TestCore; token: string; reportId: number; job: PdfJob };
const small: PdfJob = {
  kind: 'receipt',
  copyNo: 1,
  createdAt: NOW,
  lang: 'zh',
  content: { title: '异议申请受理回执', officeName: '某市信用服务中心', receiptNo: 'R-1', caseNo: 'YY-1', issuedAt: '2026-11-21 10:00', rows: [['申请人', '王𡒄']], items: null, dueDates: [], notes: [], clerk: '柜员', window: 3 },
};

before(async () => {
  const core = await openTestCore({ now: NOW });
  const token = (await core.loginAs('clerk')).token;
  const subject = person(90, '李明', (id) => realisticRecords(id, 2000, 220, '2027-12-31'));
  await core.ctx.db.transaction((tx) => writeSubjectBundles(tx, [subject]), { platform: true });
  const lookup = await core.ok('counter.lookup', { idNumber: subject.subject.idNumber, name: subject.subject.name, applicant: { kind: 'self' }, purposeCode: 'self_check' }, token);
  const issued = await core.ok('report.issue', { visitId: lookup.visitId, confirmBeyondFree: false }, token);
  big = { core, token, reportId: issued.reportId, job: reportPdfJob((await findReport(core.ctx.db, issued.reportId))!, 'zh', 1) };
});
after(() => big.core.dispose());

function notMade(reason: string) {
  return (err: unknown): boolean => {
    assert.ok(err instanceof AppError, String(err));
    observedError(err.code);
    observedError(err.details?.reason);
    assert.equal(err.code, 'DOCUMENT_NOT_MADE');
    assert.equal(err.details?.reason, reason);
    return true;
  };
}

test('while a worker renders a 2,000-record report, the core goes on serving: auth.status answers before the render ends', async () => {
  const pool = poolOf(big.core);
  const order: string[] = [];
  let answered: Promise<unknown> = Promise.resolve();
  pool.once('start', () => {
    order.push('render started');
    answered = big.core.call('auth.status', {}, big.token).then(() => order.push('auth.status answered'));
  });
  pool.once('end', () => order.push('render ended'));
  const doc = await big.core.ok('report.preview', { reportId: big.reportId, lang: 'zh' }, big.token);
  await answered;
  assert.ok(doc.pages > 90, `${doc.pages} pages`);
  assert.deepEqual(order, ['render started', 'auth.status answered', 'render ended']);
});

test('attack: the PDF worker killed mid-render: that one document fails plainly, the one queued behind it is made by a fresh worker, byte for byte', async () => {
  const pool = new PdfPool();
  try {
    await pool.render(small);
    const threads: number[] = [];
    pool.on('start', ({ worker }) => threads.push(worker.threadId));
    pool.once('start', ({ worker }: { worker: Worker }) => void worker.terminate());
    const killed = pool.render(big.job);
    const queued = pool.render(small);
    await assert.rejects(killed, notMade('worker_stopped'));
    const made = await queued;
    assert.ok(made.bytes.equals((await renderPdfJob(small)).bytes), 'the next document is the in-thread bytes');
    assert.equal(threads.length, 2);
    assert.notEqual(threads[0], threads[1], 'a fresh worker made the next one');
    assert.equal(pool.workers, 1);
  } finally {
    await pool.close();
  }
});

test('a worker over its heap limit is stopped: DOCUMENT_NOT_MADE (too_much_memory), said in zh and en; a small document is made after it', async () => {
  // 32 MB: enough for a receipt (fonts are buffers outside the heap), not for 2,000 records.
  const pool = new PdfPool({ heapMb: 32 });
  try {
    let error: unknown;
    await assert.rejects(pool.render(big.job), (e) => {
      error = e;
      return notMade('too_much_memory')(e);
    });
    const body = (error as AppError).toBody();
    assert.equal(errorMessage(body, 'zh'), '生成文书所需内存超过 32 MB 的上限，已停止，本次未出具任何文件。请联系管理员。');
    assert.equal(errorMessage(body, 'en'), 'Making the document needed more than 32 MB of memory, so it was stopped and nothing was produced. Tell the administrator.');
    const made = await pool.render(small);
    assert.ok(made.bytes.equals((await renderPdfJob(small)).bytes));
  } finally {
    await pool.close();
  }
});

test('a document still rendering after the time limit is stopped: DOCUMENT_NOT_MADE (too_slow) naming the seconds, in zh and en', async () => {
  // 0.05 s: less than a worker takes to start, let alone render 2,000 records.
  const pool = new PdfPool({ timeoutMs: 50 });
  try {
    let error: unknown;
    await assert.rejects(pool.render(big.job), (e) => {
      error = e;
      return notMade('too_slow')(e);
    });
    const body = (error as AppError).toBody();
    assert.equal(body.details?.seconds, 0.1);
    assert.equal(errorMessage(body, 'zh'), '文书未能在 0.1 秒内生成，已停止，本次未出具任何文件。请重试；如仍不成功，请联系管理员。');
    assert.match(errorMessage(body, 'en'), /^The document was not made within 0\.1 seconds, so making it was stopped and nothing was produced\./);
    assert.equal(pool.workers, 0, 'the overrunning worker was dropped');
  } finally {
    await pool.close();
  }
});

test('a refusal raised in the worker (a character no font has) arrives as the same error the serving thread would raise', async () => {
  const job: PdfJob = { ...small, content: { ...(small as PdfJob & { kind: 'receipt' }).content, rows: [['申请人', '李\u9FF0']] } } as PdfJob;
  const here = await renderPdfJob(job).then(() => null, (e: unknown) => e);
  assert.ok(here instanceof AppError && here.code === 'DOCUMENT_CHARACTER_UNPRINTABLE');
  const pool = new PdfPool();
  try {
    await assert.rejects(pool.render(job), (e) => {
      assert.ok(e instanceof AppError);
      assert.deepEqual(e.toBody(), here.toBody());
      return true;
    });
    assert.ok((await pool.render(small)).bytes.equals((await renderPdfJob(small)).bytes), 'the worker goes on');
  } finally {
    await pool.close();
  }
});

test('the pool closes with the core: no worker is left, and a document asked of it afterwards is refused', async () => {
  const core = await openTestCore({ now: NOW });
  const pool = poolOf(core);
  assert.equal(pool.workers, 0, 'no worker before the first document');
  await pool.render(small);
  assert.equal(pool.workers, 1);
  await core.dispose();
  assert.equal(pool.workers, 0);
  await assert.rejects(pool.render(small), /closing/);
});
