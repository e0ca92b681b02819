// Synchronous file calls block the thread that serves every window (issue 26). The exempt places
// are mostly start-up and the command line (key files, database opening, the host's launch, the
// demo, the generator, worker start-up, backups, the fonts' first load); whole directories are
// exempt, so a few run-time calls inside them go unseen (docs/architecture.md names them).
// Everywhere else, node:fs/promises.
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
