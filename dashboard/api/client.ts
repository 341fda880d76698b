import { z } from 'zod';
import { ApiFailure, kindForStatus } from '../../lib/api/errors';
import { SiteSnippet } from '../../lib/core/model/admin-requests';
import { Me } from '../../lib/core/model/api';
import { ScoringPreview, type ScoringPreviewRequest } from '../../lib/core/model/scoring-preview';
import { WorkspaceSettings } from '../../lib/core/model/settings';
import { FunnelReport, SlaLeadsPage, SlaReport, type SlaLeadsQuery } from '../../lib/core/model/reports';
import type { Credentials } from './credentials';
import { DashboardSessionInfo } from './session';

/** The `issues` of an error answer: where in the body, and what is wrong there. */
const InputIssues = z.array(z.object({ path: z.string(), message: z.string() }));

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

/** `?from=` (and optionally `to=`) of a report; the server's default is the 30 days up to now. */
export interface PeriodParams {
  from?: string;
  to?: string;
}

/** The funnel planner's query: the team's measured rates come back in `measured` whatever goal is asked. */
export interface FunnelParams extends PeriodParams {
  revenueGoal: number;
  averageDealSize: number;
  rate: number;
}

/**
 * The dashboard's typed calls to the API on its own origin. Every answer is parsed with the schema the server answers
 * with (lib/core/model), so a change on one side fails loudly here, not as `undefined` on a page.
 */
export class DashboardApi {
  constructor(
    private readonly credentials: Credentials,
    private readonly fetchFn: FetchLike = (input, init) => fetch(input, init),
    /** '' in the browser (same origin); the test server's URL in tests. */
    private readonly base = '',
  ) {}

  get usesCookieSession(): boolean {
    return this.credentials.cookieSession;
  }

  /** The signed-in session (cookie): its CSRF token is kept for the writes that follow. 401 when signed out. */
  async session(): Promise<DashboardSessionInfo> {
    const info = await this.get('/v1/session', DashboardSessionInfo);
    this.credentials.setCsrfToken(info.csrfToken);
    return info;
  }

  me(): Promise<Me> {
    return this.get('/v1/me', Me);
  }

  slaReport(period: PeriodParams): Promise<SlaReport> {
    return this.get(`/v1/reports/sla${query({ ...period })}`, SlaReport);
  }

  slaLeads(params: Partial<Omit<SlaLeadsQuery, 'limit'>> & { figure: SlaLeadsQuery['figure']; limit?: number }): Promise<SlaLeadsPage> {
    return this.get(`/v1/reports/sla/leads${query({ ...params })}`, SlaLeadsPage);
  }

  funnelReport(params: FunnelParams): Promise<FunnelReport> {
    return this.get(`/v1/reports/funnel${query({ ...params })}`, FunnelReport);
  }

  /**
   * The shared screen's report: no sign-in, the token in the path is the permission (nothing personal beyond names
   * and counts). Sent without credentials of any kind, so a signed-in browser shows exactly what the TV shows.
   */
  async sharedSla(token: string): Promise<SlaReport> {
    return this.get(`/v1/shared/${encodeURIComponent(token)}/sla`, SlaReport, { anonymous: true });
  }

  async signOut(): Promise<void> {
    await this.send('POST', '/v1/session/signout');
  }

  /** The workspace's settings, with the defaults of parts added since they were saved filled in. */
  settings(): Promise<WorkspaceSettings> {
    return this.get('/v1/settings', WorkspaceSettings);
  }

  /** Saves the whole settings document (the server refuses a change to a part the role does not own); answers what is stored. */
  saveSettings(settings: WorkspaceSettings): Promise<WorkspaceSettings> {
    return this.write('PUT', '/v1/settings', settings, WorkspaceSettings);
  }

  /** The workspace's site key and the snippet for the company site. */
  siteSnippet(): Promise<SiteSnippet> {
    return this.get('/v1/settings/site', SiteSnippet);
  }

  /** What a proposed scoring model would change over the current leads; writes nothing. */
  scoringPreview(request: z.input<typeof ScoringPreviewRequest>): Promise<ScoringPreview> {
    return this.write('POST', '/v1/settings/scoring/preview', request, ScoringPreview);
  }

  private async write<S extends z.ZodType>(method: string, path: string, body: unknown, schema: S): Promise<z.infer<S>> {
    const res = await this.send(method, path, body);
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new ApiFailure('server', `the server's answer to ${path} is not what the dashboard expects`, res.status);
    return parsed.data;
  }

  private async get<S extends z.ZodType>(path: string, schema: S, options: { anonymous?: boolean } = {}): Promise<z.infer<S>> {
    const res = await this.send('GET', path, undefined, options.anonymous);
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new ApiFailure('server', `the server's answer to ${path} is not what the dashboard expects`, res.status);
    return parsed.data;
  }

  private async send(method: string, path: string, body?: unknown, anonymous = false): Promise<Response> {
    const write = method !== 'GET' && method !== 'HEAD';
    const headers: Record<string, string> = { Accept: 'application/json', ...(anonymous ? {} : this.credentials.headers(write)) };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}${path}`, {
        method,
        headers,
        credentials: anonymous ? 'omit' : this.credentials.fetchCredentials,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiFailure('offline', 'the server cannot be reached: check the connection and try again');
    }
    if (res.ok) return res;
    const error = (await res.json().catch(() => null)) as { error?: { code?: string; message?: string; issues?: unknown } } | null;
    const issues = InputIssues.safeParse(error?.error?.issues);
    throw new ApiFailure(
      kindForStatus(res.status),
      error?.error?.message ?? `the server answered ${res.status}`,
      res.status,
      null,
      error?.error?.code ?? null,
      issues.success ? issues.data : [],
    );
  }
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) q.set(key, String(value));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
