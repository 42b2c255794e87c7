import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';
import { operationNames } from './shared/operations';

/** The preload is given the operations' names, not the table with its schemas (and zod). */
const operationNamesDefine = { __OPERATION_NAMES__: JSON.stringify(operationNames) };

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          // The service runs in its own utility process, so it is a separate entry.
          service: resolve(__dirname, 'electron/service/process-entry.ts'),
          // The import's reading thread, started by the service beside it (source-pipeline.ts).
          'import-worker': resolve(__dirname, 'electron/service/features/dataset/import/pipeline/source-worker.ts'),
          // The headless CLI: `node out/main/cli.js`, or the app's executable with --cli.
          cli: resolve(__dirname, 'electron/cli/cli-entry.ts'),
        },
      },
    },
  },
  preload: {
    define: operationNamesDefine,
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: resolve(__dirname, 'renderer/index.html') },
    },
  },
});
