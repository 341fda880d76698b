import { Hono } from 'hono';
import {
  AcceptedSuggestion,
  AcceptSuggestionRequest,
  RejectedSuggestion,
  RejectSuggestionRequest,
  SuggestionPage,
  SuggestionQuery,
} from '../../lib/core/model/contact-requests';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { idFromPath } from '../domain/path-ids';
import { acceptLeadSuggestion, listLeadSuggestions, rejectLeadSuggestion } from '../domain/lead-suggestions';
import { operation } from '../http/openapi';

/** Leads reps put forward (never created silently: docs/architecture.md § Pages the extension reads), reviewed by managers, marketing and admins only. */
const tag = 'Suggested leads';
const list = operation({ tag, summary: 'Leads reps suggested, newest first (`pending` by default)', query: SuggestionQuery, responses: { 200: { description: 'a page of suggestions', schema: SuggestionPage } } });
const accept = operation({
  tag,
  summary: 'Turn a pending suggestion into a contact',
  description: 'Without `ownerId` it goes to the rep who suggested it if still an active rep; 409 once reviewed.',
  body: AcceptSuggestionRequest,
  responses: { 200: { description: 'the suggestion and the contact', schema: AcceptedSuggestion } },
});
const reject = operation({
  tag,
  summary: 'Reject a pending suggestion, with a reason kept for the rep',
  description: '409 once reviewed.',
  body: RejectSuggestionRequest,
  responses: { 200: { description: 'the suggestion', schema: RejectedSuggestion } },
});

export const leadSuggestionsRoutes = new Hono<AppEnv>()
  .use('*', requireRole('manager', 'marketing', 'admin'))
  .get('/', list, async (c) => {
    const query = list.query(c);
    return c.json(await listLeadSuggestions(c.get('deps').db, c.get('caller'), query));
  })
  .post('/:id/accept', accept, async (c) => {
    const id = idFromPath(c.req.param('id'), 'suggestion');
    const request = await accept.body(c);
    const { db, now } = c.get('deps');
    return c.json(await acceptLeadSuggestion(db, c.get('caller'), id, request, now()));
  })
  .post('/:id/reject', reject, async (c) => {
    const id = idFromPath(c.req.param('id'), 'suggestion');
    const { reason } = await reject.body(c);
    const { db, now } = c.get('deps');
    return c.json(await rejectLeadSuggestion(db, c.get('caller'), id, reason, now()));
  });
