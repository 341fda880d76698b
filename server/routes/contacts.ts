import { Hono } from 'hono';
import { LookupQuery, TimelineQuery } from '../../lib/core/model/api';
import { CreateContactRequest, PatchContactRequest } from '../../lib/core/model/contact-requests';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { actorOf } from '../domain/audit/record';
import { findVisibleContact } from '../domain/contacts/access';
import { addOrReviveContact } from '../domain/contacts/create';
import { patchContact } from '../domain/contacts/patch';
import { deleteContact } from '../domain/contacts/delete';
import { lookupContacts } from '../domain/contacts/lookup';
import { idFromPath } from '../domain/path-ids';
import { timelinePage } from '../domain/contacts/timeline';
import { chargeRequest } from '../http/request-cost';
import { jsonBody, queryOf } from '../http/validate';
import { readSnapshot, writeInWorkspace } from '../store/db';
import { toContact } from '../store/rows';

/**
 * docs/api.md § Routes, contacts. Lookup and timeline: every role. Create: manager, marketing, admin. Patch: by field, see
 * contact-patch.ts. Delete: manager, admin.
 */
export const contactsRoutes = new Hono<AppEnv>()
  .get('/lookup', async (c) => {
    const { email } = queryOf(c, LookupQuery);
    chargeRequest(c, 'lookupAddresses', email.length);
    const { db, now } = c.get('deps');
    return c.json(await lookupContacts(db, c.get('caller'), email, now()));
  })
  .get('/:id/timeline', async (c) => {
    const id = idFromPath(c.req.param('id'), 'contact');
    const { before, limit } = queryOf(c, TimelineQuery);
    const caller = c.get('caller');
    const page = await readSnapshot(c.get('deps').db, async (tx) => {
      const contact = await findVisibleContact(tx, caller, id);
      return timelinePage(tx, contact.id, before, limit);
    });
    return c.json(page);
  })
  .post('/', requireRole('manager', 'marketing', 'admin'), async (c) => {
    const request = await jsonBody(c, CreateContactRequest);
    const caller = c.get('caller');
    const { db, now } = c.get('deps');
    const row = await writeInWorkspace(db, caller.workspace.id, (tx) => addOrReviveContact(tx, caller, request, now()));
    return c.json(toContact(row), 201);
  })
  .patch('/:id', async (c) => {
    const id = idFromPath(c.req.param('id'), 'contact');
    const patch = await jsonBody(c, PatchContactRequest);
    const { db, now } = c.get('deps');
    return c.json(toContact(await patchContact(db, c.get('caller'), id, patch, now())));
  })
  .delete('/:id', requireRole('manager', 'admin'), async (c) => {
    const id = idFromPath(c.req.param('id'), 'contact');
    const caller = c.get('caller');
    const { db, now } = c.get('deps');
    await writeInWorkspace(db, caller.workspace.id, async (tx) => deleteContact(tx, actorOf(caller), await findVisibleContact(tx, caller, id), now()));
    return c.body(null, 204);
  });
