import { serve } from '@hono/node-server';
import { createApp } from './app';

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';

serve({ fetch: createApp().fetch, port, hostname }, (info) => {
  console.log(`Leadside API listening on http://${hostname}:${info.port}`);
  console.log('Load the extension: chrome://extensions → Developer mode → Load unpacked → .output/chrome-mv3');
});
