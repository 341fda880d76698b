import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterEach } from 'vitest';
import type { LoadedExtension } from '../../support/extension';
import type { DemoServer } from './server';

export const EVIDENCE_DIR = join(process.cwd(), 'test-results', 'e2e');

/**
 * When a flow fails, leaves a screenshot of every open page and the server's log in test-results/e2e/, named after
 * the test, for whoever debugs it.
 */
export function keepEvidenceOnFailure(current: () => { ext?: LoadedExtension; contexts?: BrowserContext[]; server?: DemoServer }): void {
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
    mkdirSync(EVIDENCE_DIR, { recursive: true });
    const { ext, contexts = [], server } = current();
    const pages = [...(ext?.context.pages() ?? []), ...contexts.flatMap((c) => c.pages())];
    for (const [i, page] of pages.entries()) {
      await page.screenshot({ path: join(EVIDENCE_DIR, `${name}-${i}.png`), fullPage: true }).catch(() => undefined);
    }
    if (server) writeFileSync(join(EVIDENCE_DIR, `${name}-server.log`), server.logLines.join('\n'));
  });
}
