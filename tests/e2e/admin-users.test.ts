/**
 * The admin users page in Chromium: an admin signs in and reaches the page by keyboard, finds a
 * stakeholder and changes their role; a stakeholder is refused; axe finds nothing in either language.
 * The admin is arranged directly in the server's database (the e2e server runs on a DATABASE_URL,
 * so it has no demo accounts, and nobody can sign up as an admin).
 */
import { createPrismaClient, type PrismaClient } from "@/lib/db/client";
import { expectNoAxeViolations } from "../support/axe";
import { useE2EBrowser } from "../support/browser";
import { describeE2E, e2eDatabaseUrl } from "../support/e2e-server";
import { confirmedUser, signIn } from "../support/e2e-users";

jest.setTimeout(120_000);

describeE2E("admin users page", () => {
  const browser = useE2EBrowser();
  let prisma: PrismaClient;
  const stamp = Date.now();
  const emails = { admin: `admin-${stamp}@example.it`, target: `bersaglio-${stamp}@example.it`, stakeholder: `stakeholder-${stamp}@example.it` };
  let targetId: string;

  beforeAll(async () => {
    prisma = createPrismaClient(e2eDatabaseUrl(), { maxConnections: 2 });
    await confirmedUser(prisma, emails.admin, "ADMIN", "Elena Amministratrice");
    targetId = await confirmedUser(prisma, emails.target, "STAKEHOLDER", "Tommaso Bersaglio");
    await confirmedUser(prisma, emails.stakeholder, "STAKEHOLDER", "Paola Partecipante");
  });
  afterAll(async () => {
    await prisma?.$disconnect();
  });

  test("an admin opens the page by keyboard and changes a stakeholder's role", async () => {
    const page = await browser.page();
    await signIn(page, emails.admin);

    await page.focus("header a[href='/admin/utenti']");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Amministrazione");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/admin/utenti");
    const response = await page.reload();
    expect(response?.status()).toBe(200);
    expect(response?.headers()["cache-control"]).toContain("no-store");
    expect(await page.locator("h1").textContent()).toBe("Utenti e ruoli");
    await expectNoAxeViolations(page);

    await page.focus("#q");
    await page.keyboard.type(emails.target);
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("q") === emails.target);
    expect(await page.locator("tbody tr").count()).toBe(1);
    expect(await page.locator("tbody tr th").textContent()).toContain("Tommaso Bersaglio");

    await page.focus(`#role-${targetId}`);
    await page.selectOption(`#role-${targetId}`, "FACILITATOR");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cambia ruolo (Tommaso Bersaglio)");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.searchParams.get("esito") === "ruolo-cambiato");
    expect(await page.locator("[role=status].alert").textContent()).toContain("Ruolo cambiato");
    expect(await page.locator("tbody tr td").nth(1).textContent()).toBe("Facilitatore");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: targetId } })).role).toBe("FACILITATOR");
    expect(await prisma.auditEvent.count({ where: { action: "auth.role-changed", entityId: targetId } })).toBe(1);
    await expectNoAxeViolations(page);

    await page.goto("/en/admin/utenti");
    expect(await page.locator("h1").textContent()).toBe("Users and roles");
    await expectNoAxeViolations(page);

    expect((await page.goto("/admin/utenti?pagina=0"))?.status()).toBe(400);
  });

  test("a stakeholder is refused, a visitor is sent to sign in", async () => {
    const visitor = await browser.page();
    await visitor.goto("/admin/utenti");
    expect(new URL(visitor.url()).pathname).toBe("/accedi");

    const page = await browser.page();
    await signIn(page, emails.stakeholder);
    expect(await page.locator("header a[href='/admin/utenti']").count()).toBe(0);
    await page.goto("/admin/utenti");
    expect(await page.locator("h1").textContent()).toBe("Accesso non consentito");
    expect(await page.locator("table").count()).toBe(0);
    expect(await page.content()).not.toContain(emails.admin);
    await expectNoAxeViolations(page);
  });
});
