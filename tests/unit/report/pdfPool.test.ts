import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pdfPoolSize } from '../../../electron/report/pdf/pdfPool';

// How many PDF workers a core runs (issue 23): one unless asked, never more than two, and never so
// many that the thread serving the windows has no core of its own.
test('the PDF pool: 1 worker by default; at most 2, and at most the cores beside the serving thread', () => {
  assert.equal(pdfPoolSize(undefined, 2), 1);
  assert.equal(pdfPoolSize(undefined, 16), 1);
  assert.equal(pdfPoolSize(2, 2), 1, 'two cores: one for the serving thread, one for PDFs');
  assert.equal(pdfPoolSize(2, 3), 2);
  assert.equal(pdfPoolSize(8, 16), 2);
  assert.equal(pdfPoolSize(2, 1), 1, 'one core still renders, in one worker');
  assert.equal(pdfPoolSize(0, 8), 1);
  assert.equal(pdfPoolSize(1.7, 8), 1);
});
