/**
 * A real OpenID Connect provider for the e2e tests (the `oidc-provider` package, ESM-only, so it runs
 * in its own node process). Configuration through the environment:
 *   OIDC_TEST_CLIENT_ID, OIDC_TEST_CLIENT_SECRET, OIDC_TEST_REDIRECT_URI (the app's callback URL),
 *   OIDC_TEST_ACCOUNTS: JSON { "<login>": { email, email_verified, name, groups } }.
 * Its development login page (devInteractions) accepts any login name: the name is the account id
 * (`sub`); known ones get the configured claims, others none but `sub`.
 * Prints one line `{"issuer":"http://127.0.0.1:<port>"}` on stdout when it listens.
 */
import { createServer } from "node:http";
import Provider from "oidc-provider";

const env = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};
const accounts = JSON.parse(process.env.OIDC_TEST_ACCOUNTS ?? "{}");

const server = createServer();
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: env("OIDC_TEST_CLIENT_ID"),
      client_secret: env("OIDC_TEST_CLIENT_SECRET"),
      redirect_uris: [env("OIDC_TEST_REDIRECT_URI")],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    },
  ],
  // The claims go into the ID token (next-auth reads them from there, not from userinfo).
  conformIdTokenClaims: false,
  claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
  features: { devInteractions: { enabled: true } },
  pkce: { required: () => true },
  async findAccount(_ctx, id) {
    return {
      accountId: id,
      async claims() {
        return { sub: id, ...(accounts[id] ?? {}) };
      },
    };
  },
  cookies: { keys: ["consulta-e2e-oidc-cookie-key"] },
});
provider.on("server_error", (_ctx, error) => process.stderr.write(`oidc-provider server_error: ${error.stack}\n`));

server.on("request", provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on("SIGTERM", () => server.close(() => process.exit(0)));
