// Synchronous file calls block the thread that serves every window (issue 26). The core may use
// them only where nothing is being served yet or nothing else runs: start-up and key files,
// database opening, the browser-mode host's launch, the demo and the generator, worker start-up,
// the bundle format's own readers and writers (run in the bundle worker and the platform's tools),
// backups (a staff command, and the console's close) and the fonts' first load. Everywhere else,
// node:fs/promises.
export const SYNC_FS_ALLOWED = [
  'electron/keys/**', 'electron/db/**', 'electron/host/**', 'electron/demo/**', 'electron/seed/**', 'electron/worker/**', 'electron/sync/bundle/**',
  'electron/core.ts', 'electron/main.ts', 'electron/shell/**',
  'electron/services/backupService.ts', 'electron/services/officeKeyService.ts', 'electron/sync/office/officeSyncKeys.ts', 'electron/report/pdf/fonts.ts',
];

export const noSyncFsRule = {
  meta: { type: 'problem', schema: [], messages: { sync: '{{name}} blocks the thread that serves every window: use node:fs/promises (tools/eslint/noSyncFs.js says where sync calls are allowed).', whole: 'Import the file functions by name from node:fs/promises, not the whole of node:fs.' } },
  create(context) {
    return {
      ImportDeclaration(node) {
        if (node.source.value !== 'node:fs' && node.source.value !== 'fs') return;
        for (const s of node.specifiers) {
          if (s.type !== 'ImportSpecifier') {
            context.report({ node: s, messageId: 'whole' });
            continue;
          }
          const name = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
          if (/Sync$/.test(name)) context.report({ node: s, messageId: 'sync', data: { name } });
        }
      },
    };
  },
};
