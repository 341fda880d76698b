import type { Contact } from '../core/model/contact';
import { trackingPolicyOf } from '../core/model/settings';
import { openRecordingFor, type OpenRecording } from '../core/privacy';

/**
 * What the panel says instead of a per-person opens figure when the workspace does not record this contact's opens
 * per person (lib/core/privacy); null when the figure stands. Settings cached before `tracking.emailOpens` existed read
 * as today's per-person tracking. With tracking off or the contact opted out nothing new is recorded at all, and the
 * figure shows what was recorded before, as every other engagement figure does.
 */
export function opensFigureNote(settings: { tracking?: unknown } | null | undefined, contact: Pick<Contact, 'optedOut' | 'openTrackingConsent'>): string | null {
  return noteFor(openRecordingFor(trackingPolicyOf(settings), contact));
}

function noteFor(recording: OpenRecording): string | null {
  switch (recording.as) {
    case 'per_person':
      return null;
    case 'per_email':
      if (recording.because === 'workspace') return 'Opens are counted per email only (workspace setting)';
      if (recording.because === 'no_consent') return 'Opens are counted per email only: no consent to individual tracking';
      return 'Opens are counted per email only: the person declined individual tracking';
    case 'nothing':
      return recording.because === 'opens_off' ? 'Opens are not tracked (workspace setting)' : null;
  }
}
