import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderReceiptPdf } from '../../../electron/report/pdf/receiptPdf';
import { pdfText } from '../../support/pdf';

// The seal block of a receipt: the office's name on one line beside the circle where it is
// stamped. In a half-width column the demo office's name broke inside its parentheses ("（演 / 示）").
const OFFICE = '淄博市张店区公共信用服务窗口（演示）';

test('the office name in the seal block stays on one line', async () => {
  const pdf = await renderReceiptPdf(
    {
      title: '异议申请受理回执',
      officeName: OFFICE,
      receiptNo: 'HZ-1',
      caseNo: 'YY-1',
      issuedAt: '2026-11-18 10:00',
      rows: [['申请人', '张三']],
      items: null,
      dueDates: [],
      notes: [],
      clerk: '王窗口',
    },
    1,
    '2026-11-18T02:00:00Z',
  );
  const lines = pdfText(pdf.bytes).split('\n').map((l) => l.trim());
  // The footer names the office too; the seal block's line holds the name and nothing else.
  assert.ok(lines.includes(OFFICE), lines.filter((l) => l.includes('淄博') || l.includes('演')).join(' | '));
  const seal = pdf.boxes.find((b) => b.kind === 'seal')!;
  const beside = pdf.boxes.filter((b) => b.kind === 'text' && b.page === seal.page && b.y >= seal.y && b.x < seal.x);
  assert.equal(beside.length, 2, 'name and date beside the circle');
  assert.ok(beside.every((b) => b.x + b.w <= seal.x), 'the lines stay left of the circle');
});
