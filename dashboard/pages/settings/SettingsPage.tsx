import { useCallback, useState } from 'react';
import { ApiFailure } from '../../../lib/api/errors';
import { SETTINGS_SECTION_OWNERS, SettingsUpdate, type SettingsSection } from '../../../lib/core/model/admin-requests';
import { parseInput } from '../../../lib/core/model/parse';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import { useDashboard } from '../../shell/context';
import { ErrorState, Loading, messageOf } from '../../shell/states';
import { useLoad } from '../../shell/useLoad';
import { AlertsPart } from './AlertsPart';
import { AttributionPart } from './AttributionPart';
import { CalendarPart } from './CalendarPart';
import { DomainsPart } from './DomainsPart';
import { OutcomesPart } from './OutcomesPart';
import type { PartProps, SaveResult } from './part';
import { PoliciesPart } from './PoliciesPart';
import { ScoringPart } from './ScoringPart';
import { SlaPart } from './SlaPart';
import { SsoPart } from './SsoPart';
import { TrackingPart } from './TrackingPart';

/** The Settings page: every part of the workspace's settings, each editable by the roles that own it. */
export function SettingsPage() {
  const { api } = useDashboard();
  const load = useLoad('settings', () => api.settings());
  return (
    <div className="page settings-page">
      <div className="page__head">
        <h1>Settings</h1>
      </div>
      {load.state === 'loading' ? (
        <Loading what="the settings" />
      ) : load.state === 'error' ? (
        <ErrorState what="the settings" error={load.error} retry={load.reload} />
      ) : (
        <SettingsEditor initial={load.data} />
      )}
    </div>
  );
}

function SettingsEditor({ initial }: { initial: WorkspaceSettings }) {
  const { api, session } = useDashboard();
  // The document as the server last answered it: each part's form starts from its part.
  const [stored, setStored] = useState(initial);

  const save = useCallback(
    async (part: SettingsSection, next: unknown): Promise<SaveResult> => {
      // The same strict schema the server judges with, first: most refusals never need the round trip.
      const checked = parseInput(SettingsUpdate, { ...stored, [part]: next }, 'settings');
      if (!checked.ok) return { ok: false, issues: checked.issues };
      try {
        // The other parts as the server has them now, not as this page loaded them: someone may have saved one since,
        // and sending the old copy back would undo their change (or, for a part this role does not own, be refused).
        const current = await api.settings();
        const saved = await api.saveSettings({ ...current, [part]: checked.value[part] });
        setStored(saved);
        return { ok: true, settings: saved };
      } catch (error) {
        if (error instanceof ApiFailure && error.issues.length > 0) return { ok: false, issues: [...error.issues] };
        return { ok: false, issues: [{ path: '', message: messageOf(error) }] };
      }
    },
    [api, stored],
  );

  function propsOf<K extends SettingsSection>(part: K): PartProps<K> {
    const owners = SETTINGS_SECTION_OWNERS[part];
    return { value: stored[part], owners, editable: owners.includes(session.user.role), save: (next) => save(part, next) };
  }

  return (
    <>
      <CalendarPart {...propsOf('calendar')} />
      <PoliciesPart {...propsOf('policies')} />
      <ScoringPart {...propsOf('scoring')} />
      <SlaPart {...propsOf('sla')} />
      <TrackingPart {...propsOf('tracking')} />
      <DomainsPart {...propsOf('domains')} />
      <OutcomesPart {...propsOf('outcomes')} />
      <AttributionPart {...propsOf('attribution')} />
      <AlertsPart {...propsOf('alerts')} />
      <SsoPart {...propsOf('sso')} />
    </>
  );
}
