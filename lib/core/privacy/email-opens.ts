import type { Contact } from '../model/contact';
import type { TrackingPolicy } from '../model/settings';

/**
 * How one open of one contact's email is recorded, and why (docs/promises.md, Privacy):
 * - `per_person`: an activity of the contact, and a count on its email;
 * - `per_email`: only a count on its email, because the workspace counts opens that way (`workspace`), it requires
 *   consent the contact has not given (`no_consent`), or the contact declined (`declined`);
 * - `nothing`: because tracking is off, email opens are off, or the contact opted out.
 */
export type OpenRecording =
  | { as: 'per_person' }
  | { as: 'per_email'; because: 'workspace' | 'no_consent' | 'declined' }
  | { as: 'nothing'; because: 'tracking_off' | 'opens_off' | 'opted_out' };

export type OpenPolicy = Pick<TrackingPolicy, 'mode' | 'emailOpens' | 'requireOpenConsent'>;

/**
 * The pixel and the panel ask the same question. A declined consent is honoured even where the workspace does not
 * require consent: the person said no to being tracked individually, and counting per email needs no one's consent.
 */
export function openRecordingFor(policy: OpenPolicy, contact: Pick<Contact, 'optedOut' | 'openTrackingConsent'>): OpenRecording {
  if (policy.mode === 'off') return { as: 'nothing', because: 'tracking_off' };
  if (contact.optedOut) return { as: 'nothing', because: 'opted_out' };
  if (policy.emailOpens === 'off') return { as: 'nothing', because: 'opens_off' };
  if (policy.emailOpens === 'aggregate') return { as: 'per_email', because: 'workspace' };
  if (contact.openTrackingConsent === 'denied') return { as: 'per_email', because: 'declined' };
  if (policy.requireOpenConsent && contact.openTrackingConsent !== 'granted') return { as: 'per_email', because: 'no_consent' };
  return { as: 'per_person' };
}

/** Whether a newly registered email should carry a pixel: only when its opens would be recorded at all. */
export function carriesPixel(policy: OpenPolicy, contact: Pick<Contact, 'optedOut' | 'openTrackingConsent'>): boolean {
  return openRecordingFor(policy, contact).as !== 'nothing';
}
