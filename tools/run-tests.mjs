#!/usr/bin/env node
// Runs every *.test.ts below the given folders with Node's own test runner (Node 20's --test
// does not expand globs itself).
//
// The TypeScript is compiled ahead of the run with esbuild (the compiler tsx itself uses) into a
// mirror of the repository in a temporary directory, and the compiled files run on plain Node:
// on Node 20, loading test files through tsx's module hooks stalled for good once in many runs
// (the loader-hooks thread deadlock reported against Node 20/22 and tsx), and with no hooks there
// is nothing to stall. The mirror keeps every file at its own relative path, so
// `import.meta.dirname`, JSON imports and `../../resources` paths mean what they mean in the
// repository; everything that is not compiled is a symlink to the original. Set
// CREDITDESK_TEST_LOADER=tsx to run the sources through tsx instead (the old way).
//
// Every test and hook gets a default timeout (tools/test-timeouts.mjs), so a hung test fails by
// its name and the run goes on; a test file that never finishes at all is failed by name by
// --test-timeout. Nothing is ever run twice.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Real paths throughout: a clone reached through a symlinked folder, or a test file named by its
// link inside another run's mirror, must still name the same file of this repository.
const root = realpathSync(resolve(dirname(fileURLToPath(import.meta.url)), '..'));
const FILE_TIMEOUT_MS = Number(process.env.CREDITDESK_TEST_FILE_TIMEOUT_MS ?? 10 * 60_000);
const useTsx = process.env.CREDITDESK_TEST_LOADER === 'tsx';
/** Compiled: the code a unit/integration test can reach. Everything else is linked as it is. */
const SOURCE_DIRS = ['electron', 'shared', 'tools', 'tests'];

function find(dir, pred) {
  let out = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out = out.concat(find(p, pred));
    else if (pred(e.name)) out.push(p);
  }
  return out;
}

const files = process.argv
  .slice(2)
  .flatMap((d) => (statSync(resolve(d)).isFile() ? [resolve(d)] : find(resolve(d), (n) => n.endsWith('.test.ts'))))
  .map((f) => realpathSync(f))
  .sort();
/** A test file's path inside the repository, whatever folder the clone (or a mirror linking to it) sits in. */
function repoPath(file) {
  const rel = relative(root, file);
  if (rel.startsWith('..') || isAbsolute(rel)) throw new Error(`${file} is not inside ${root}`);
  return rel;
}
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

/** Mirrors the repository under a temporary directory with the TypeScript compiled to .js. */
async function compile() {
  const { build } = await import('esbuild');
  const out = mkdtempSync(join(tmpdir(), 'creditdesk-tests-'));
  for (const e of readdirSync(root)) {
    if (!SOURCE_DIRS.includes(e)) symlinkSync(join(root, e), join(out, e));
  }
  const sources = [];
  for (const d of SOURCE_DIRS) {
    for (const f of find(join(root, d), () => true)) {
      const target = join(out, relative(root, f));
      mkdirSync(dirname(target), { recursive: true });
      // The original stays beside its compiled twin: tests that spawn `tsx some.ts` still find it.
      symlinkSync(f, target);
      if (f.endsWith('.ts') && !f.endsWith('.d.ts') && !f.includes(`${join('tests', 'e2e')}`)) sources.push(f);
    }
  }
  // One entry per source file, every import left external with its path rewritten to the compiled
  // twin: a per-file transform that keeps the module graph (and module identity) as in the sources.
  const keepImports = {
    name: 'keep-imports',
    setup(b) {
      b.onResolve({ filter: /.*/ }, (args) => {
        // JSON is inlined: esbuild drops the `with { type: 'json' }` of an external import.
        if (args.kind === 'entry-point' || args.path.endsWith('.json')) return undefined;
        if (!args.path.startsWith('.')) return { path: args.path, external: true };
        const base = resolve(args.resolveDir, args.path);
        for (const [suffix, spec] of [['', args.path], ['.ts', `${args.path}.js`], ['/index.ts', `${args.path}/index.js`]]) {
          const candidate = base + suffix;
          if (existsSync(candidate) && statSync(candidate).isFile()) {
            return { path: spec.endsWith('.ts') ? `${spec.slice(0, -3)}.js` : spec, external: true };
          }
        }
        return { errors: [{ text: `Cannot resolve ${args.path}` }] };
      });
    },
  };
  await build({
    entryPoints: sources,
    outbase: root,
    outdir: out,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    sourcemap: 'inline',
    logLevel: 'warning',
    plugins: [keepImports],
  });
  return out;
}

