import { existsSync } from 'node:fs';

/**
 * Node's arguments to run a TypeScript script of the project in a child process. Under
 * tools/run-tests.mjs every source has a compiled twin beside it, which plain Node runs at once
 * (and without tsx's own heap, which matters to the memory tests); run from the sources, tsx.
 */
export function nodeScript(tsPath: string): string[] {
  const js = tsPath.replace(/\.ts$/, '.js');
  return import.meta.filename.endsWith('.js') && existsSync(js) ? [js] : ['--import', 'tsx', tsPath];
}
