import { Hono } from 'hono';
import type { AppEnv } from '../context';

export const settingsRoutes = new Hono<AppEnv>();
