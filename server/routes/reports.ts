import { Hono } from 'hono';
import type { AppEnv } from '../context';

export const reportsRoutes = new Hono<AppEnv>();
