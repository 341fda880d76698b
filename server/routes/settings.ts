import { Hono } from 'hono';
import { SETTINGS_SECTION_OWNERS, SettingsUpdate, SiteSnippet } from '../../lib/core/model/admin-requests';
import { ScoringPreview, ScoringPreviewRequest } from '../../lib/core/model/scoring-preview';
import { WorkspaceSettings } from '../../lib/core/model/settings';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { scoringPreview } from '../domain/scoring-preview';
import { replaceSettings, siteSnippet, withDefaults } from '../domain/settings';
import { limitBody } from '../http/middleware';
import { operation } from '../http/openapi';

/**
 * Settings ride on every authenticated request (the caller's workspace row) and in every rep's sync, so a save is kept
 * far below the app's 1 MB limit; the largest valid settings anyone writes by hand are a few tens of KB.
 */
export const MAX_SETTINGS_BYTES = 256 * 1024;

/** Reps get the settings through /v1/sync; this is for the people who agree them (docs/api.md). */
const editors = requireRole('manager', 'marketing', 'admin');

const tag = 'Settings';
const read = operation({ tag, summary: 'The workspace’s settings, with the defaults of parts added since they were saved', responses: { 200: { description: 'the settings', schema: WorkspaceSettings } } });
const site = operation({ tag, summary: 'The workspace’s site key and the `<script>` tag for t.js', responses: { 200: { description: 'the key and the tag', schema: SiteSnippet } } });
const replace = operation({
  tag,
  summary: 'Replace the settings document, by part',
  description: 'Strict at every level; changing a part you do not own is a 403 naming it (docs/api.md § Routes).',
  body: SettingsUpdate,
  bodyName: 'settings',
  responses: { 200: { description: 'the settings', schema: WorkspaceSettings } },
});
const preview = operation({
  tag,
  summary: 'What a proposed scoring model would change, before saving; writes nothing',
  body: ScoringPreviewRequest,
  bodyName: 'scoring preview',
  responses: { 200: { description: 'grade moves, MQLs starting and stopping, the contacts that change', schema: ScoringPreview } },
});

export const settingsRoutes = new Hono<AppEnv>()
  .get('/', read, editors, (c) => c.json(withDefaults(c.get('caller').workspace.settings)))
  // The site key for the tracking settings: who may read the settings may read it (it is public on the site anyway).
  .get('/site', site, editors, async (c) => {
    const { db, publicUrl } = c.get('deps');
    return c.json(await siteSnippet(db, c.get('caller').workspace.id, publicUrl));
  })
  .put('/', replace, editors, limitBody(MAX_SETTINGS_BYTES), async (c) => {
    const incoming = await replace.body(c);
    const { db, now } = c.get('deps');
    return c.json(await replaceSettings(db, c.get('caller'), incoming, now()));
  })
  // Who may try a scoring model is who may save one: the scoring part's owners.
  .post('/scoring/preview', preview, requireRole(...SETTINGS_SECTION_OWNERS.scoring), limitBody(MAX_SETTINGS_BYTES), async (c) => {
    const request = await preview.body(c);
    const { db, now } = c.get('deps');
    const { workspace } = c.get('caller');
    return c.json(await scoringPreview(db, workspace.id, workspace.settings, request, now()));
  });
