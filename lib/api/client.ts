import type { z } from 'zod';
import { LookupResponse, Me, TimelinePage } from '../core/model/api';
import { ErrorBody, MutationResponse, type Mutation } from '../core/model/mutations';
import { ExtensionCodeToken, SignInUrl } from '../core/model/sessions';
import { SyncPage } from '../core/model/sync';
import { TrackedLinkResponse } from '../core/model/tracking';
import { ApiFailure, kindForStatus, parseRetryAfter } from './errors';

export interface ApiClientOptions {
  /** The server's origin, e.g. "https://leadside.acme.com" (no trailing slash needed). */
  baseUrl: string;
  /** The bearer token; '' before sign-in (only the extension code exchange is called without one). */
  token: string;
  fetch?: typeof fetch;
  now?: () => number;
  /** Give up on a request after this long (the network may hang rather than fail). */
  timeoutMs?: number;
}

/** The typed client for the Leadside API: every answer is parsed with the same schemas the server uses. */
export function createApiClient(options: ApiClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args));
  const now = options.now ?? (() => Date.now());
  const timeoutMs = options.timeoutMs ?? 30_000;

  /** Turns a failed answer into an ApiFailure with the server's message. */
  async function failure(res: Response): Promise<ApiFailure> {
    const body: unknown = await res.json().catch(() => null);
    const parsed = ErrorBody.safeParse((body as { error?: unknown } | null)?.error);
    const message = parsed.success ? parsed.data.message : `the server answered ${res.status}`;
    const retryAfter = parseRetryAfter(res.headers.get('retry-after'), now());
    return new ApiFailure(kindForStatus(res.status), message, res.status, retryAfter, parsed.success ? parsed.data.code : null);
  }

  async function call<S extends z.ZodType>(path: string, schema: S | null, init: RequestInit = {}): Promise<z.infer<S>> {
    let res: Response;
    try {
      res = await doFetch(`${base}${path}`, {
        ...init,
        headers: { ...(options.token ? { authorization: `Bearer ${options.token}` } : {}), ...(init.body ? { 'content-type': 'application/json' } : {}), ...init.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new ApiFailure('offline', `could not reach ${base}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (!res.ok) throw await failure(res);
    if (schema === null) return undefined as z.infer<S>;
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new ApiFailure('server', `the server's answer to ${path} was not JSON`, res.status);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new ApiFailure('server', `the server's answer to ${path} did not have the expected shape`, res.status);
    return parsed.data;
  }

  return {
    baseUrl: base,
    me: () => call('/v1/me', Me),
    /** Uses a one-time sign-in code (from `npm start`'s link) once: answers a new token of its user. */
    exchangeExtensionCode: (code: string) => call('/v1/extension-code', ExtensionCodeToken, { method: 'POST', body: JSON.stringify({ code }) }),
    sync: (cursor: string | null, limit: number) => {
      const q = new URLSearchParams({ limit: String(limit) });
      if (cursor) q.set('cursor', cursor);
      return call(`/v1/sync?${q}`, SyncPage);
    },
    pushMutations: (mutations: readonly Mutation[]) =>
      call('/v1/mutations', MutationResponse, { method: 'POST', body: JSON.stringify({ mutations }) }),
    lookup: (emails: readonly string[]) => {
      const q = new URLSearchParams();
      for (const e of emails) q.append('email', e);
      return call(`/v1/contacts/lookup?${q}`, LookupResponse);
    },
    timeline: (contactId: string, before: string | null, limit = 50) => {
      const q = new URLSearchParams({ limit: String(limit) });
      if (before) q.set('before', before);
      return call(`/v1/contacts/${encodeURIComponent(contactId)}/timeline?${q}`, TimelinePage);
    },
    /** A signed tracked link for this contact to a URL or a library item (a 404 from a server without tracking). */
    trackedLink: (contactId: string, target: { url: string } | { contentId: string }) =>
      call('/v1/tracked-links', TrackedLinkResponse, { method: 'POST', body: JSON.stringify({ contactId, ...target }) }),
    /** A one-time link (60 s) that signs a browser in to the dashboard as this user: the token itself stays here. */
    dashboardLink: () => call('/v1/dashboard-code', SignInUrl, { method: 'POST' }),
    /**
     * Opens /v1/stream (server-sent events) and answers the open response, whose body the caller reads until it ends
     * or `signal` aborts. No timeout: the stream is meant to stay open.
     */
    stream: async (signal: AbortSignal): Promise<Response> => {
      let res: Response;
      try {
        res = await doFetch(`${base}/v1/stream`, {
          headers: { authorization: `Bearer ${options.token}`, accept: 'text/event-stream' },
          cache: 'no-store',
          signal,
        });
      } catch (err) {
        if (signal.aborted) throw err;
        throw new ApiFailure('offline', `could not reach ${base}: ${err instanceof Error ? err.message : String(err)}`);
      }
      if (!res.ok) throw await failure(res);
      if (!res.body) throw new ApiFailure('server', 'the stream answered without a body', res.status);
      return res;
    },
  };
}

export type ApiClient = ReturnType<typeof createApiClient>;
