import { Hono } from 'hono';
import { SETTINGS_SECTION_OWNERS, SettingsUpdate } from '../../lib/core/model/admin-requests';
import { ScoringPreviewRequest } from '../../lib/core/model/scoring-preview';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { scoringPreview } from '../domain/scoring-preview';
import { replaceSettings, siteSnippet, withDefaults } from '../domain/settings';
import { limitBody } from '../http/middleware';
import { jsonBody } from '../http/validate';

/**
 * Settings ride on every authenticated request (the caller's workspace row) and in every rep's sync, so a save is kept
 * far below the app's 1 MB limit; the largest valid settings anyone writes by hand are a few tens of KB.
 */
export const MAX_SETTINGS_BYTES = 256 * 1024;

/** Reps get the settings through /v1/sync; this is for the people who agree them (docs/api.md). */
const editors = requireRole('manager', 'marketing', 'admin');

export const settingsRoutes = new Hono<AppEnv>()
  .get('/', editors, (c) => c.json(withDefaults(c.get('caller').workspace.settings)))
  // The site key for the tracking settings: who may read the settings may read it (it is public on the site anyway).
  .get('/site', editors, async (c) => {
    const { db, publicUrl } = c.get('deps');
    return c.json(await siteSnippet(db, c.get('caller').workspace.id, publicUrl));
  })
  .put('/', editors, limitBody(MAX_SETTINGS_BYTES), async (c) => {
    const incoming = await jsonBody(c, SettingsUpdate, 'settings');
    const { db, now } = c.get('deps');
    return c.json(await replaceSettings(db, c.get('caller'), incoming, now()));
  })
  // Who may try a scoring model is who may save one: the scoring part's owners.
  .post('/scoring/preview', requireRole(...SETTINGS_SECTION_OWNERS.scoring), limitBody(MAX_SETTINGS_BYTES), async (c) => {
    const request = await jsonBody(c, ScoringPreviewRequest, 'scoring preview');
    const { db, now } = c.get('deps');
    const { workspace } = c.get('caller');
    return c.json(await scoringPreview(db, workspace.id, workspace.settings, request, now()));
  });
