import { queueGroupOf, type QueueCadence } from './queue';

/** What the toolbar button shows: the badge's text and colour, and the button's tooltip. */
export interface ToolbarBadge {
  /** '' clears the badge. */
  text: string;
  /** The badge's background; null when there is no badge. */
  color: string | null;
  title: string;
}

/** The button's own title (wxt.config.ts `action.default_title`), put back when nothing is late. */
export const TOOLBAR_DEFAULT_TITLE = 'Open Leadside';
/** Breached is the worst (the promise broke): the design system's --danger. */
export const BADGE_BREACHED_COLOR = '#b42318';
/** Overdue only: amber, dark enough for the badge's white text. */
export const BADGE_OVERDUE_COLOR = '#b54708';

/**
 * The toolbar badge: how many of the rep's leads are breached or overdue, exactly the queue's "Breached & overdue"
 * group (lib/view-model/queue.ts decides who is in it), coloured by the worst of them. Nothing late: no badge, and the
 * button's own title. More than 99 reads "99+" (a badge holds about four characters).
 */
export function toolbarBadge(leads: readonly QueueCadence[]): ToolbarBadge {
  const urgent = leads.filter((l) => queueGroupOf(l) === 'urgent');
  if (urgent.length === 0) return { text: '', color: null, title: TOOLBAR_DEFAULT_TITLE };
  const breached = urgent.some((l) => l.cadence?.status === 'breached');
  const n = urgent.length;
  return {
    text: n > 99 ? '99+' : String(n),
    color: breached ? BADGE_BREACHED_COLOR : BADGE_OVERDUE_COLOR,
    title: `${n} ${n === 1 ? 'lead' : 'leads'} breached or overdue`,
  };
}
