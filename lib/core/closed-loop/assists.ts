import type { ContentItem } from '../model/content';
import { DAY_MS } from '../time-units';
import { consumptionsOf, libraryIndex, type ReadingActivity } from './consumption';

/** A customer as the closed loop counts them: when they were won, and what they did. */
export interface WonCustomer {
  contactId: string;
  /** The move into `customer` that made them the customer they are now (the latest one). */
  wonAt: Date;
  activities: readonly ReadingActivity[];
}

/**
 * Content assists: for each library item, how many customers read it (`itemsReadBy`) before they were won and no
 * longer than `windowDays` before: a reading at `wonAt − window` counts, one at `wonAt` or after does not (what a
 * customer reads after buying did not help sell). A customer counts once per item however often they read it.
 * Every item of the library gets a count, 0 included, so a caller can write them all back.
 */
export function countAssists(library: readonly Pick<ContentItem, 'id' | 'url'>[], customers: readonly WonCustomer[], windowDays: number): Map<string, number> {
  return new Map([...assistingCustomers(library, customers, windowDays)].map(([id, who]) => [id, who.length]));
}

/** The customers behind each item's assists (countAssists' rule), in the customers' order; every item gets a list. */
export function assistingCustomers(
  library: readonly Pick<ContentItem, 'id' | 'url'>[],
  customers: readonly WonCustomer[],
  windowDays: number,
): Map<string, string[]> {
  const index = libraryIndex(library);
  const behind = new Map<string, string[]>(library.map((item) => [item.id, []]));
  for (const customer of customers) {
    const wonAt = customer.wonAt.getTime();
    const since = wonAt - windowDays * DAY_MS;
    const assisted = new Set(
      consumptionsOf(customer.activities, index)
        .filter((c) => c.at >= since && c.at < wonAt)
        .map((c) => c.contentId),
    );
    for (const id of assisted) behind.get(id)?.push(customer.contactId);
  }
  return behind;
}
