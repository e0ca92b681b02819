#!/usr/bin/env node
// Bundles browser mode's entry (electron/host/webMain.ts) into one CommonJS file, out/host/webMain.cjs,
// run by plain Node. Starting from the bundle instead of compiling the TypeScript at every start
// (tsx) is what brings a cold start to the login screen near the target: tsx spent about 1.7 s
// compiling the core on each launch. Packages stay external (node_modules, the native SQLCipher
// binding included), exactly as the Electron main bundle does.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [join(root, 'electron', 'host', 'webMain.ts')],
  outfile: join(root, 'out', 'host', 'webMain.cjs'),
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
