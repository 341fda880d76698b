import { useId } from 'react';
import { nextStep } from '../../lib/core/cadence';
import type { LookupEntry } from '../../lib/core/model/api';
import { DEFAULT_CADENCE_POLICY, policyForLeadType } from '../../lib/core/model/policy';
import { opensFigureNote } from '../../lib/view-model/open-figures';
import { useMeta } from '../hooks/useMeta';
import { CadenceSection } from './CadenceSection';
import { IntelligenceSection } from './IntelligenceSection';
import { LeadHeader } from './LeadHeader';

/**
 * A contact the server knows but the cache does not yet: the server's picture, read-only, while the next sync brings
 * its history (the lookup added it to the rep's scope). The full lead view takes over as soon as it is cached.
 */
export function LookedUpLead({ entry }: { entry: LookupEntry }) {
  const headingId = useId();
  const me = useMeta('me');
  const settings = useMeta('settings');
  if (me === undefined || settings === undefined) return null;
  const calendar = settings?.calendar ?? me?.calendar;
  const policy = settings ? policyForLeadType(settings.policies, entry.contact.leadType) : DEFAULT_CADENCE_POLICY;
  return (
    <article className="lead" aria-labelledby={headingId}>
      <LeadHeader contact={entry.contact} score={entry.score} activeNow={entry.summary.activeNow} meId={me?.user.id ?? null} headingId={headingId} lastAction={null} />
      <p role="status" className="notice">
        Bringing this lead’s history into Leadside… Logging and stage actions appear as soon as it arrives.
      </p>
      {calendar && (
        <CadenceSection cadence={entry.cadence} calendar={calendar} pauses={entry.contact.pauses} dueSoonMinutes={policy.dueSoonBusinessMinutes}
          stage={entry.contact.stage}
          next={nextStep(entry.cadence, policy)}
        />
      )}
      <IntelligenceSection summary={entry.summary} activities={null} opensNote={opensFigureNote(settings, entry.contact)} />
    </article>
  );
}
