// Synchronous file calls block the thread that serves every window (issue 26). They are allowed
// only where the code runs before the console serves anyone, on another thread, or from the
// command line, each named here with why; everywhere else, node:fs/promises.
export const SYNC_FS_ALLOWED = [
  // Start-up: the office key file and unlocking, the data directory's claim and release, the
  // database files made owner-only and a killed import's scratch removed as the database opens,
  // the host's launch, Electron's entries and shell, the core's opening.
  'electron/keys/**', 'electron/db/startupFiles.ts', 'electron/db/dataDirOwner.ts', 'electron/host/**',
  'electron/core.ts', 'electron/main.ts', 'electron/shell/**',
  // One line appended when something already went wrong (a slow query, a failed rollback): kept in
  // order and on disk should the process die next.
  'electron/db/diagnostics.ts',
  // Not the serving thread: the demo office and the generator (command line), worker start-up, and
  // the bundle worker's reads of a bundle file (container.ts runs inside the worker).
  'electron/demo/**', 'electron/seed/**', 'electron/worker/**', 'electron/sync/bundle/container.ts',
  // Rare and owner-started or at first use: backups, the office signing key, the fonts' first load.
  'electron/services/office/backupService.ts', 'electron/services/office/officeKeyService.ts', 'electron/sync/office/officeSyncKeys.ts', 'electron/report/pdf/fonts.ts',
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
