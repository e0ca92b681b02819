// Starting a worker thread from its own script file, the same way in every build: the script sits
// beside the module that starts it (in browser mode's bundle as .cjs next to webMain.cjs, in the
// Electron build as .js next to index.js, in the compiled tests as .js, and as .ts in the sources
// run through tsx). Each worker script is a second entry of tools/build-host.mjs and of
// electron.vite.config.ts.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker, type ResourceLimits } from 'node:worker_threads';

/** The worker script `name` beside the module whose import.meta.url is `moduleUrl`. */
export function workerScript(moduleUrl: string, name: string): string {
  for (const ext of ['cjs', 'js', 'ts']) {
    const file = fileURLToPath(new URL(`./${name}.${ext}`, moduleUrl));
    if (existsSync(file)) return file;
  }
  throw new Error(`The worker script ${name} is missing from this build.`);
}

/**
 * Loader hooks registered on the main thread do not reach a worker on Node 20, so a worker started
 * from the TypeScript sources (tsx: the staff command line, tests that spawn a child) registers
 * tsx itself before it imports the script.
 */
export function spawnWorker(script: string, workerData: unknown, resourceLimits: ResourceLimits): Worker {
  if (!script.endsWith('.ts')) return new Worker(script, { workerData, resourceLimits });
  // tsx's ESM register API (its package "exports" hide the path from require.resolve).
  const api = pathToFileURL(join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist', 'esm', 'api', 'index.mjs')).href;
  const boot = `import(${JSON.stringify(api)}).then((t) => { t.register(); return import(${JSON.stringify(pathToFileURL(script).href)}); });`;
  return new Worker(boot, { eval: true, workerData, resourceLimits });
}
