/**
 * Sign-in through a real OpenID Connect provider (oidc-provider, in its own process) in Chromium:
 * a second app server runs with the OIDC_* configuration (the shared e2e server has none) on the
 * same database. Keyboard to the button, log in at the IdP, land on /account as that person with
 * the role their groups map to; a disabled account is refused with a translated message.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import type { Page } from "playwright-core";
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, e2eDatabaseUrl, freePort, projectRoot, startServer } from "../support/e2e-server";

jest.setTimeout(180_000);

const stamp = Date.now().toString(36);
const people = {
  [`marta-${stamp}`]: { email: `marta-${stamp}@example.it`, email_verified: true, name: "Marta Rossi", groups: ["consulta-facilitatori", "consulta-funzionari", "altro"] },
  [`bruno-${stamp}`]: { email: `bruno-${stamp}@example.it`, email_verified: true, name: "Bruno Neri", groups: [] },
};
const [marta, bruno] = Object.keys(people) as [string, string];

interface IdentityProvider {
  issuer: string;
  stop(): void;
}

/** Starts tests/support/oidc-provider-server.mjs and waits for the line with its issuer. */
async function startIdentityProvider(redirectUri: string): Promise<IdentityProvider> {
  const child: ChildProcess = spawn(process.execPath, [path.join(projectRoot, "tests/support/oidc-provider-server.mjs")], {
    env: {
      ...process.env,
      OIDC_TEST_CLIENT_ID: "consulta-e2e",
      OIDC_TEST_CLIENT_SECRET: "e2e-client-secret-0123456789",
      OIDC_TEST_REDIRECT_URI: redirectUri,
      OIDC_TEST_ACCOUNTS: JSON.stringify(people),
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const errors: string[] = [];
  child.stderr!.on("data", (chunk: Buffer) => errors.push(chunk.toString()));
  const issuer = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The identity provider did not start:\n${errors.join("")}`)), 20_000);
    readline.createInterface({ input: child.stdout! }).once("line", (line) => {
      clearTimeout(timer);
      resolve((JSON.parse(line) as { issuer: string }).issuer);
    });
    child.once("exit", (code) => reject(new Error(`The identity provider exited (${code}):\n${errors.join("")}`)));
  });
  return { issuer, stop: () => child.kill("SIGTERM") };
}

async function tabTo(page: Page, text: string): Promise<void> {
  for (let presses = 0; presses < 60; presses += 1) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === text) return;
  }
  throw new Error(`"${text}" cannot be reached with the Tab key`);
}

/** The IdP's development login page (any login name and password) and, the first time, its consent page. */
async function logInAtIdentityProvider(page: Page, issuer: string, login: string): Promise<void> {
  await page.waitForURL(`${issuer}/interaction/**`);
  await page.fill("input[name=login]", login);
  await page.fill("input[name=password]", "any password");
  await page.click("button[type=submit]");
  const consent = page.locator("input[name=prompt][value=consent]");
  await Promise.race([consent.waitFor({ state: "attached" }), page.waitForURL((url) => url.origin !== issuer)]);
  if (new URL(page.url()).origin === issuer) await page.click("button[type=submit]"); // "Continue"
}

describeE2E("sign-in through an OpenID Connect identity provider", () => {
  const browser = useE2EBrowser();
  let idp: IdentityProvider | undefined;
  let app: Awaited<ReturnType<typeof startServer>> | undefined;
  let prisma: PrismaClient;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-e2e-oidc-"));

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    idp = await startIdentityProvider(`${baseUrl}/api/auth/callback/oidc`);
    app = await startServer(e2eDatabaseUrl(), dataDir, {
      port,
      logName: "e2e-server-oidc.log",
      env: {
        PUBLIC_URL: baseUrl,
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: "consulta-e2e",
        OIDC_CLIENT_SECRET: "e2e-client-secret-0123456789",
        OIDC_NAME: "Keycloak",
        OIDC_ROLE_CLAIM: "groups",
        OIDC_ROLE_MAP: "consulta-admin=ADMIN,consulta-facilitatori=FACILITATOR,consulta-funzionari=OFFICIAL",
      },
    });
  });

  afterAll(async () => {
    await app?.stop();
    idp?.stop();
    await prisma?.$disconnect();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test("keyboard to the button, log in at the IdP, land on /account with the mapped role; no JavaScript needed", async () => {
    const page = await browser.page({ baseURL: app!.baseUrl, javaScriptEnabled: false });
    await page.goto("/accedi");
    expect(await page.locator("#sso-title").textContent()).toBe("Accesso con identità digitale");
    await tabTo(page, "Accedi con Keycloak");
    await page.keyboard.press("Enter");

    await logInAtIdentityProvider(page, idp!.issuer, marta);
    await page.waitForURL(`${app!.baseUrl}/account`);
    expect(await page.locator("h1").textContent()).toBe("Il mio account");
    expect(await page.locator("header").textContent()).toContain("Marta Rossi");
    expect(await page.locator("main dl").textContent()).toContain(`marta-${stamp}@example.it`);
    expect(await page.locator("main dl").textContent()).toContain("Funzionario");
    // No profile yet: the form asks to complete it, the name from the IdP prefilled.
    expect(await page.locator("main .alert-info").textContent()).toContain("Completa il tuo profilo");
    expect(await page.inputValue("#displayName")).toBe("Marta Rossi");

    const user = await prisma.user.findUniqueOrThrow({ where: { email: `marta-${stamp}@example.it` }, include: { accounts: true, profile: true } });
    expect(user).toMatchObject({ role: "OFFICIAL", name: "Marta Rossi", passwordHash: null, profile: null });
    expect(user.emailVerified).toBeInstanceOf(Date);
    expect(user.accounts).toEqual([expect.objectContaining({ provider: "oidc", providerAccountId: marta })]);
    const events = await prisma.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.action)).toEqual(["auth.sign-up", "auth.role-changed", "auth.sign-in"]);
    expect(events[2]!.data).toMatchObject({ method: "oidc", outcome: "created" });

    // The session is a UserSession row like any other: signing out ends it.
    const sessions = await prisma.userSession.findMany({ where: { userId: user.id, revokedAt: null } });
    expect(sessions).toHaveLength(1);
    await page.click("main button:text-is('Esci')");
    await page.waitForURL("**/accedi?esito=uscito");
    expect((await prisma.userSession.findUniqueOrThrow({ where: { id: sessions[0]!.id } })).revokedAt).toBeInstanceOf(Date);
  });

  test("a disabled account is refused: back on the sign-in page with a translated message, audited", async () => {
    const existing = await prisma.user.create({
      data: { email: `bruno-${stamp}@example.it`, emailVerified: new Date(), disabledAt: new Date(), profile: { create: { displayName: "Bruno", category: "CITIZEN" } } },
    });
    const page = await browser.page({ baseURL: app!.baseUrl, locale: "en-GB" });
    await page.goto("/en/accedi");
    await page.click("button:has-text('Sign in with Keycloak')");
    await logInAtIdentityProvider(page, idp!.issuer, bruno);
    await page.waitForURL(`${app!.baseUrl}/en/accedi?errore=sso-rifiutato`);
    expect(await page.locator("main .alert-danger[role=alert]").textContent()).toBe("This account cannot sign in. If you think this is a mistake, contact the administrators.");
    await expectNoAxeViolations(page, "/en/accedi with the identity-provider error");
    expect(await prisma.account.count({ where: { userId: existing.id } })).toBe(0);
    expect(await prisma.userSession.count({ where: { userId: existing.id } })).toBe(0);
    expect(await prisma.auditEvent.count({ where: { entityId: existing.id, action: "auth.sign-in-failed" } })).toBe(1);
  });

  test("axe on the sign-in page with the identity-provider button and on the new user's account page, both languages; the shared server shows no button", async () => {
    const page = await browser.page({ baseURL: app!.baseUrl });
    await page.goto("/accedi");
    expect(await page.locator("button:has-text('Accedi con Keycloak')").count()).toBe(1);
    await expectNoAxeViolations(page, "/accedi (OIDC)");
    await page.goto("/en/accedi");
    expect(await page.locator("#sso-title").textContent()).toBe("Sign in with a digital identity");
    expect(await page.locator("button:has-text('Sign in with Keycloak')").count()).toBe(1);
    await expectNoAxeViolations(page, "/en/accedi (OIDC)");

    // The account page of someone new from the IdP (no profile yet), both languages.
    await page.goto("/accedi");
    await page.click("button:has-text('Accedi con Keycloak')");
    await logInAtIdentityProvider(page, idp!.issuer, marta);
    await page.waitForURL(`${app!.baseUrl}/account`);
    expect(await page.locator("main .alert-info").count()).toBe(1);
    await expectNoAxeViolations(page, "/account (new IdP user)");
    await page.goto("/en/account");
    expect(await page.locator("main .alert-info").textContent()).toContain("Complete your profile");
    await expectNoAxeViolations(page, "/en/account (new IdP user)");

    const shared = await browser.page();
    await shared.goto("/accedi");
    expect(await shared.locator("#sso-title").count()).toBe(0);
  });

  test("a forged start (no CSRF token) does not leave the app for the IdP", async () => {
    const response = await fetch(`${app!.baseUrl}/api/auth/signin/oidc`, { method: "POST", redirect: "manual", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "callbackUrl=%2Faccount" });
    expect(response.headers.get("location") ?? "").not.toContain(idp!.issuer);
  });
});
