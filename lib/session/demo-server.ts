/**
 * The server the sign-in form starts with: the demo server in the demo build (`npm start`, set in wxt.config.ts),
 * nothing in the shipped one. Read when asked, so a test can set it.
 */
export function demoServerUrl(): string {
  const value: unknown = import.meta.env.LEADSIDE_DEMO_SERVER;
  return typeof value === 'string' ? value : '';
}
