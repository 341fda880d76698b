import type { Pause } from '../model/contact';

export interface Interval {
  from: Date;
  to: Date;
}

/** The pause `now` falls in, if any. */
export function currentPause(pauses: readonly Pause[], now: number): Pause | null {
  return (
    pauses.find((p) => Date.parse(p.from) <= now && (p.to === null || Date.parse(p.to) > now)) ?? null
  );
}

/**
 * Paused stretches as intervals the business clock skips. An open-ended pause that has not begun is left out: it
 * cannot move a due time until it starts, and once it starts the cadence reads as paused instead.
 */
export function pauseExclusions(pauses: readonly Pause[]): Interval[] {
  return pauses
    .filter((p): p is Pause & { to: string } => p.to !== null)
    .map((p) => ({ from: new Date(p.from), to: new Date(p.to) }))
    .sort((a, b) => a.from.getTime() - b.from.getTime());
}

/** Wall time a cadence window grows by: the paused time that began inside it (an open pause counts until now). */
export function pausedWallMs(pauses: readonly Pause[], windowStart: number, windowEnd: number, now: number): number {
  let end = windowEnd;
  const sorted = [...pauses].sort((a, b) => Date.parse(a.from) - Date.parse(b.from));
  for (const p of sorted) {
    const from = Math.max(Date.parse(p.from), windowStart);
    if (from >= end) continue;
    const to = p.to === null ? Math.max(now, from) : Date.parse(p.to);
    end += Math.max(0, to - from);
  }
  return end - windowEnd;
}
