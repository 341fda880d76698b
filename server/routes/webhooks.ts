import { Hono } from 'hono';
import { NewWebhookEndpoint, WebhookDeliveriesQuery, WebhookEndpointPatch } from '../../lib/core/model/webhooks';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { actorOf } from '../domain/audit/record';
import { idFromPath } from '../domain/path-ids';
import { jsonBody, queryOf } from '../http/validate';
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

/**
 * `/v1/webhooks`: the workspace's webhook endpoints, admins only. Creation and rotation answer the secret, the only
 * times it is shown; every change is audited. Deliveries are queued with the changes that cause them and sent by the
 * worker (server/webhooks/worker.ts), so nothing here waits on a receiver.
 */
export const webhooksRoutes = new Hono<AppEnv>()
  .use('*', requireRole('admin'))
  .get('/', async (c) => c.json({ endpoints: await listWebhookEndpoints(c.get('deps').db, c.get('caller').workspace.id) }))
  .post('/', async (c) => {
    const input = await jsonBody(c, NewWebhookEndpoint, 'webhook endpoint');
    const { db, now } = c.get('deps');
    return c.json(await createWebhookEndpoint(db, actorOf(c.get('caller')), input, now()), 201);
  })
  .get('/:id', async (c) => {
    const { db } = c.get('deps');
    return c.json(toWebhookEndpoint(await findWebhookEndpoint(db, c.get('caller').workspace.id, endpointId(c.req.param('id')))));
  })
  .patch('/:id', async (c) => {
    const id = endpointId(c.req.param('id'));
    const patch = await jsonBody(c, WebhookEndpointPatch, 'webhook endpoint');
    const { db, now } = c.get('deps');
    return c.json(await updateWebhookEndpoint(db, actorOf(c.get('caller')), id, patch, now()));
  })
  .delete('/:id', async (c) => {
    const { db, now } = c.get('deps');
    await deleteWebhookEndpoint(db, actorOf(c.get('caller')), endpointId(c.req.param('id')), now());
    return c.body(null, 204);
  })
  .post('/:id/rotate-secret', async (c) => {
    const { db, now } = c.get('deps');
    return c.json(await rotateWebhookEndpointSecret(db, actorOf(c.get('caller')), endpointId(c.req.param('id')), now()));
  })
  .get('/:id/deliveries', async (c) => {
    const id = endpointId(c.req.param('id'));
    const query = queryOf(c, WebhookDeliveriesQuery);
    return c.json(await webhookDeliveryPage(c.get('deps').db, c.get('caller').workspace.id, id, query));
  })
  .post('/:id/test', async (c) => {
    const id = endpointId(c.req.param('id'));
    const { db, now } = c.get('deps');
    const workspaceId = c.get('caller').workspace.id;
    return c.json(await writeInWorkspace(db, workspaceId, (tx) => queueTestEvent(tx, workspaceId, id, now())), 202);
  });
