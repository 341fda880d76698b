import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { InputIssue } from '../../lib/core/model/parse';

export type ErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'token_expired'
  | 'session_expired'
  | 'forbidden'
  | 'csrf'
  | 'not_found'
  | 'conflict'
  | 'gone'
  | 'payload_too_large'
  | 'rate_limited'
  | 'internal';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthorized: 401,
  // A token that worked until its expiry: apart from `unauthorized`, so a client can say "expired" and not "refused".
  token_expired: 401,
  // A dashboard session that ended by idling or its age: the app says "sign in again", not "refused".
  session_expired: 401,
  forbidden: 403,
  // A write signed in by cookie without its session's X-CSRF-Token, or from another origin.
  csrf: 403,
  not_found: 404,
  conflict: 409,
  // A link that worked once: revoked or expired, as opposed to one that never existed (404).
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

/** An answer the API gives on purpose: `{"error": {"code", "message", "issues"?}}` with its status. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: InputIssue[],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.status = STATUS[code];
  }

  get body() {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

export const notFound = (what: string) => new ApiError('not_found', `${what} not found`);
export const badRequest = (message: string, issues?: InputIssue[]) => new ApiError('bad_request', message, issues);
