// Rebuilds resources/fonts/han-fallback-{a,b}.ttf.br, the fonts a printed document falls back to
// for the characters Noto Sans SC lacks (GB 18030-2022 level 3: CJK Extensions A–F, compatibility
// ideographs, radicals). Needs Debian's fonts-hanazono and python3-fonttools:
//   apt-get install -y fonts-hanazono python3-fonttools && node tools/fonts/buildFallbackFonts.mjs
// A: HanaMinA's glyphs for those characters; B: HanaMinB's for the rest (Extension B–F). Hanazono
// is dual-licensed; these subsets are distributed under the Hanazono Font License (LICENSE-Hanazono.txt).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit');
const from = process.argv[2] ?? '/usr/share/fonts/truetype/hanazono';
const out = join(import.meta.dirname, '..', '..', 'resources', 'fonts');
const regular = fontkit.create(brotliDecompressSync(readFileSync(join(out, 'NotoSansSC-Regular.ttf.br'))));
const bold = fontkit.create(brotliDecompressSync(readFileSync(join(out, 'NotoSansSC-Bold.ttf.br'))));
const A = fontkit.openSync(join(from, 'HanaMinA.ttf'));
const B = fontkit.openSync(join(from, 'HanaMinB.ttf'));
const RANGES = [[0x2e80, 0x2eff], [0x2f00, 0x2fdf], [0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2a6df], [0x2a700, 0x2b73f], [0x2b740, 0x2b81f], [0x2b820, 0x2ceaf], [0x2ceb0, 0x2ebef], [0x2f800, 0x2fa1f]];
const a = [];
const b = [];
for (const [lo, hi] of RANGES) {
  for (let cp = lo; cp <= hi; cp++) {
    if (regular.hasGlyphForCodePoint(cp) && bold.hasGlyphForCodePoint(cp)) continue;
    if (A.hasGlyphForCodePoint(cp)) a.push(cp);
    else if (B.hasGlyphForCodePoint(cp)) b.push(cp);
  }
}
const work = mkdtempSync(join(tmpdir(), 'cd-fonts-'));
try {
  for (const [name, source, cps] of [['a', 'HanaMinA.ttf', a], ['b', 'HanaMinB.ttf', b]]) {
    const list = join(work, `${name}.txt`);
    writeFileSync(list, cps.map((cp) => `U+${cp.toString(16)}`).join('\n'));
    const ttf = join(work, `${name}.ttf`);
    execFileSync('/usr/bin/python3', ['-m', 'fontTools.subset', join(from, source), `--unicodes-file=${list}`, `--output-file=${ttf}`, '--layout-features=', '--no-hinting', '--name-IDs=*', '--drop-tables+=vhea,vmtx,GSUB,GPOS,GDEF'], { stdio: 'inherit' });
    const bytes = readFileSync(ttf);
    const packed = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } });
    writeFileSync(join(out, `han-fallback-${name}.ttf.br`), packed);
    console.log(`han-fallback-${name}: ${cps.length} characters, ${bytes.length} bytes of TTF, ${packed.length} compressed`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
