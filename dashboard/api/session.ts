import { z } from 'zod';
import { Instant } from '../../lib/core/model/primitives';
import type { Me } from '../../lib/core/model/api';
import type { Role } from '../../lib/core/model/vocabulary';
import type { DashboardApi } from './client';

/**
 * What `GET /v1/session` answers (the contract of issue 15: `{user, workspace, csrfToken, expiresAt}`). Only the CSRF
 * token and the expiry are read from it: who the person is and the workspace's calendar come from `GET /v1/me`, which
 * answers the same for a cookie and a token, so the dashboard works the same either way.
 */
export const DashboardSessionInfo = z.object({ csrfToken: z.string().min(1), expiresAt: Instant });
export type DashboardSessionInfo = z.infer<typeof DashboardSessionInfo>;

/** Who is signed in, and how to show numbers and times to them. */
export interface DashboardSession {
  user: { id: string; name: string; email: string; role: Role };
  workspace: { id: string; name: string };
  /** The workspace's time zone (its work calendar's): weeks, periods and times are read in it. */
  timeZone: string;
  /** The reader's own language for numbers (the workspace keeps no locale of its own). */
  locale: string;
}

export function sessionFrom(me: Me, locale: string): DashboardSession {
  return { user: me.user, workspace: { id: me.workspace.id, name: me.workspace.name }, timeZone: me.calendar.timeZone, locale };
}

/** Loads the session: with a cookie, `GET /v1/session` first (a 401 there means signed out), then who it is. */
export async function loadSession(api: DashboardApi, locale: string): Promise<DashboardSession> {
  if (api.usesCookieSession) await api.session();
  return sessionFrom(await api.me(), locale);
}
