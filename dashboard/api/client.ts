import { z } from 'zod';
import { ApiFailure, kindForStatus } from '../../lib/api/errors';
import {
  IssuedToken,
  SiteSnippet,
  TokenList,
  TrackingKeyRotation,
  WorkspaceUser,
  type ContentDraft,
  type ContentReplacement,
  type NewTokenRequest,
  type UserPatch,
} from '../../lib/core/model/admin-requests';
import { AlertPreferences } from '../../lib/core/model/alerts';
import { Me } from '../../lib/core/model/api';
import type { ImportMapping } from '../../lib/core/imports/fields';
import type { DuplicateChoice } from '../../lib/core/imports/plan';
import { ImportProgressLine, ImportReport } from '../../lib/core/model/imports';
import { MutedLeadList } from '../../lib/core/model/muted-leads';
import { ScoringPreview, type ScoringPreviewRequest } from '../../lib/core/model/scoring-preview';
import { WorkspaceSettings } from '../../lib/core/model/settings';
import { FunnelReport, RecycledReport, SlaLeadsPage, SlaReport, type RecycledQuery, type SlaLeadsQuery } from '../../lib/core/model/reports';
import { ContentReport, SourcesReport } from '../../lib/core/model/closed-loop';
import { QuestionAnswer, QuestionGroupPage, type QuestionListQuery } from '../../lib/core/model/questions';
import { AcceptedSuggestion, RejectedSuggestion, SuggestionPage, type AcceptSuggestionRequest, type SuggestionStatus } from '../../lib/core/model/contact-requests';
import { ContentItem } from '../../lib/core/model/content';
import { AuditPage, type AuditQuery } from '../../lib/core/model/audit';
import {
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointWithSecret,
  type NewWebhookEndpoint,
  type WebhookEndpointPatch,
} from '../../lib/core/model/webhooks';
import { NewSharedScreen, SharedScreen, SignInOptions, SignInUrl, type NewSharedScreenRequest } from '../../lib/core/model/sessions';
import { PrivacyEraseResult, PrivacySubject, type PrivacyExportFormat } from '../../lib/core/model/privacy';
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

  /** The ways in besides a link (single sign-on's provider, when configured): public, asked while signed out. */
  signInOptions(): Promise<SignInOptions> {
    return this.get('/v1/sign-in-options', SignInOptions, { anonymous: true });
  }

  me(): Promise<Me> {
    return this.get('/v1/me', Me);
  }

  // My alerts (dashboard/pages/alerts/): each person's own, whatever their role.

  alertPreferences(): Promise<AlertPreferences> {
    return this.get('/v1/me/alerts', AlertPreferences);
  }

  /** Replaces the caller's preferences whole; answers what is stored. */
  saveAlertPreferences(preferences: AlertPreferences): Promise<AlertPreferences> {
    return this.write('PUT', '/v1/me/alerts', preferences, AlertPreferences);
  }

  /** The caller's muted leads with their names (a deleted one by id alone). */
  mutedLeads(): Promise<MutedLeadList> {
    return this.get('/v1/me/alerts/leads', MutedLeadList);
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

  // The closed loop and the leads to review (dashboard/pages/loop/, dashboard/pages/review/).

  sourcesReport(period: PeriodParams): Promise<SourcesReport> {
    return this.get(`/v1/reports/sources${query({ ...period })}`, SourcesReport);
  }

  /** Ranked; a rep gets their own leads' questions only. */
  questions(params: Partial<Omit<QuestionListQuery, 'limit'>> & { limit?: number } = {}): Promise<QuestionGroupPage> {
    return this.get(`/v1/questions${query({ ...params })}`, QuestionGroupPage);
  }

  /** The library (not archived) by title: the items an answer can link. */
  async contentLibrary(): Promise<ContentItem[]> {
    return (await this.get('/v1/content', z.object({ content: z.array(ContentItem) }))).content;
  }

  async linkAnswer(key: string, contentId: string): Promise<QuestionAnswer> {
    return parse(await this.send('PUT', `/v1/questions/${encodeURIComponent(key)}/answer`, { contentId }), QuestionAnswer, 'the answer');
  }

  async unlinkAnswer(key: string): Promise<void> {
    await this.send('DELETE', `/v1/questions/${encodeURIComponent(key)}/answer`);
  }

  suggestions(params: { status?: SuggestionStatus; before?: string } = {}): Promise<SuggestionPage> {
    return this.get(`/v1/suggestions${query({ ...params })}`, SuggestionPage);
  }

  async acceptSuggestion(id: string, request: Partial<AcceptSuggestionRequest>): Promise<AcceptedSuggestion> {
    return parse(await this.send('POST', `/v1/suggestions/${encodeURIComponent(id)}/accept`, request), AcceptedSuggestion, 'the accepted suggestion');
  }

  async rejectSuggestion(id: string, reason: string): Promise<RejectedSuggestion> {
    return parse(await this.send('POST', `/v1/suggestions/${encodeURIComponent(id)}/reject`, { reason }), RejectedSuggestion, 'the rejected suggestion');
  }

  recycledReport(params: Partial<Omit<RecycledQuery, 'limit'>> & { limit?: number } = {}): Promise<RecycledReport> {
    return this.get(`/v1/reports/recycled${query({ ...params })}`, RecycledReport);
  }

  /**
   * The shared screen's report: no sign-in, the token in the path is the permission (nothing personal beyond names
   * and counts). Sent without credentials of any kind, so a signed-in browser shows exactly what the TV shows.
   */
  async sharedSla(token: string): Promise<SlaReport> {
    return this.get(`/v1/shared/${encodeURIComponent(token)}/sla`, SlaReport, { anonymous: true });
  }

  // The content library (docs/api.md § Content): everyone reads it, marketing and admins write it.

  async contentList(options: { archived: boolean }): Promise<ContentItem[]> {
    return (await this.get(`/v1/content${query({ archived: String(options.archived) })}`, ContentList)).content;
  }

  async createContent(draft: ContentDraft): Promise<ContentItem> {
    return parse(await this.send('POST', '/v1/content', draft), ContentItem, '/v1/content');
  }

  /** A replacement of every writable field; `version` makes a concurrent edit a 409 rather than a lost change. */
  async replaceContent(id: string, replacement: ContentReplacement): Promise<ContentItem> {
    const path = `/v1/content/${encodeURIComponent(id)}`;
    return parse(await this.send('PUT', path, replacement), ContentItem, path);
  }

  contentReport(period: PeriodParams): Promise<ContentReport> {
    return this.get(`/v1/reports/content${query({ ...period })}`, ContentReport);
  }

  // The team (docs/api.md § Users and tokens, Browser sessions, The audit log).

  /** The workspace's users (managers and admins may list them): the team, and the owners a suggestion can go to. */
  async users(): Promise<WorkspaceUser[]> {
    return (await this.get('/v1/users', UserList)).users;
  }

  async updateUser(id: string, patch: UserPatch): Promise<WorkspaceUser> {
    const path = `/v1/users/${encodeURIComponent(id)}`;
    return parse(await this.send('PATCH', path, patch), WorkspaceUser, path);
  }

  async userTokens(userId: string): Promise<TokenList['tokens']> {
    return (await this.get(`/v1/users/${encodeURIComponent(userId)}/tokens`, TokenList)).tokens;
  }

  /** The answer carries the secret in `token`: the only time anyone sees it. */
  async issueToken(userId: string, request: NewTokenRequest): Promise<IssuedToken> {
    const path = `/v1/users/${encodeURIComponent(userId)}/tokens`;
    return parse(await this.send('POST', path, request), IssuedToken, path);
  }

  async revokeToken(userId: string, tokenId: string): Promise<void> {
    await this.send('DELETE', `/v1/users/${encodeURIComponent(userId)}/tokens/${encodeURIComponent(tokenId)}`);
  }

  async signInLink(userId: string): Promise<SignInUrl> {
    return parse(await this.send('POST', '/v1/signin-links', { userId }), SignInUrl, '/v1/signin-links');
  }

  auditPage(params: Partial<Pick<AuditQuery, 'before' | 'action' | 'limit'>>): Promise<AuditPage> {
    return this.get(`/v1/audit${query({ ...params })}`, AuditPage);
  }

  async rotateTrackingKey(): Promise<TrackingKeyRotation> {
    return parse(await this.send('POST', '/v1/tracking-key/rotate'), TrackingKeyRotation, '/v1/tracking-key/rotate');
  }

  async signOutEverywhere(): Promise<void> {
    await this.send('POST', '/v1/session/signout-everywhere');
  }

  async sharedScreens(): Promise<SharedScreen[]> {
    return (await this.get('/v1/shared-screens', SharedScreenList)).sharedScreens;
  }

  /** The answer carries the screen's URL: the only time anyone sees it (the server keeps its hash). */
  async createSharedScreen(request: NewSharedScreenRequest): Promise<NewSharedScreen> {
    return parse(await this.send('POST', '/v1/shared-screens', request), NewSharedScreen, '/v1/shared-screens');
  }

  async revokeSharedScreen(id: string): Promise<void> {
    await this.send('DELETE', `/v1/shared-screens/${encodeURIComponent(id)}`);
  }

  async signOut(): Promise<void> {
    await this.send('POST', '/v1/session/signout');
  }

  // Webhooks out (admins): the endpoints, their secrets (answered at creation and rotation only), the delivery log.
  async webhookEndpoints(): Promise<WebhookEndpoint[]> {
    return (await this.get('/v1/webhooks', WebhookEndpointList)).endpoints;
  }

  createWebhookEndpoint(request: z.input<typeof NewWebhookEndpoint>): Promise<WebhookEndpointWithSecret> {
    return this.write('POST', '/v1/webhooks', request, WebhookEndpointWithSecret);
  }

  updateWebhookEndpoint(id: string, patch: WebhookEndpointPatch): Promise<WebhookEndpoint> {
    return this.write('PATCH', `/v1/webhooks/${encodeURIComponent(id)}`, patch, WebhookEndpoint);
  }

  async deleteWebhookEndpoint(id: string): Promise<void> {
    await this.send('DELETE', `/v1/webhooks/${encodeURIComponent(id)}`);
  }

  rotateWebhookSecret(id: string): Promise<WebhookEndpointWithSecret> {
    return this.write('POST', `/v1/webhooks/${encodeURIComponent(id)}/rotate-secret`, undefined, WebhookEndpointWithSecret);
  }

  sendWebhookTest(id: string): Promise<WebhookDelivery> {
    return this.write('POST', `/v1/webhooks/${encodeURIComponent(id)}/test`, undefined, WebhookDelivery);
  }

  webhookDeliveries(id: string, before?: string): Promise<WebhookDeliveryPage> {
    return this.get(`/v1/webhooks/${encodeURIComponent(id)}/deliveries${query({ before })}`, WebhookDeliveryPage);
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

  // Privacy requests (dashboard/pages/privacy/): managers and admins.

  privacySubject(email: string): Promise<PrivacySubject> {
    return this.get(`/v1/privacy/subject${query({ email })}`, PrivacySubject);
  }

  /** The export as the file the server names (Content-Disposition), for the page to save. */
  async privacyExport(contactId: string, format: PrivacyExportFormat): Promise<{ text: string; fileName: string; type: string }> {
    const res = await this.send('GET', `/v1/privacy/export${query({ contactId, format })}`);
    const fileName = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `leadside-privacy-${contactId}.${format}`;
    return { text: await res.text(), fileName, type: res.headers.get('content-type') ?? 'application/octet-stream' };
  }

  erasePrivacySubject(contactId: string, confirmEmail: string): Promise<PrivacyEraseResult> {
    return this.write('POST', '/v1/privacy/erase', { contactId, confirmEmail }, PrivacyEraseResult);
  }

  // CSV import and export (docs/api.md § CSV import and export).

  /** A dry run's report; the body is the file as it is. */
  async importDryRun(csv: string, options: ImportOptions): Promise<ImportReport> {
    const path = `/v1/imports/contacts${query({ ...importParams(options), dryRun: 'true' })}`;
    return parse(await this.send('POST', path, new CsvBody(csv)), ImportReport, 'the dry run');
  }

  /** The real run: `onProgress` hears each batch written, from the NDJSON answer as it arrives; answers the report. */
  async importContacts(csv: string, options: ImportOptions, onProgress: (done: number, total: number) => void): Promise<ImportReport> {
    const res = await this.send('POST', `/v1/imports/contacts${query(importParams(options))}`, new CsvBody(csv));
    if (!res.body) throw new ApiFailure('server', 'the import answered nothing', res.status);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let pending = '';
    for (;;) {
      const { done, value } = await reader.read();
      pending += value ?? '';
      const lines = pending.split('\n');
      pending = done ? '' : lines.pop()!;
      for (const text of lines.filter((l) => l.trim() !== '')) {
        const line = ImportProgressLine.parse(JSON.parse(text));
        if (line.type === 'progress') onProgress(line.done, line.total);
        else if (line.type === 'done') return line.report;
        else throw new ApiFailure('server', line.message, res.status);
      }
      if (done) throw new ApiFailure('server', 'the import ended without its report', res.status);
    }
  }

  /** Where the browser downloads an export (a GET with the session cookie). */
  exportUrl(kind: 'contacts' | 'activities' | 'attempts', filter: Record<string, string | undefined>): string {
    return `${this.base}/v1/exports/${kind}.csv${query(Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== '')))}`;
  }

  private async write<S extends z.ZodType>(method: string, path: string, body: unknown, schema: S): Promise<z.infer<S>> {
    const res = await this.send(method, path, body);
    const parsed = schema.safeParse(await res.json().catch(() => undefined));
    if (!parsed.success) throw new ApiFailure('server', `the server's answer to ${path} is not what the dashboard expects`, res.status);
    return parsed.data;
  }

  private async get<S extends z.ZodType>(path: string, schema: S, options: { anonymous?: boolean } = {}): Promise<z.infer<S>> {
    return parse(await this.send('GET', path, undefined, options.anonymous), schema, path);
  }

  private async send(method: string, path: string, body?: unknown, anonymous = false): Promise<Response> {
    const write = method !== 'GET' && method !== 'HEAD';
    const headers: Record<string, string> = { Accept: 'application/json', ...(anonymous ? {} : this.credentials.headers(write)) };
    if (body !== undefined) headers['Content-Type'] = body instanceof CsvBody ? 'text/csv; charset=utf-8' : 'application/json';
    let res: Response;
    try {
      res = await this.fetchFn(`${this.base}${path}`, {
        method,
        headers,
        credentials: anonymous ? 'omit' : this.credentials.fetchCredentials,
        body: body === undefined ? undefined : body instanceof CsvBody ? body.text : JSON.stringify(body),
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

/** A CSV file sent as the body itself, not as JSON. */
class CsvBody {
  constructor(readonly text: string) {}
}

export interface ImportOptions {
  mapping: ImportMapping;
  duplicates: DuplicateChoice;
  goodRows: boolean;
}

function importParams(options: ImportOptions): Record<string, string> {
  return { mapping: JSON.stringify(options.mapping), duplicates: options.duplicates, goodRows: String(options.goodRows) };
}

const ContentList = z.object({ content: z.array(ContentItem) });
const UserList = z.object({ users: z.array(WorkspaceUser) });
const SharedScreenList = z.object({ sharedScreens: z.array(SharedScreen) });

/** An answer parsed with the schema the server answers with; anything else is the server's fault, said so. */
async function parse<S extends z.ZodType>(res: Response, schema: S, what: string): Promise<z.infer<S>> {
  const parsed = schema.safeParse(await res.json().catch(() => undefined));
  if (!parsed.success) throw new ApiFailure('server', `the server's answer to ${what} is not what the dashboard expects`, res.status);
  return parsed.data;
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) q.set(key, String(value));
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
