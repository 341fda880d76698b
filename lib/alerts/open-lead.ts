import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { Id, Instant } from '../core/model/primitives';

/**
 * "Open lead" from a notification: the background opens the panel (inside the click, the user gesture it needs) and
 * leaves this request in session storage; the panel, opening or already open, shows that lead and clears it. Null
 * `contactId`: a digest, which opens the queue.
 */
export const OpenLeadRequest = z.strictObject({ contactId: Id.nullable(), at: Instant });
export type OpenLeadRequest = z.infer<typeof OpenLeadRequest>;

/** A request older than this is not acted on: the panel did not open then, and jumping to the lead later would surprise. */
export const OPEN_LEAD_REQUEST_MS = 60_000;

const item = storage.defineItem<unknown>('session:openLead', { fallback: null });

export async function requestOpenLead(request: OpenLeadRequest): Promise<void> {
  await item.setValue(OpenLeadRequest.parse(request));
}

/** The request, if one is fresh at `now`; reading takes it (clears it), so one click opens the lead once. */
export async function takeOpenLead(now: Date): Promise<OpenLeadRequest | null> {
  const parsed = OpenLeadRequest.safeParse(await item.getValue());
  if (!parsed.success) return null;
  await item.setValue(null);
  return now.getTime() - Date.parse(parsed.data.at) <= OPEN_LEAD_REQUEST_MS ? parsed.data : null;
}

/** Calls back when a request is left; returns the unwatch. */
export function watchOpenLead(onRequest: () => void): () => void {
  return item.watch((value) => {
    if (value !== null) onRequest();
  });
}
