// The core's layers as code (issue 26), in the spirit of VS Code's local `code-layering` rule: each
// directory of electron/ has a rank, and a module may import only from its own directory or from
// a lower rank. shared/ sits below all of them (its own rule in eslint.config.js keeps it apart).
// docs/architecture.md draws the same table; a change to it is a change to both.
import { dirname, relative, resolve, sep } from 'node:path';

export const LAYERS = [
  // Formats and primitives that know no database: keys, bundle framing, the worker pool,
  // decoders, the seed generator.
  [1, ['keys', 'worker', 'images', 'files', 'seed', 'sync/bundle']],
  // The database connections, and the platform content's schemas (what a bundle's rows are).
  [2, ['db', 'sync/content']],
  // SQL, one store per table family.
  [3, ['store']],
  // What reads the store to make something: documents, the catalogues.
  [4, ['report', 'catalog']],
  // Sync's office side and its jobs, and the card readers' adapters.
  [5, ['sync/office', 'sync/worker', 'reader', 'office']],
  // The rules of the office's work, one service per domain.
  [6, ['services']],
  // The contract's handlers and the dispatcher.
  [7, ['api']],
  // The core: opens an office and wires the layers.
  [8, ['core.ts']],
  // What runs a core: the demo office, the browser-mode host, then Electron's shell and entries.
  [9, ['demo']],
  [10, ['host']],
  [11, ['shell']],
  [12, ['main.ts', 'preload.ts']],
];

// Each is one edge, named, with the reason it stays; the list stays a few lines long.
export const ALLOWED = [
  // An export seals the audit chain's head in the same transaction as the bundle's plan.
  ['sync/office/exportBundle.ts', 'services/audit/auditCheckpoint.ts'],
];

const rankOf = new Map(LAYERS.flatMap(([rank, names]) => names.map((n) => [n, rank])));

/** The layer a file under electron/ belongs to ('sync/office', 'store', 'core.ts'), or null outside. */
export function layerOf(electronDir, file) {
  const rel = relative(electronDir, file).split(sep).join('/');
  if (rel.startsWith('..')) return null;
  const parts = rel.split('/');
  if (parts.length === 1) return parts[0];
  return parts[0] === 'sync' ? `sync/${parts[1]}` : parts[0];
}

export const layeringRule = {
  meta: { type: 'problem', schema: [], messages: { up: '{{from}} (layer {{fromRank}}) may not import {{to}} (layer {{toRank}}): move the shared part down, or pass it in (tools/eslint/layers.js).', unknown: '{{layer}} has no layer in tools/eslint/layers.js: give it one.' } },
  create(context) {
    const file = context.filename;
    const electronDir = resolve(context.cwd, 'electron');
    const from = layerOf(electronDir, file);
    if (!from) return {};
    const check = (node, spec) => {
      if (typeof spec !== 'string' || !spec.startsWith('.')) return;
      const target = resolve(dirname(file), spec);
      const to = layerOf(electronDir, target.endsWith('.ts') ? target : `${target}.ts`);
      if (!to || to === from) return;
      const fromRank = rankOf.get(from);
      const toRank = rankOf.get(to);
      if (fromRank === undefined) return context.report({ node, messageId: 'unknown', data: { layer: from } });
      if (toRank === undefined) return context.report({ node, messageId: 'unknown', data: { layer: to } });
      if (toRank < fromRank || (toRank === fromRank && from.split('/')[0] === to.split('/')[0])) return;
      const fromRel = relative(electronDir, file).split(sep).join('/');
      const toRel = relative(electronDir, target).split(sep).join('/').replace(/(\.ts)?$/, '.ts');
      if (ALLOWED.some(([a, b]) => a === fromRel && b === toRel)) return;
      context.report({ node, messageId: 'up', data: { from, fromRank, to, toRank } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
