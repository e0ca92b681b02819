import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

// The console's strings are two trees per feature file (issue 26: nothing made `en` carry the
// keys of `zh`, and `accounts` was defined in two files and silently merged).

type Tree = { [key: string]: string | Tree };
type Bilingual = { zh: unknown; en: unknown };
let FEATURES: Record<string, Bilingual> = {};
let resources: { zh: { translation: Tree } };

// The renderer is not compiled for the core's tests: its string files are bundled here as they are.
const I18N = join(import.meta.dirname, '..', '..', '..', 'renderer', 'src', 'i18n');
before(async () => {
  // Every file of the folder but the two that gather them: a new feature file is held at once.
  const names = readdirSync(I18N).filter((f) => f.endsWith('.ts') && !['index.ts', 'resources.ts'].includes(f)).map((f) => f.slice(0, -3));
  const source = names.map((n) => `export * as ${n} from './${n}';`).join('\n') + `\nexport { resources } from './resources';`;
  const out = await build({ stdin: { contents: source, resolveDir: I18N, loader: 'ts' }, bundle: true, write: false, format: 'esm', platform: 'neutral', logLevel: 'silent' });
  const mod = (await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0]!.text).toString('base64')}`)) as Record<string, Record<string, Bilingual>> & { resources: typeof resources };
  resources = mod.resources;
  // Each file exports one { zh, en } object under its own name.
  FEATURES = Object.fromEntries(names.map((n) => [n, Object.values(mod[n]!).find((v): v is Bilingual => typeof v === 'object' && v !== null && 'zh' in v && 'en' in v)!]));
});

/** Leaf paths, an i18next plural's forms (daysLate_one, daysLate_other) as one key. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const path = (prefix ? `${prefix}.${k}` : k).replace(/_(zero|one|two|few|many|other)$/, '');
    if (typeof v === 'string') out.set(path, v);
    else for (const [p, s] of leaves(v, path)) out.set(p, s);
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

test('every feature says each string in both languages, with the same placeholders', () => {
  for (const [name, f] of Object.entries(FEATURES)) {
    const zh = leaves(f.zh as Tree);
    const en = leaves(f.en as Tree);
    assert.deepEqual([...zh.keys()].filter((k) => !en.has(k)), [], `${name}: in Chinese only`);
    assert.deepEqual([...en.keys()].filter((k) => !zh.has(k)), [], `${name}: in English only`);
    for (const [k, s] of zh) assert.deepEqual(placeholders(en.get(k)!), placeholders(s), `${name}: ${k} fills other values in English`);
  }
});

test('no string is defined by two features (one would silently replace the other)', () => {
  const owner = new Map<string, string>();
  const twice: string[] = [];
  for (const [name, f] of Object.entries(FEATURES)) {
    for (const k of leaves(f.zh as Tree).keys()) {
      const first = owner.get(k);
      if (first) twice.push(`${k} (${first}, ${name})`);
      else owner.set(k, name);
    }
  }
  assert.deepEqual(twice, []);
  assert.equal(leaves(resources.zh.translation).size, owner.size, 'every feature file is registered in resources.ts');
});
