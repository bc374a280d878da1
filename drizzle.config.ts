import { defineConfig } from 'drizzle-kit';

// Migrations are generated from every area's tables.ts and committed; the app applies them at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/*/tables.ts',
  out: './server/platform/db/migrations',
  casing: 'snake_case',
});
