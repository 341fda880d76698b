import type { Activity, ActivityInput } from '../../../../lib/core/model/activity';
import { Activity as ActivitySchema } from '../../../../lib/core/model/activity';
import type { Attempt, AttemptInput } from '../../../../lib/core/model/attempt';
import { Attempt as AttemptSchema } from '../../../../lib/core/model/attempt';
import type { ContentItem, ContentItemInput } from '../../../../lib/core/model/content';
import { ContentItem as ContentItemSchema } from '../../../../lib/core/model/content';
import type { TrustLabel } from '../../../../lib/core/model/vocabulary';
import { DAY_MS } from '../../../../lib/core/time-units';

/** Friday 6 March 2026, noon UTC. */
export const NOW = new Date('2026-03-06T12:00:00Z');

export function daysAgo(days: number): string {
  return new Date(NOW.getTime() - days * DAY_MS).toISOString();
}

/** A library item; the URL comes from the id unless given. */
export function item(id: string, journeyStage: ContentItem['journeyStage'], extra: Partial<ContentItemInput> = {}): ContentItem {
  return ContentItemSchema.parse({
    id,
    title: `Title ${id}`,
    url: `https://acme.com/library/${id}`,
    journeyStage,
    updatedAt: '2026-01-01T00:00:00Z',
    ...extra,
  });
}

let counter = 0;

export function activity(type: Activity['type'], extra: Partial<ActivityInput> = {}, trust: TrustLabel = 'human'): Activity {
  counter += 1;
  return ActivitySchema.parse({
    id: `a${counter}`,
    contactId: 'c1',
    type,
    at: daysAgo(1),
    trust: { label: trust, reason: `${trust} fixture` },
    ...extra,
  });
}

export function sent(contentIds: string[], at: string, undoneAt: string | null = null): Attempt {
  counter += 1;
  const input: AttemptInput = { id: `t${counter}`, contactId: 'c1', userId: 'u1', channel: 'email', contentIds, at, undoneAt };
  return AttemptSchema.parse(input);
}
