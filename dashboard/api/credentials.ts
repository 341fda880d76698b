/**
 * How the dashboard proves who it is. In a browser: the session cookie (sent by the browser itself, same origin) and,
 * on every write, the session's CSRF token in `X-CSRF-Token`. In tests, and for anyone scripting the dashboard's
 * calls with a token: a Bearer header. The client does not care which; the rest of the app never sees either.
 */
export interface Credentials {
  /** What fetch sends cookies with. */
  readonly fetchCredentials: RequestCredentials;
  /** Headers for one request; `write` for anything but GET and HEAD. */
  headers(write: boolean): Record<string, string>;
  /** Told the session's CSRF token once `GET /v1/session` answers (cookie sessions only). */
  setCsrfToken(token: string): void;
  /** Whether the session comes from the cookie (`GET /v1/session`) rather than a token (`GET /v1/me` alone). */
  readonly cookieSession: boolean;
}

/** The browser's session cookie, with the CSRF token on writes (docs/api.md § Browser sessions). */
export function cookieCredentials(): Credentials {
  let csrf: string | null = null;
  return {
    fetchCredentials: 'same-origin',
    cookieSession: true,
    headers: (write): Record<string, string> => (write && csrf !== null ? { 'X-CSRF-Token': csrf } : {}),
    setCsrfToken: (token) => {
      csrf = token;
    },
  };
}

/** An API token as a Bearer header: tests against a real server, before and besides cookie sessions. */
export function bearerCredentials(token: string): Credentials {
  return {
    fetchCredentials: 'omit',
    cookieSession: false,
    headers: () => ({ Authorization: `Bearer ${token}` }),
    setCsrfToken: () => undefined,
  };
}
