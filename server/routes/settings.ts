import { Hono } from 'hono';
import { SettingsUpdate } from '../../lib/core/model/admin-requests';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { replaceSettings, withDefaults } from '../domain/settings';
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
  .put('/', editors, limitBody(MAX_SETTINGS_BYTES), async (c) => {
    const incoming = await jsonBody(c, SettingsUpdate, 'settings');
    const { db, now } = c.get('deps');
    return c.json(await replaceSettings(db, c.get('caller'), incoming, now()));
  });
