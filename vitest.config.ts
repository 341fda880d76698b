import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Every test runs in UTC unless it says otherwise, so zone bugs that hide in the machine's zone surface.
    env: { TZ: 'UTC' },
    globalSetup: ['./test/support/postgres.ts'],
    reporters: ['default', './test/support/summary-reporter.ts'],
  },
});
