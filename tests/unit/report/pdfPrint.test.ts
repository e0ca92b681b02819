import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkRequest, cupsJobId, lpOptions, printPdf } from '../../../electron/shell/pdfPrint';

// The desktop print path's plain parts: what the spooler is asked for, what is refused before it
// is asked, and a print that fails being reported as failed (so the copy is not counted).

const PDF = new Uint8Array(Buffer.from('%PDF-1.7\n%test\n'));

test('every job asks for A4, no scaling and an explicit number of copies', () => {
  assert.deepEqual(lpOptions({ printer: 'Office', copies: 1 }), ['-n', '1', '-o', 'media=A4', '-o', 'print-scaling=none', '-o', 'fit-to-page=false']);
  assert.equal(lpOptions({ printer: null, copies: 3 })[1], '3');
});

test("the CUPS job id is read from lp's answer; no id when lp says none", () => {
  assert.equal(cupsJobId('request id is Office_Laser-42 (1 file(s))\n'), 'Office_Laser-42');
  assert.equal(cupsJobId(''), null);
});

test('only a PDF, a sane printer name and 1–10 copies reach the spooler', () => {
  assert.equal(checkRequest(new Uint8Array(Buffer.from('<html>')), {}), 'not a PDF');
  assert.equal(checkRequest('JVBERi0=', {}), 'no printable document');
  assert.equal(checkRequest(PDF, { copies: 0 }), 'copies must be 1 to 10');
  assert.equal(checkRequest(PDF, { copies: 11 }), 'copies must be 1 to 10');
  assert.equal(checkRequest(PDF, { printer: 'Office\n-o evil' }), 'no such printer');
  const ok = checkRequest(PDF, { printer: 'Office', copies: 2 });
  assert.ok(typeof ok !== 'string');
  assert.deepEqual(ok.req, { printer: 'Office', copies: 2 });
});

test('a print the spooler does not accept is reported as failed', async () => {
  // No such printer (and on a machine without CUPS, no lp at all): either way, not accepted.
  const r = await printPdf(Buffer.from(PDF), { printer: 'creditdesk-no-such-printer', copies: 1 }, 'linux');
  assert.equal(r.ok, false);
  assert.ok(r.reason);
});
