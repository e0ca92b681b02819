import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
// @ts-expect-error: the lint rule is plain JavaScript beside eslint.config.js, without types.
import { layeringRule } from '../../../tools/eslint/layers.js';

// The core's layers are kept by the lint, not by memory (issue 26): a module imports only from its
// own directory or a lower layer. The rule is run here on files as a developer would write them;
// `npm run lint` runs it over the whole core.

const root = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [{ files: ['**/*.ts'], languageOptions: { parser: tseslint.parser }, plugins: { local: { rules: { layering: layeringRule } } }, rules: { 'local/layering': 'error' } }],
});

async function problems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.map((m) => m.message);
}

test('an upward import is refused, naming both layers', async () => {
  const found = await problems('electron/store/someStore.ts', "import { x } from '../services/counter/counterService';\nexport const y = x;\n");
  assert.equal(found.length, 1);
  assert.match(found[0]!, /store \(layer 3\) may not import services \(layer 6\)/);
  assert.equal((await problems('electron/reader/adapter.ts', "export { imageSize } from '../services/attachments/imageDimensions';\n")).length, 1, 're-exports count');
  assert.equal((await problems('electron/db/x.ts', "export const m = () => import('../core');\n")).length, 1, 'dynamic imports count');
});

test('a sideways import between two sync parts of one layer passes; between layers of one rank it does not', async () => {
  assert.deepEqual(await problems('electron/sync/office/a.ts', "import { b } from '../worker/protocol';\nexport const c = b;\n"), []);
  assert.equal((await problems('electron/report/a.ts', "import { b } from '../catalog/loadPurposes';\nexport const c = b;\n")).length, 1);
});

test('downward imports, shared/ and packages pass; a directory without a layer is named', async () => {
  assert.deepEqual(await problems('electron/services/a.ts', "import { b } from '../store/settingsStore';\nimport { c } from '../../shared/errors';\nimport { readFile } from 'node:fs/promises';\nexport const d = [b, c, readFile];\n"), []);
  assert.match((await problems('electron/newthing/a.ts', "import { b } from '../store/settingsStore';\nexport const c = b;\n"))[0] ?? '', /newthing has no layer/);
});
