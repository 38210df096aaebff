/**
 * Builds the task pane into addin/dist, which the sync server serves at /addin/ (hence base './').
 * office.js is not bundled: the pages load it from Microsoft's CDN with a script tag.
 * Run from the repo root: vite build --config addin/vite.config.ts
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = fileURLToPath(new URL('.', import.meta.url));
const pages = resolve(here, 'src/taskpane');

export default defineConfig({
  root: pages,
  base: './',
  publicDir: resolve(here, 'public'),
  plugins: [react()],
  build: {
    outDir: resolve(here, 'dist'),
    emptyOutDir: true,
    sourcemap: true,
    // React + Fluent UI in one chunk is ~620 kB (175 kB gzipped), loaded once from the same origin.
    chunkSizeWarningLimit: 800,
    target: 'es2022',
    rollupOptions: {
      input: { taskpane: resolve(pages, 'taskpane.html'), commands: resolve(pages, 'commands.html'), browser: resolve(pages, 'browser.html'), signinDialog: resolve(pages, 'signin-dialog.html') },
    },
  },
  server: { port: 3001 },
});
