import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/**
 * Builds the dashboard as `npm run build` does (dashboard/vite.config.ts), into `outDir`, else a scratch folder, for
 * the browser suite's server to serve at /app/: a run never depends on, or overwrites, whatever .output/dashboard
 * holds. It takes about a second, so each suite that opens the dashboard builds it once, as each builds the extension.
 */
export function buildDashboard(outDir = mkdtempSync(join(tmpdir(), 'leadside-e2e-dashboard-'))): string {
  execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--config', join(root, 'dashboard', 'vite.config.ts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'pipe',
    maxBuffer: 16 * 1024 * 1024,
  });
  return outDir;
}
