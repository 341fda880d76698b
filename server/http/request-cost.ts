import type { Context } from 'hono';
import type { AppEnv } from '../context';

/**
 * What requests cost against the rate limits, in plain requests (`GET /v1/me` costs 1): the one table of weights.
 * A request costs 1, plus 1 for every `per` items of its size: each mutation of a batch is its own transaction, each
 * address of a lookup a contact's whole picture. So a 500-mutation batch costs 101 and a 50-address lookup 11.
 */
export const REQUEST_COSTS = {
  /** `POST /v1/mutations`: the mutations in the batch. */
  mutations: { per: 5 },
  /** `GET /v1/contacts/lookup`: the addresses asked for. */
  lookupAddresses: { per: 5 },
} as const;

export type CostedItem = keyof typeof REQUEST_COSTS;

export function requestCost(item: CostedItem, count: number): number {
  return 1 + Math.ceil(count / REQUEST_COSTS[item].per);
}

/**
 * Charges the rest of a request's cost, once the route knows its size, to every rate limit that admitted it (its
 * address and its token). The request goes on: it was admitted; the cost comes off what is left of the minute.
 */
export function chargeRequest(c: Context<AppEnv>, item: CostedItem, count: number): void {
  const extra = requestCost(item, count) - 1;
  if (extra > 0) for (const spend of c.get('rateCharges') ?? []) spend(extra);
}
