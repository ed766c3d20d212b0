/** Stops the server, then the database (also after failed tests; the setup cleans up after itself). */
export default async function globalTeardown(): Promise<void> {
  const environment = globalThis.__CONSULTA_E2E__;
  globalThis.__CONSULTA_E2E__ = undefined;
  if (environment) await environment.stop();
}
