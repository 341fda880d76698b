import type { TestServer } from '../harness';

/**
 * A browser's view of the server for session tests: it keeps the cookies the server sets (a jar of one origin), sends
 * them back, and never follows redirects, so a test reads the 303 and its Set-Cookie itself.
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  /** Every Set-Cookie line of the last answer, as sent. */
  lastSetCookie: string[] = [];

  constructor(private readonly server: TestServer) {}

  async fetch(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    let body = init.body;
    if (init.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(init.json);
    }
    const res = await fetch(`${this.server.url}${path}`, { ...init, headers, body, redirect: 'manual' });
    this.lastSetCookie = res.headers.getSetCookie();
    for (const line of this.lastSetCookie) {
      const [pair, ...attributes] = line.split(';').map((s) => s.trim());
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const gone = value === '' || attributes.some((a) => /^max-age=0$/i.test(a));
      if (gone) this.cookies.delete(name!);
      else this.cookies.set(name!, value);
    }
    return res;
  }

  /** Opens a sign-in URL the server made (its path, on this server) and presses the button: the POST a form sends. */
  async signInWith(url: string, origin: string | null = this.server.publicUrl): Promise<Response> {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (origin !== null) headers.origin = origin;
    return this.fetch(new URL(url).pathname, { method: 'POST', headers, body: '' });
  }
}
