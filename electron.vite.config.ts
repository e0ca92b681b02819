import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { withMetaPolicy } from './electron/host/securityHeaders';

// One build for all three targets. @journeyapps/sqlcipher stays external (a native N-API module
// loaded at run time from node_modules, unpacked from asar by electron-builder).
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      // The worker threads run from their own files beside index.js (electron/worker/spawnWorker.ts).
      rollupOptions: {
        input: {
          index: resolve('electron/main.ts'),
          bundleWorker: resolve('electron/sync/worker/bundleWorker.ts'),
          attachmentWorker: resolve('electron/services/attachments/attachmentWorker.ts'),
          readerLibraryWorker: resolve('electron/reader/readerLibraryWorker.ts'),
          pdfWorker: resolve('electron/report/pdf/pdfWorker.ts'),
        },
        external: ['@journeyapps/sqlcipher', 'koffi'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve('electron/preload.ts') }, output: { format: 'cjs' } },
    },
  },
  renderer: {
    root: 'renderer',
    base: './',
    // The page's CSP meta tag is the host's policy (one source: electron/host/securityHeaders.ts).
    plugins: [react(), { name: 'creditdesk-csp-meta', transformIndexHtml: withMetaPolicy }],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      // electron-vite's renderer preset leaves minification off: 3.3 MB of script unminified.
      minify: 'esbuild',
      rollupOptions: { input: resolve('renderer/index.html') },
      chunkSizeWarningLimit: 2000,
    },
  },
});
