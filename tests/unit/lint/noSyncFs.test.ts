import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

// Synchronous file calls are banned on the serving side of the core (issue 26); the project's own
// lint configuration is run here on files as a developer would write them.

const root = join(import.meta.dirname, '..', '..', '..');
const eslint = new ESLint({ cwd: root, overrideConfig: [
    // The type-aware rules need the whole program; these files are not part of it.
    { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser, parserOptions: { project: null } }, rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-deprecated': 'off' } },
  ],
});

async function syncFsProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return result!.messages.filter((m) => m.ruleId === 'local/no-sync-fs').map((m) => m.message);
}

test('a service that reads a file synchronously is refused, by name; the promises API passes', async () => {
  const found = await syncFsProblems('electron/services/someService.ts', "import { readFileSync, existsSync } from 'node:fs';\nexport const a = [readFileSync, existsSync];\n");
  assert.equal(found.length, 2);
  assert.match(found[0]!, /readFileSync blocks the thread that serves every window/);
  assert.deepEqual(await syncFsProblems('electron/services/someService.ts', "import { readFile } from 'node:fs/promises';\nimport { createReadStream } from 'node:fs';\nexport const a = [readFile, createReadStream];\n"), []);
  assert.equal((await syncFsProblems('electron/store/s.ts', "import * as fs from 'fs';\nexport const a = fs;\n")).length, 1, 'the whole module is not a way round');
});

test('start-up and the command line keep their synchronous calls', async () => {
  assert.deepEqual(await syncFsProblems('electron/keys/k.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"), []);
  assert.deepEqual(await syncFsProblems('electron/services/office/backupService.ts', "import { copyFileSync } from 'node:fs';\nexport const a = copyFileSync;\n"), []);
});

test('the database and the bundle format are exempt only where they run before serving or off its thread', async () => {
  // Issue 26: whole directories were exempt, which hid the streamed bundle writer sealing an export
  // with synchronous reads and writes, and an import's scratch removed synchronously, at run time.
  const sync = "import { rmSync, writeSync } from 'node:fs';\nexport const a = [rmSync, writeSync];\n";
  assert.equal((await syncFsProblems('electron/db/database.ts', sync)).length, 2);
  assert.equal((await syncFsProblems('electron/sync/bundle/writeBundle.ts', sync)).length, 2);
  assert.deepEqual(await syncFsProblems('electron/db/startupFiles.ts', sync), []);
  assert.deepEqual(await syncFsProblems('electron/sync/bundle/container.ts', sync), []);
});
