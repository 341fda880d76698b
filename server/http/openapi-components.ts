import { z } from 'zod';
import { Activity } from '../../lib/core/model/activity';
import { Alert, AlertPreferences } from '../../lib/core/model/alerts';
import { Attempt } from '../../lib/core/model/attempt';
import { JsonValue } from '../../lib/core/model/audit';
import { Contact } from '../../lib/core/model/contact';
import { ContentItem } from '../../lib/core/model/content';
import { SlaReport } from '../../lib/core/model/reports';
import { ScoringModel } from '../../lib/core/model/scoring';
import { WorkspaceSettings } from '../../lib/core/model/settings';
import { StageChange } from '../../lib/core/model/stage-history';

/**
 * The entities many routes answer, named once in the spec's components and referred to elsewhere (zod's global
 * registry is what its JSON Schema conversion reads ids from), so the document does not repeat the settings or a
 * contact in full at every route that carries one.
 */
// A recursive schema needs a name of its own: unnamed, zod calls it `__schema0` in every route, and those would clash.
const NAMED = { Activity, Alert, AlertPreferences, Attempt, Contact, ContentItem, JsonValue, ScoringModel, SlaReport, StageChange, WorkspaceSettings };

for (const [id, schema] of Object.entries(NAMED)) {
  if (!z.globalRegistry.has(schema)) z.globalRegistry.add(schema, { id });
}
