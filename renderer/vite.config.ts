import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// import.meta.dirname rather than node:url/node:path: the renderer folder is linted as Node-free, and Vite sets it
// to this file's folder when it loads the config.
const root = import.meta.dirname;

/** Builds the user interface into renderer/dist, with relative asset paths so app:// and the web bridge both serve it. */
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The app runs in a known Chromium (Electron or the test browser), so modern output is enough.
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  server: {
    host: '127.0.0.1',
    // The renderer imports main/contract/, which lives outside the renderer root.
    fs: { allow: [`${root}/..`] },
  },
});
