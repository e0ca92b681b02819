#!/usr/bin/env node
// Bundles browser mode's entry (electron/host/webMain.ts) into one CommonJS file, out/host/webMain.cjs,
// run by plain Node. Starting from the bundle instead of compiling the TypeScript at every start
// (tsx) is what brings a cold start to the login screen near the target: tsx spent about 1.7 s
// compiling the core on each launch. Packages stay external (node_modules, the native SQLCipher
// binding included), exactly as the Electron main bundle does.
//
// `--e2e` builds the end-to-end suite's console instead (tests/e2e/support/clockedWebMain.ts, the
// same browser mode on a clock the spec sets) into out/e2e, which nothing packages or starts but
// the tests.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const e2e = process.argv.includes('--e2e');
// The worker threads (electron/sync/worker/bundleWorker.ts, electron/services/attachments/attachmentWorker.ts,
// electron/reader/readerLibraryWorker.ts, electron/report/pdf/pdfWorker.ts)
// are further entries beside it: the core starts each from the file next to its own bundle
// (electron/worker/spawnWorker.ts).
const workers = {
  bundleWorker: join(root, 'electron', 'sync', 'worker', 'bundleWorker.ts'),
  attachmentWorker: join(root, 'electron', 'services', 'attachments', 'attachmentWorker.ts'),
  readerLibraryWorker: join(root, 'electron', 'reader', 'readerLibraryWorker.ts'),
  pdfWorker: join(root, 'electron', 'report', 'pdf', 'pdfWorker.ts'),
};
await build({
  entryPoints: e2e
    ? { clockedWebMain: join(root, 'tests', 'e2e', 'support', 'clockedWebMain.ts'), ...workers }
    : { webMain: join(root, 'electron', 'host', 'webMain.ts'), ...workers },
  outdir: join(root, 'out', e2e ? 'e2e' : 'host'),
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'linked',
  // The sources read import.meta.url (their own location); in a CommonJS bundle that is the bundle's.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
});
