import { useCallback, useMemo, useState } from 'react';
import type { AttemptChannel, Role } from '../../lib/core/model/vocabulary';
import { usePersonName } from '../hooks/usePeople';

export interface OthersCadence {
  /** True when this log must wait for the answer (and the question is now on screen). */
  ask: (channel: AttemptChannel) => boolean;
  asking: AttemptChannel | null;
  question: string;
  confirm: () => void;
  cancel: () => void;
}

/**
 * A manager (or admin) logging on a rep's lead: the attempt counts in that rep's cadence and SLA, so the panel says
 * whose it is and asks once per lead; after the answer, logging on that lead goes straight through.
 */
export function useOthersCadence(contactId: string, ownerId: string | null, viewerId: string | null, viewerRole: Role | null): OthersCadence {
  const ownerName = usePersonName(ownerId);
  const [asking, setAsking] = useState<AttemptChannel | null>(null);
  const [confirmedFor, setConfirmedFor] = useState<string | null>(null);
  const someoneElses = viewerId !== null && ownerId !== null && ownerId !== viewerId && (viewerRole === 'manager' || viewerRole === 'admin');
  const mustAsk = someoneElses && confirmedFor !== contactId;
  const ask = useCallback(
    (channel: AttemptChannel) => {
      if (!mustAsk) return false;
      setAsking(channel);
      return true;
    },
    [mustAsk],
  );
  const whose = ownerName ?? 'another rep';
  return useMemo(
    () => ({
      ask,
      asking,
      question: `This is ${whose}’s lead: your attempt counts in ${whose}’s cadence. Log it anyway?`,
      confirm: () => {
        setConfirmedFor(contactId);
        setAsking(null);
      },
      cancel: () => setAsking(null),
    }),
    [ask, asking, whose, contactId],
  );
}
