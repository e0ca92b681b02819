import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pdfPageTexts } from '../../support/pdf';
import { openWorld, person, record, type World } from './world';

// Names hold characters beyond Noto Sans SC: 𠮷 and 𡒄 (CJK Extension B), GB 18030-2022 level 3.
// The report prints each of them from the bundled fallback fonts, or, for a character no bundled
// font has, refuses to be made and names the character. It never prints a box.
let w: World;
const rare = person(71, '王䶮𡒄', (id) => [record(id, { title: '𠮷野家餐饮公司行政许可', content: '许可事项：食品经营（𠮷、𡒄、𪚥 三字均须原样打印）。' })]);
// U+9FF0 (Unicode 14) is in no bundled font.
const unprintable = person(72, '李明', (id) => [record(id, { title: '行政许可', content: '字形缺失的字：\u9FF0。' })]);

before(async () => {
  w = await openWorld();
  await w.seed(rare, unprintable);
});
after(() => w.core.dispose());

test('a name and a record with Extension B characters print whole, in the fallback font', async () => {
  const issued = await w.core.ok('report.issue', { visitId: await w.lookupSelf(rare) }, w.clerk);
  for (const lang of ['zh', 'en'] as const) {
    const doc = await w.core.ok('report.preview', { reportId: issued.reportId, lang }, w.clerk);
    const text = pdfPageTexts(doc).join('\n').replace(/\s+/g, '');
    for (const s of ['王䶮𡒄', '𠮷野家餐饮公司行政许可', '𠮷、𡒄、𪚥']) assert.ok(text.includes(s), `${lang}: “${s}” in the printed text`);
    const dir = mkdtempSync(join(tmpdir(), 'cd-rare-'));
    if (process.env.KEEP_PDF) writeFileSync(`/tmp/rare-${lang}.pdf`, Buffer.from(doc.pdfBase64, 'base64'));
    try {
      writeFileSync(join(dir, 'r.pdf'), Buffer.from(doc.pdfBase64, 'base64'));
      const fonts = execFileSync('pdffonts', [join(dir, 'r.pdf')], { encoding: 'utf8' });
      assert.match(fonts, /HanaMin/i, 'the fallback is embedded (as a subset)');
      assert.match(fonts, /NotoSansSC/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
});

test('a character no bundled font has is refused by name, and no report is issued', async () => {
  const before = await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM report');
  const r = await w.core.call('report.issue', { visitId: await w.lookupSelf(unprintable) }, w.clerk);
  assert.equal(!r.ok && r.error.code, 'DOCUMENT_CHARACTER_UNPRINTABLE');
  assert.deepEqual(!r.ok && r.error.details, { character: '\u9FF0', codePoint: 'U+9FF0' });
  const after = await w.core.ctx.db.get<{ n: number }>('SELECT count(*) AS n FROM report');
  assert.equal(after!.n, before!.n, 'nothing issued, nothing counted');
});
