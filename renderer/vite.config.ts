import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { withCspMeta } from '../shared/api/csp';

const here = fileURLToPath(new URL('.', import.meta.url));

// Relative base: the same build is loaded from file:// in Electron and from /<role>/ in browser mode.
export default defineConfig({
  root: here,
  base: './',
  // The page's <meta> policy comes from the one written in shared/api/csp.ts.
  plugins: [react(), { name: 'pingyi-csp', transformIndexHtml: { order: 'pre', handler: withCspMeta } }],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
  },
});
