import { Hono } from 'hono';
import type { AppEnv } from '../context';

export const suggestionsRoutes = new Hono<AppEnv>();
