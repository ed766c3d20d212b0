/** Drop this run's databases (on DATABASE_URL's server) or stop the embedded server and delete its directory. */
import fs from "node:fs";

import { integrationState } from "./integration-global-setup";
import { onServer, quoteIdent } from "./test-database";

export default async function globalTeardown(): Promise<void> {
  const state = integrationState();
  if (!state) return;
  try {
    if (state.server) {
      await state.server.stop();
    } else if (state.serverUrl) {
      // A shared server: remove the template and whatever a crashed test file left behind.
      await onServer(state.serverUrl, async (c) => {
        const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [
          state.dbPrefix,
        ]);
        for (const { datname } of rows) {
          if (datname === state.templateDb) await c.query(`ALTER DATABASE ${quoteIdent(datname)} WITH IS_TEMPLATE false`);
          await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
        }
      });
    }
  } finally {
    if (state.tmpDir) fs.rmSync(state.tmpDir, { recursive: true, force: true });
  }
}
