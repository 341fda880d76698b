import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate` writes a new numbered migration from server/store/schema.ts; commit it.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/store/schema.ts',
  out: './server/store/migrations',
});
