import { describe, expect, it } from 'vitest';
import type { OpenTrackingConsent } from '../../../../lib/core/model/tracking';
import { carriesPixel, openRecordingFor, type OpenPolicy, type OpenRecording } from '../../../../lib/core/privacy';

const policy = (change: Partial<OpenPolicy> = {}): OpenPolicy => ({ mode: 'legitimate_interest', emailOpens: 'per_person', requireOpenConsent: false, ...change });
const contact = (openTrackingConsent: OpenTrackingConsent | null = null, optedOut = false) => ({ openTrackingConsent, optedOut });

describe('openRecordingFor: how one open of a contact is recorded', () => {
  it.each<[string, OpenPolicy, ReturnType<typeof contact>, OpenRecording]>([
    ['per person by default, consent unknown', policy(), contact(), { as: 'per_person' }],
    ['per person with consent granted, under any website mode', policy({ mode: 'consent' }), contact('granted'), { as: 'per_person' }],
    ['per email only when the workspace counts that way, even with consent', policy({ emailOpens: 'aggregate' }), contact('granted'), { as: 'per_email', because: 'workspace' }],
    ['per email only while consent is required and unknown', policy({ requireOpenConsent: true }), contact(), { as: 'per_email', because: 'no_consent' }],
    ['per person once required consent is granted', policy({ requireOpenConsent: true }), contact('granted'), { as: 'per_person' }],
    ['per email only for a contact who declined, required or not', policy(), contact('denied'), { as: 'per_email', because: 'declined' }],
    ['nothing with opens off', policy({ emailOpens: 'off' }), contact('granted'), { as: 'nothing', because: 'opens_off' }],
    ['nothing with all tracking off, whatever opens say', policy({ mode: 'off' }), contact('granted'), { as: 'nothing', because: 'tracking_off' }],
    ['nothing for an opted-out contact, consent or not', policy(), contact('granted', true), { as: 'nothing', because: 'opted_out' }],
  ])('%s', (_, p, c, expected) => {
    expect(openRecordingFor(p, c)).toEqual(expected);
  });

  it('puts a pixel in a new email whenever its opens would count somewhere', () => {
    expect(carriesPixel(policy({ emailOpens: 'aggregate' }), contact())).toBe(true);
    expect(carriesPixel(policy({ requireOpenConsent: true }), contact('denied'))).toBe(true);
    expect(carriesPixel(policy({ emailOpens: 'off' }), contact())).toBe(false);
    expect(carriesPixel(policy(), contact(null, true))).toBe(false);
  });
});
