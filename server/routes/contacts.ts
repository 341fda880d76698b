import { Hono } from 'hono';
import { LookupQuery, LookupResponse, TimelinePage, TimelineQuery } from '../../lib/core/model/api';
import { Contact } from '../../lib/core/model/contact';
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
import { operation } from '../http/openapi';
import { readSnapshot, writeInWorkspace } from '../store/db';
import { toContact } from '../store/rows';

/**
 * docs/api.md § Routes, contacts. Lookup and timeline: every role. Create: manager, marketing, admin. Patch: by field, see
 * contact-patch.ts. Delete: manager, admin.
 */
const tag = 'Contacts';
const lookup = operation({
  tag,
  summary: 'Contacts for the addresses on a page',
  description: 'Up to 50 addresses (repeat `email=` or separate by commas): each known contact with its summary, score and cadence, and `unknown` for the rest; each contact found enters the caller’s sync scope for 30 days.',
  query: LookupQuery,
  responses: { 200: { description: 'the contacts found and the addresses unknown', schema: LookupResponse } },
});
const timeline = operation({
  tag,
  summary: 'A contact’s history: activities, attempts and stage changes, newest first',
  query: TimelineQuery,
  responses: { 200: { description: 'a page of the timeline; `next` is the opaque `before` of the next page', schema: TimelinePage } },
});
const create = operation({
  tag,
  summary: 'Create a lead',
  description: '409 if the address exists (the error names the contact); a deleted contact’s address revives that contact.',
  body: CreateContactRequest,
  responses: { 201: { description: 'the contact', schema: Contact } },
});
const patch = operation({
  tag,
  summary: 'Change a contact, by field',
  description: 'Who may change each field: docs/api.md § Routes. A patch with any field beyond the caller is refused whole, naming the fields.',
  body: PatchContactRequest,
  responses: { 200: { description: 'the contact', schema: Contact } },
});
const remove = operation({ tag, summary: 'Delete a contact (soft: its activity stays for reports)', responses: { 204: 'deleted; every cache holding it drops it' } });

export const contactsRoutes = new Hono<AppEnv>()
  .get('/lookup', lookup, async (c) => {
    const { email } = lookup.query(c);
    chargeRequest(c, 'lookupAddresses', email.length);
    const { db, now } = c.get('deps');
    return c.json(await lookupContacts(db, c.get('caller'), email, now()));
  })
  .get('/:id/timeline', timeline, async (c) => {
    const id = idFromPath(c.req.param('id'), 'contact');
    const { before, limit } = timeline.query(c);
    const caller = c.get('caller');
    const page = await readSnapshot(c.get('deps').db, async (tx) => {
      const contact = await findVisibleContact(tx, caller, id);
      return timelinePage(tx, contact.id, before, limit);
    });
    return c.json(page);
  })
  .post('/', create, requireRole('manager', 'marketing', 'admin'), async (c) => {
    const request = await create.body(c);
    const caller = c.get('caller');
    const { db, now } = c.get('deps');
    const row = await writeInWorkspace(db, caller.workspace.id, (tx) => addOrReviveContact(tx, caller, request, now()));
    return c.json(toContact(row), 201);
  })
  .patch('/:id', patch, async (c) => {
    const id = idFromPath(c.req.param('id'), 'contact');
    const change = await patch.body(c);
    const { db, now } = c.get('deps');
    return c.json(toContact(await patchContact(db, c.get('caller'), id, change, now())));
  })
  .delete('/:id', remove, requireRole('manager', 'admin'), async (c) => {
    const id = idFromPath(c.req.param('id'), 'contact');
    const caller = c.get('caller');
    const { db, now } = c.get('deps');
    await writeInWorkspace(db, caller.workspace.id, async (tx) => deleteContact(tx, actorOf(caller), await findVisibleContact(tx, caller, id), now()));
    return c.body(null, 204);
  });