const started = performance.now();
let mirror = null;
let runFiles = files;
const nodeArgs = ['--test', '--test-concurrency=2', '--test-force-exit', '--test-reporter=spec', `--test-timeout=${FILE_TIMEOUT_MS}`];
nodeArgs.push('--import', join(root, 'tools', 'test-timeouts.mjs'));
if (useTsx) nodeArgs.push('--import', 'tsx');
else {
  mirror = await compile();
  // Run from inside the mirror, so reports name files as tests/… rather than by the temp path.
  runFiles = files.map((f) => repoPath(f).replace(/\.ts$/, '.js'));
  console.log(`Compiled the tests in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
}

// Error-catalogue coverage: tests report each error code they observed into this directory.
const coverageDir = mkdtempSync(join(tmpdir(), 'creditdesk-codes-'));
// A second report, in TAP, for the list of the slowest tests at the end: CI has 20 minutes on 2 cores.
const tapFile = join(coverageDir, 'report.tap');
nodeArgs.push('--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`);
const fullRun = ['tests/unit', 'tests/integration'].every((d) => process.argv.slice(2).some((a) => existsSync(a) && realpathSync(a) === join(root, d)));

/** Every code of the API and sync catalogues must have been observed by some test in a full run. */
async function checkErrorCoverage() {
  const { ERROR_CODES } = await import(join(mirror, 'shared', 'errors.js'));
  const { REFUSAL_CODES } = await import(join(mirror, 'shared', 'i18n', 'errorMessages.js'));
  const catalogue = [...ERROR_CODES, ...REFUSAL_CODES];
  const seen = new Set(readdirSync(coverageDir).flatMap((f) => readFileSync(join(coverageDir, f), 'utf8').split('\n')).filter(Boolean));
  const missing = catalogue.filter((c) => !seen.has(c));
  if (missing.length) console.error(`\nError codes no test provoked (write a test that makes each happen, or remove a code nothing can raise):\n  ${missing.join('\n  ')}`);
  else console.log(`Error catalogue: all ${catalogue.length} codes provoked by a test.`);
  return missing.length === 0;
}

/** The tests that took longest, from the TAP report's top-level entries. */
function printSlowestTests() {
  if (!existsSync(tapFile) || files.length < 10) return;
  const times = [...readFileSync(tapFile, 'utf8').matchAll(/^(?:not )?ok \d+ - (.+)\n {2}---\n {2}duration_ms: ([\d.]+)/gm)].map((m) => ({ test: m[1], ms: Number(m[2]) }));
  if (times.length === 0) return;
  const slowest = times.sort((a, b) => b.ms - a.ms).slice(0, 8);
  console.log(`\nSlowest tests (of ${times.length}):\n${slowest.map((t) => `  ${(t.ms / 1000).toFixed(1).padStart(6)} s  ${t.test}`).join('\n')}`);
}

let code = await new Promise((resolveExit) => {
  const child = spawn(process.execPath, [...nodeArgs, '--enable-source-maps', ...runFiles], {
    stdio: 'inherit',
    cwd: mirror ?? process.cwd(),
    env: { ...process.env, CREDITDESK_QUIET: '1', CREDITDESK_ERROR_COVERAGE_DIR: coverageDir },
  });
  child.on('exit', (c, signal) => resolveExit(c ?? (signal ? 1 : 0)));
});
if (fullRun && mirror && !(await checkErrorCoverage())) code = 1;
printSlowestTests();
if (mirror) rmSync(mirror, { recursive: true, force: true });
rmSync(coverageDir, { recursive: true, force: true });
process.exit(code);
