/** Demo accounts: only in the allowed modes, once, with working passwords and a private credentials file. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { verifyPassword } from "@/lib/auth/password";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { readServerEnv } from "@/lib/config/env";
import { DEMO_EMAIL_DOMAIN, demoBanner, demoDataEnabled, seedDemoAccountsIfEmpty, seedDemoDataOnStart } from "@/lib/demo/seed-demo-accounts";
import { databaseForThisFile } from "../support/test-database";

jest.setTimeout(60_000);
const db = databaseForThisFile();
let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "consulta-demo-"));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test("the modes: embedded by default, DATABASE_URL only with DEMO_DATA=true, DEMO_DATA=false never", () => {
  const flag = (DEMO_DATA?: string) => readServerEnv({ NODE_ENV: "test", DEMO_DATA }).DEMO_DATA;
  expect(demoDataEnabled({ embedded: true, demoData: flag() })).toBe(true);
  expect(demoDataEnabled({ embedded: true, demoData: flag("") })).toBe(true);
  expect(demoDataEnabled({ embedded: false, demoData: flag() })).toBe(false);
  expect(demoDataEnabled({ embedded: false, demoData: flag("false") })).toBe(false);
  expect(demoDataEnabled({ embedded: false, demoData: flag("true") })).toBe(true);
  expect(demoDataEnabled({ embedded: true, demoData: flag("false") })).toBe(false);
  expect(() => readServerEnv({ NODE_ENV: "test", DEMO_DATA: "yes" })).toThrow(/DEMO_DATA/);
});

test("with DATABASE_URL and no flag the start step creates nothing", async () => {
  expect(await seedDemoDataOnStart(db.prisma, { embedded: false, demoData: undefined, dataDir })).toBeNull();
  expect(await db.prisma.user.count()).toBe(0);
  expect(fs.existsSync(path.join(dataDir, "demo-accounts.txt"))).toBe(false);
});

test("created once on an empty database, passwords verify and sign in, credentials file is 0600; a second start creates nothing", async () => {
  const first = await seedDemoDataOnStart(db.prisma, { embedded: true, demoData: undefined, dataDir });
  expect(first?.created).toBe(true);
  const accounts = first!.accounts;
  expect(accounts.map((a) => a.role).sort()).toEqual(["ADMIN", "FACILITATOR", "OFFICIAL", "STAKEHOLDER", "STAKEHOLDER", "STAKEHOLDER", "STAKEHOLDER"]);
  expect(new Set(accounts.filter((a) => a.role === "STAKEHOLDER").map((a) => a.category))).toEqual(new Set(["CITIZEN", "YOUNG_PERSON", "THIRD_SECTOR", "BUSINESS"]));
  expect(new Set(accounts.map((a) => a.password)).size).toBe(accounts.length);

  for (const account of accounts) {
    expect(account.email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)).toBe(true);
    expect(account.password.length).toBeGreaterThanOrEqual(16);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { email: account.email }, include: { profile: true } });
    expect(user.emailVerified).not.toBeNull();
    expect(user.role).toBe(account.role);
    expect(user.profile).toMatchObject({ displayName: account.displayName, category: account.category });
    expect(await verifyPassword(account.password, user.passwordHash!)).toBe(true);
  }
  const admin = accounts.find((a) => a.role === "ADMIN")!;
  await expect(signInWithPassword(db.prisma, { email: admin.email, password: admin.password }, { ipAddress: "192.0.2.9", userAgent: "jest" })).resolves.toHaveProperty("sessionId");

  const file = path.join(dataDir, "demo-accounts.txt");
  expect(first!.file).toBe(path.resolve(file));
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  const text = fs.readFileSync(file, "utf8");
  for (const account of accounts) expect(text.split("\n").some((line) => line.includes(account.email) && line.includes(account.password))).toBe(true);
  const banner = demoBanner(first!);
  for (const account of accounts) expect(banner).toContain(account.password);

  const users = await db.prisma.user.count();
  const second = await seedDemoAccountsIfEmpty(db.prisma, { dataDir });
  expect(second).toMatchObject({ created: false, accounts: [] });
  expect(await db.prisma.user.count()).toBe(users);
  expect(demoBanner(second)).toContain(`see ${path.resolve(file)}`);
  expect(demoBanner(second)).not.toContain(admin.password);
  // The first start's credentials stay valid and the file is not rewritten.
  expect(fs.readFileSync(file, "utf8")).toBe(text);
});

test("never on a database that already has users, even when asked", async () => {
  const before = await db.prisma.user.count();
  expect(before).toBeGreaterThan(0);
  const result = await seedDemoDataOnStart(db.prisma, { embedded: false, demoData: true, dataDir });
  expect(result?.created).toBe(false);
  expect(await db.prisma.user.count()).toBe(before);
});
