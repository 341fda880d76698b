import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The dashboard: built into .output/dashboard (beside the extension's .output/chrome-mv3), which the API server serves
 * at /app/*. `base` is absolute, so the shared screen's page at /shared/<token> loads the same assets.
 */
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/app/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../.output/dashboard', import.meta.url)),
    emptyOutDir: true,
    // Hashed names under assets/: the server gives them a year's cache (server/http/dashboard-files.ts).
    assetsDir: 'assets',
    sourcemap: false,
    reportCompressedSize: false,
  },
});
