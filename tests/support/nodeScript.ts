import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';

/**
 * Node's arguments to run a TypeScript script of the project in a child process. Under
 * tools/run-tests.mjs every source has a compiled twin beside it, which plain Node runs at once
 * (and without tsx's own heap, which matters to the memory tests); run from the sources, tsx.
 */
export function nodeScript(tsPath: string): string[] {
  const js = tsPath.replace(/\.ts$/, '.js');
  return import.meta.filename.endsWith('.js') && existsSync(js) ? [js] : ['--import', 'tsx', tsPath];
}

/**
 * Runs a child script of a test (with extra Node flags first, such as a heap budget) and resolves
 * with the JSON object its last stdout line holds; a non-zero exit rejects with what it printed.
 */
export function runScriptForJson<T>(nodeFlags: string[], tsPath: string, args: string[], env: Record<string, string>, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, ...nodeScript(tsPath), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(text.trim().split('\n').pop()!) as T) : reject(new Error(`the ${what} child exited with ${code}: ${text}`))));
  });
}

export interface ScriptExit { code: number | null; out: string; err: string }

/**
 * Runs a child script (a staff command, a console) to its exit and resolves with what it printed:
 * asynchronous, so the test's own work goes on while the child runs (spawnSync would stop it).
 */
export function runScript(tsPath: string, args: string[], env: Record<string, string>): Promise<ScriptExit> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeScript(tsPath), ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}
