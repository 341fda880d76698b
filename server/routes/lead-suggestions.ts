import { Hono } from 'hono';
import { AcceptSuggestionRequest, RejectSuggestionRequest, SuggestionQuery } from '../../lib/core/model/contact-requests';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { idFromPath } from '../domain/path-ids';
import { acceptLeadSuggestion, listLeadSuggestions, rejectLeadSuggestion } from '../domain/lead-suggestions';
import { jsonBody, queryOf } from '../http/validate';

/** Leads reps put forward (never created silently: docs/architecture.md § Pages the extension reads), reviewed by managers, marketing and admins only. */
export const leadSuggestionsRoutes = new Hono<AppEnv>()
  .use('*', requireRole('manager', 'marketing', 'admin'))
  .get('/', async (c) => {
    const query = queryOf(c, SuggestionQuery);
    return c.json(await listLeadSuggestions(c.get('deps').db, c.get('caller'), query));
  })
  .post('/:id/accept', async (c) => {
    const id = idFromPath(c.req.param('id'), 'suggestion');
    const request = await jsonBody(c, AcceptSuggestionRequest);
    const { db, now } = c.get('deps');
    return c.json(await acceptLeadSuggestion(db, c.get('caller'), id, request, now()));
  })
  .post('/:id/reject', async (c) => {
    const id = idFromPath(c.req.param('id'), 'suggestion');
    const { reason } = await jsonBody(c, RejectSuggestionRequest);
    const { db, now } = c.get('deps');
    return c.json(await rejectLeadSuggestion(db, c.get('caller'), id, reason, now()));
  });
