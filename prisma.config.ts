import { defineConfig } from "prisma/config";

// The CLI is used here only for `prisma generate`, which needs no database;
// migrations run through the project's own runner (scripts/db-migrate.ts).
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
