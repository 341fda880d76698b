import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium, or the one LEADSIDE_CHROMIUM names: the browser suite and the benchmarks run the same browser. */
export const CHROMIUM = process.env.LEADSIDE_CHROMIUM ?? '/usr/bin/chromium';

/** No sandbox (root in a container), no GPU, and nothing that talks to Google: only loopback traffic. */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Headless Chromium, nothing but loopback to talk to. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}
