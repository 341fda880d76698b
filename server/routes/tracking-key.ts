import { Hono } from 'hono';
import type { TrackingKeyRotation } from '../../lib/core/model/admin-requests';
import { requireRole } from '../auth/middleware';
import type { AppEnv } from '../context';
import { actorOf } from '../domain/audit/record';
import { rotateTrackingKey } from '../tracking/tokens';

/**
 * The workspace's tracking key, which signs its pixels and tracked links. Rotating it is for a key that may have
 * leaked (or a routine): admins only, since links already sent stop working 30 days later.
 */
export const trackingKeyRoutes = new Hono<AppEnv>().post('/rotate', requireRole('admin'), async (c) => {
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
