import { Hono } from 'hono';
import {
  NewWebhookEndpoint,
  WebhookDeliveriesQuery,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
  WebhookEndpointList,
  WebhookEndpointPatch,
  WebhookEndpointWithSecret,
} from '../../lib/core/model/webhooks';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { actorOf } from '../domain/audit/record';
import { idFromPath } from '../domain/path-ids';
import { operation } from '../http/openapi';
import { writeInWorkspace } from '../store/db';
import {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  findWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookEndpointSecret,
  toWebhookEndpoint,
  updateWebhookEndpoint,
  webhookDeliveryPage,
} from '../webhooks/endpoints';
import { queueTestEvent } from '../webhooks/events';

const endpointId = (raw: string) => idFromPath(raw, `webhook endpoint ${raw}`);

const tag = 'Webhooks';
const list = operation({ tag, summary: 'The workspace’s webhook endpoints, oldest first (never a secret)', responses: { 200: { description: 'the endpoints', schema: WebhookEndpointList } } });
const create = operation({
  tag,
  summary: 'Add a webhook endpoint for chosen events',
  description: 'The answer holds the endpoint’s `whsec_…` signing secret, shown this once. `url` must be http(s).',
  body: NewWebhookEndpoint,
  bodyName: 'webhook endpoint',
  responses: { 201: { description: 'the endpoint and its secret', schema: WebhookEndpointWithSecret } },
});
const read = operation({ tag, summary: 'One webhook endpoint', responses: { 200: { description: 'the endpoint', schema: WebhookEndpoint } } });
const update = operation({
  tag,
  summary: 'Change a webhook endpoint (url, events, description, enabled)',
  description: 'Turning it on clears the server’s `disabledReason` and sends what waited.',
  body: WebhookEndpointPatch,
  bodyName: 'webhook endpoint',
  responses: { 200: { description: 'the endpoint', schema: WebhookEndpoint } },
});
const remove = operation({ tag, summary: 'Delete a webhook endpoint and its deliveries', responses: { 204: 'deleted; queued deliveries are never sent' } });
const rotate = operation({
  tag,
  summary: 'A new signing secret for the endpoint',
  description: 'For 24 hours deliveries carry the old secret’s signature too.',
  responses: { 200: { description: 'the endpoint and its new secret', schema: WebhookEndpointWithSecret } },
});
const deliveries = operation({
  tag,
  summary: 'The endpoint’s delivery log, newest first',
  query: WebhookDeliveriesQuery,
  responses: { 200: { description: 'a page of deliveries; `next` is the `before` of the next page', schema: WebhookDeliveryPage } },
});
const test = operation({ tag, summary: 'Queue a `webhook.test` event to this endpoint', responses: { 202: { description: 'the queued delivery', schema: WebhookDelivery } } });

/**
 * `/v1/webhooks`: the workspace's webhook endpoints, admins only. Creation and rotation answer the secret, the only
 * times it is shown; every change is audited. Deliveries are queued with the changes that cause them and sent by the
 * worker (server/webhooks/worker.ts), so nothing here waits on a receiver.
 */
export const webhooksRoutes = new Hono<AppEnv>()
  .use('*', requireRole('admin'))
  .get('/', list, async (c) => c.json({ endpoints: await listWebhookEndpoints(c.get('deps').db, c.get('caller').workspace.id) }))
  .post('/', create, async (c) => {
    const input = await create.body(c);
    const { db, now } = c.get('deps');
    return c.json(await createWebhookEndpoint(db, actorOf(c.get('caller')), input, now()), 201);
  })
  .get('/:id', read, async (c) => {
    const { db } = c.get('deps');
    return c.json(toWebhookEndpoint(await findWebhookEndpoint(db, c.get('caller').workspace.id, endpointId(c.req.param('id')))));
  })
  .patch('/:id', update, async (c) => {
    const id = endpointId(c.req.param('id'));
    const patch = await update.body(c);
    const { db, now } = c.get('deps');
    return c.json(await updateWebhookEndpoint(db, actorOf(c.get('caller')), id, patch, now()));
  })
  .delete('/:id', remove, async (c) => {
    const { db, now } = c.get('deps');
    await deleteWebhookEndpoint(db, actorOf(c.get('caller')), endpointId(c.req.param('id')), now());
    return c.body(null, 204);
  })
  .post('/:id/rotate-secret', rotate, async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await rotateWebhookEndpointSecret(db, actorOf(c.get('caller')), endpointId(c.req.param('id')), now()));
  })
  .get('/:id/deliveries', deliveries, async (c) => {
    const id = endpointId(c.req.param('id'));
    const query = deliveries.query(c);
    return c.json(await webhookDeliveryPage(c.get('deps').db, c.get('caller').workspace.id, id, query));
  })
  .post('/:id/test', test, async (c) => {
    const id = endpointId(c.req.param('id'));
    const { db, now } = c.get('deps');
    const workspaceId = c.get('caller').workspace.id;
    return c.json(await writeInWorkspace(db, workspaceId, (tx) => queueTestEvent(tx, workspaceId, id, now())), 202);
  });
