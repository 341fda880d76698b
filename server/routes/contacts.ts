import { Hono } from 'hono';
import type { AppEnv } from '../context';

export const contactsRoutes = new Hono<AppEnv>();
