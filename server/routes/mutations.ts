import { Hono } from 'hono';
import type { AppEnv } from '../context';

export const mutationsRoutes = new Hono<AppEnv>();
