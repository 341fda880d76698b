import { dateTimeFormat } from '../intl-cache';
import type { Activity } from '../model/activity';

/** Who the alert is about, as the rep knows them: the name, else the address. */
export interface AlertSubject {
  name: string | null;
  email: string;
  company: string | null;
}

export function whoOf(subject: AlertSubject): string {
  return subject.name?.trim() || subject.email;
}

/** "Viewed Pricing · Brightwave": the detail, then the company when known. */
export function withCompany(detail: string, subject: AlertSubject): string {
  return subject.company ? `${detail} · ${subject.company}` : detail;
}

/** A page as a rep reads it: its title, else its path ("/pricing"), else "a page". */
export function pageName(activity: Pick<Activity, 'url' | 'title'>): string {
  const title = activity.title?.trim();
  if (title) return title;
  const path = pathOf(activity.url);
  return path ?? 'a page';
}

export function pathOf(url: string | null): string | null {
  if (url === null) return null;
  try {
    return new URL(url).pathname;
  } catch {
    return null;
  }
}

/** The wall-clock time in the workspace's zone ("16:30"), for "due at" lines. */
export function clockTime(at: Date, zone: string): string {
  return dateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hour12: false }).format(at);
}

/** Keeps a line inside the Alert schema's limits. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
