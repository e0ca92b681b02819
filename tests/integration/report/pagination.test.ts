import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { renderReportHtml } from '../../../electron/report/renderReportHtml';
import type { ReportContent } from '../../../shared/domain/report';
import type { RecordCategory } from '../../../shared/domain/record';
import { openWorld, person, record, type World } from './world';

// 2,000 records of every section and widely varying text length: every record lands on exactly one
// page, in order, and every page says "page x of y" with the right y.
let w: World;
const CATEGORIES: RecordCategory[] = ['basic', 'admin_licence', 'admin_penalty', 'honour', 'tax_credit', 'contract_performance'];
const big = person(41, '张伟', (id) =>
  Array.from({ length: 2000 }, (_, i) =>
    record(id, {
      category: CATEGORIES[i % CATEGORIES.length]!,
      severity: CATEGORIES[i % CATEGORIES.length] === 'admin_penalty' ? 'ordinary' : null,
      title: `记录 ${i} 号 Record ${i}`,
      content: '因未按规定履行相关义务，依据《中华人民共和国行政处罚法》有关规定作出处理决定。'.repeat(1 + (i % 7)) + 'ABC-123 '.repeat(i % 5),
      publicityEnd: CATEGORIES[i % CATEGORIES.length] === 'admin_penalty' ? '2027-12-31' : null,
    }),
  ),
);

before(async () => {
  w = await openWorld();
  await w.seed(big);
});
after(() => w.core.dispose());

test('a 2,000-record subject paginates with every record whole, once, in order, and correct page x of y', async () => {
  const issued = await w.core.ok('report.issue', { visitId: await w.lookupSelf(big) }, w.clerk);
  const row = await w.core.ctx.db.get<{ content_json: string; qr_payload: string; verify_code: string }>('SELECT content_json, qr_payload, verify_code FROM report WHERE id = ?', [issued.reportId]);
  const content = JSON.parse(row!.content_json) as ReportContent;
  const expected = content.sections.flatMap((s) => s.records.map((r) => r.id));
  assert.equal(expected.length, 2000);
  for (const lang of ['zh', 'en'] as const) {
    const out = await renderReportHtml({ content, lang, qrText: row!.qr_payload, verifyCode: row!.verify_code, copyNo: 1 });
    assert.deepEqual(out.recordsPerPage.flat(), expected, 'each record exactly once, in order');
    assert.ok(out.pages > 100, `${out.pages} pages`);
    const pageTexts = [...out.html.matchAll(/第 (\d+) 页 \/ 共 (\d+) 页/g)].map((m) => [Number(m[1]), Number(m[2])]);
    assert.deepEqual(pageTexts, Array.from({ length: out.pages }, (_, i) => [i + 1, out.pages]));
    assert.equal((out.html.match(/<section class="page"/g) ?? []).length, out.pages);
    assert.equal((out.html.match(/<svg/g) ?? []).length, out.pages, 'a QR code on every page');
    assert.equal((out.html.match(new RegExp(row!.verify_code, 'g')) ?? []).length, out.pages, 'the verification code on every page');
  }
});
