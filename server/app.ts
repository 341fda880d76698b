import { Hono } from 'hono';

/** The API's routes. Only the health check exists so far; the v1 routes follow DESIGN §4. */
export function createApp(): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ ok: true }));
  return app;
}
