import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Builds both browsers' extensions for real, into a scratch folder, and reads what the browser would load.
const outDir = mkdtempSync(join(tmpdir(), 'leadside-build-'));
const wxt = join(process.cwd(), 'node_modules', '.bin', 'wxt');

function build(args: string[]): void {
  execFileSync(wxt, ['build', ...args], { env: { ...process.env, LEADSIDE_OUT_DIR: outDir }, stdio: 'pipe' });
}

function manifest(target: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(outDir, target, 'manifest.json'), 'utf8')) as Record<string, unknown>;
}

describe('the built extensions', () => {
  beforeAll(() => {
    build([]);
    build(['-b', 'firefox', '--mv3']);
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('Chrome MV3 opens the side panel and asks only for what it uses; server access is optional, asked at sign-in', () => {
    const m = manifest('chrome-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(m.permissions).toEqual(['sidePanel', 'alarms', 'storage', 'activeTab']);
    expect(m.optional_permissions).toEqual(['scripting', 'notifications']);
    expect(m.host_permissions).toBeUndefined();
    expect(m.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
    expect(m.options_ui).toEqual({ open_in_tab: true, page: 'options.html' });
    expect(m.background).toEqual({ service_worker: 'background.js' });
  });

  it('the shipped Chrome build pins no extension id, exposes no page to the web, and prefills no demo server', () => {
    const m = manifest('chrome-mv3');
    // Only the demo build (LEADSIDE_E2E=1) carries the key npm start's one-click links rely on.
    expect(m.key).toBeUndefined();
    expect(m.web_accessible_resources).toBeUndefined();
    const chunks = readdirSync(join(outDir, 'chrome-mv3', 'chunks')).filter((f) => f.startsWith('options'));
    expect(chunks.length).toBeGreaterThan(0);
    for (const chunk of chunks) expect(readFileSync(join(outDir, 'chrome-mv3', 'chunks', chunk), 'utf8')).not.toContain('127.0.0.1:8787');
  });

  it('Firefox MV3 opens the sidebar and asks only for the alarm, storage and the clicked tab; scripting is optional', () => {
    const m = manifest('firefox-mv3');
    expect(m.manifest_version).toBe(3);
    expect(m.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', open_at_install: false });
    expect(m.permissions).toEqual(['alarms', 'storage', 'activeTab']);
    expect(m.optional_permissions).toEqual(['scripting', 'notifications']);
    expect(m.browser_specific_settings).toMatchObject({ gecko: { id: 'extension@leadside.app' } });
  });
});
