import type { SettingsSection } from '../../../lib/core/model/admin-requests';
import type { InputIssue } from '../../../lib/core/model/parse';
import type { WorkspaceSettings } from '../../../lib/core/model/settings';
import type { Role } from '../../../lib/core/model/vocabulary';

/** A save's outcome: the settings as the server stored them, or where and why it was refused (nothing changed). */
export type SaveResult = { ok: true; settings: WorkspaceSettings } | { ok: false; issues: InputIssue[] };

/** What every part's editor gets from the page. */
export interface PartProps<K extends SettingsSection> {
  /** The part as the server last answered it. */
  value: WorkspaceSettings[K];
  /** Whether the signed-in role owns this part (SETTINGS_SECTION_OWNERS); others see it read-only. */
  editable: boolean;
  owners: readonly Role[];
  /** Saves the whole settings document with this part replaced by `next` (as typed: the schemas judge it). */
  save: (next: unknown) => Promise<SaveResult>;
}
