import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

/**
 * The README's screenshots come from the real built panel in this suite. They go to test-results/screenshots/ on
 * every run; `LEADSIDE_SCREENSHOTS=docs npm test` writes them over docs/screenshots/ to refresh the README. A page
 * far longer than a screen (Settings) is pictured as the viewport shows it: `{ fullPage: false }`.
 */
export async function screenshotForReadme(page: Page, name: string, { fullPage = true }: { fullPage?: boolean } = {}): Promise<void> {
  const dir = process.env.LEADSIDE_SCREENSHOTS === 'docs' ? join(process.cwd(), 'docs', 'screenshots') : join(process.cwd(), 'test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage });
}
