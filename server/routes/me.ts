import { Hono } from 'hono';
import type { Me } from '../../lib/core/model/api';
import type { AppEnv } from '../context';

export const meRoutes = new Hono<AppEnv>().get('/', (c) => {
  const { user, workspace } = c.get('caller');
  const me: Me = {
    user,
    workspace: { id: workspace.id, name: workspace.name, domains: workspace.settings.domains },
    calendar: workspace.settings.calendar,
  };
  return c.json(me);
});
