import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openWorld, person, record } from './world';

// Someone edits a report's stored content underneath the console (drop the guard, UPDATE, restore).
// A reprint must refuse, and verification must not vouch for the office's altered copy.

test('a report whose stored content was altered is neither reprinted nor verified as genuine', async () => {
  const w = await openWorld();
  try {
    const subject = person(41, '司马光', (id) => [record(id, { category: 'admin_penalty', title: '罚款决定' })]);
    await w.seed(subject);
    const issued = await w.core.ok('report.issue', { visitId: await w.lookupSelf(subject), confirmBeyondFree: true }, w.clerk);
    const reportId = (await w.core.ctx.db.get<{ id: number }>('SELECT id FROM report WHERE report_no = ?', [issued.reportNo]))!.id;
    await w.core.ok('report.printed', { reportId, copyNo: 1, kind: 'print' }, w.clerk);
    const auditor = (await w.core.loginAs('auditor')).token;
    assert.equal((await w.core.ok('report.verify', { reportNo: issued.reportNo, code: issued.verifyCode }, auditor)).genuine, true);

    await w.core.ctx.db.exec(`DROP TRIGGER report_no_update;
      UPDATE report SET content_json = replace(content_json, '罚款决定', '表彰决定') WHERE report_no = '${issued.reportNo}';
      CREATE TRIGGER report_no_update BEFORE UPDATE ON report BEGIN SELECT RAISE(ABORT, 'report is append-only'); END;`);

    const reprint = await w.core.call('report.printed', { reportId, copyNo: 2, kind: 'print' }, w.clerk);
    assert.equal(reprint.ok, false);
    assert.equal(!reprint.ok && reprint.error.code, 'REPORT_ALTERED');
    const preview = await w.core.call('report.preview', { reportId, lang: 'zh' }, w.clerk);
    assert.equal(!preview.ok && preview.error.code, 'REPORT_ALTERED');
    const v = await w.core.ok('report.verify', { reportNo: issued.reportNo, code: issued.verifyCode }, auditor);
    assert.equal(v.genuine, false);
    assert.equal(v.failure, 'record_altered');
    // The digest edited to match the new content does not help: the signed seal carries the original.
    await w.core.ctx.db.exec(`DROP TRIGGER report_no_update; UPDATE report SET digest = 'x' WHERE report_no = '${issued.reportNo}';
      CREATE TRIGGER report_no_update BEFORE UPDATE ON report BEGIN SELECT RAISE(ABORT, 'report is append-only'); END;`);
    assert.equal((await w.core.ok('report.verify', { reportNo: issued.reportNo, code: issued.verifyCode }, auditor)).failure, 'record_altered');
  } finally {
    await w.core.dispose();
  }
});
