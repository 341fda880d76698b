import { Hono } from 'hono';
import { TrackingKeyRotation } from '../../lib/core/model/admin-requests';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { actorOf } from '../domain/audit/record';
import { rotateTrackingKey } from '../tracking/tokens';
import { operation } from '../http/openapi';

/**
 * The workspace's tracking key, which signs its pixels and tracked links. Rotating it is for a key that may have
 * leaked (or a routine): admins only, since links already sent stop working 30 days later.
 */
const rotate = operation({
  tag: 'Email tracking',
  summary: 'Retire the tracking key and sign with a new one; links signed before keep working 30 days',
  responses: { 200: { description: 'the new key and the retired one', schema: TrackingKeyRotation } },
});

export const trackingKeyRoutes = new Hono<AppEnv>().post('/rotate', rotate, requireRole('admin'), async (c) => {
  const { db, now } = c.get('deps');
  const at = now();
  const { keyId, retired } = await rotateTrackingKey(db, c.get('caller').workspace.id, at, actorOf(c.get('caller')));
  const answer: TrackingKeyRotation = {
    keyId,
    rotatedAt: at.toISOString(),
    retired: retired && { keyId: retired.keyId, verifiesUntil: retired.verifiesUntil.toISOString() },
  };
  return c.json(answer);
});
