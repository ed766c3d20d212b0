import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/client";
import type { Role, StakeholderCategory } from "@/lib/db/generated/enums";
import { hashPassword } from "@/lib/auth/password";

/**
 * Demo accounts for trying Consulta out on the embedded database: one of each staff role and
 * stakeholders of several categories, all with confirmed addresses under a reserved domain
 * (.invalid never resolves, so no mail to them can reach anyone).
 */
export const DEMO_EMAIL_DOMAIN = "demo.consulta.invalid";
export const DEMO_ACCOUNTS_FILE = "demo-accounts.txt";

export interface DemoAccount {
  role: Role;
  category: StakeholderCategory;
  displayName: string;
  email: string;
  password: string;
}

export interface DemoSeedResult {
  /** False when users already existed: nothing was created and no password is known. */
  created: boolean;
  accounts: DemoAccount[];
  /** Where the credentials were written (mode 0600) when they were created. */
  file: string;
}

const demoPeople: ReadonlyArray<Omit<DemoAccount, "password">> = [
  { role: "ADMIN", category: "PUBLIC_BODY", displayName: "Lucia Bernardini", email: `admin@${DEMO_EMAIL_DOMAIN}` },
  { role: "FACILITATOR", category: "PUBLIC_BODY", displayName: "Marco Pellegrini", email: `facilitatore@${DEMO_EMAIL_DOMAIN}` },
  { role: "OFFICIAL", category: "PUBLIC_BODY", displayName: "Anna Gherardini", email: `funzionario@${DEMO_EMAIL_DOMAIN}` },
  { role: "STAKEHOLDER", category: "CITIZEN", displayName: "Giovanni Rossi", email: `cittadino@${DEMO_EMAIL_DOMAIN}` },
  { role: "STAKEHOLDER", category: "YOUNG_PERSON", displayName: "Sara Lombardi", email: `giovane@${DEMO_EMAIL_DOMAIN}` },
  { role: "STAKEHOLDER", category: "THIRD_SECTOR", displayName: "Cooperativa Il Ponte", email: `terzo-settore@${DEMO_EMAIL_DOMAIN}` },
  { role: "STAKEHOLDER", category: "BUSINESS", displayName: "Ferri Costruzioni", email: `impresa@${DEMO_EMAIL_DOMAIN}` },
];

/** 120 random bits, base64url: far beyond the common-password list and the 10-character minimum. */
const generatePassword = (): string => randomBytes(15).toString("base64url");

/**
 * Whether this start may create demo data: by default only on the embedded database (a throwaway
 * trial); on a configured DATABASE_URL only when DEMO_DATA=true, so a real deployment never gets
 * accounts with printed passwords by accident. DEMO_DATA=false turns it off everywhere.
 */
export function demoDataEnabled({ embedded, demoData }: { embedded: boolean; demoData: boolean | undefined }): boolean {
  return demoData ?? embedded;
}

/** Creates the demo accounts when the database has no user yet; writes their credentials to <dataDir>/demo-accounts.txt. */
export async function seedDemoAccountsIfEmpty(db: PrismaClient, { dataDir }: { dataDir: string }): Promise<DemoSeedResult> {
  const file = path.resolve(dataDir, DEMO_ACCOUNTS_FILE);
  if ((await db.user.count()) > 0) return { created: false, accounts: [], file };

  // Hashing is slow by design: done before the transaction, which then only writes.
  const accounts = demoPeople.map((person) => ({ ...person, password: generatePassword() }));
  const hashed = await Promise.all(accounts.map(async (account) => ({ ...account, passwordHash: await hashPassword(account.password) })));
  const now = new Date();
  const created = await db.$transaction(async (tx) => {
    // Two instances starting together on one database: only the first creates the accounts.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('consulta.demo-accounts'))`;
    if ((await tx.user.count()) > 0) return false;
    for (const account of hashed) {
      await tx.user.create({
        data: {
          email: account.email,
          emailVerified: now,
          name: account.displayName,
          passwordHash: account.passwordHash,
          role: account.role,
          locale: "it",
          profile: { create: { displayName: account.displayName, category: account.category, municipality: "Pisa" } },
        },
      });
    }
    await tx.auditEvent.create({ data: { actorId: null, action: "demo.accounts-created", entityType: "User", data: { emails: accounts.map((a) => a.email) } } });
    return true;
  });
  if (!created) return { created: false, accounts: [], file };

  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, formatDemoAccounts(accounts), { mode: 0o600 });
  // writeFileSync's mode applies only to a new file; an older file may be more open.
  fs.chmodSync(file, 0o600);
  return { created: true, accounts, file };
}

/** The server's start step: null when demo data is not enabled for this start. */
export async function seedDemoDataOnStart(
  db: PrismaClient,
  options: { embedded: boolean; demoData: boolean | undefined; dataDir: string },
): Promise<DemoSeedResult | null> {
  if (!demoDataEnabled(options)) return null;
  return seedDemoAccountsIfEmpty(db, { dataDir: options.dataDir });
}

export function formatDemoAccounts(accounts: ReadonlyArray<DemoAccount>): string {
  const width = Math.max(...accounts.map((account) => account.email.length));
  const lines = accounts.map((account) => `  ${account.role.padEnd(11)}  ${account.email.padEnd(width)}  ${account.password}  (${account.displayName}, ${account.category})`);
  return [
    "Consulta demo accounts (demo data only: do not use in production)",
    "",
    ...lines,
    "",
  ].join("\n");
}

/** The start-banner block: the credentials when just created, else where they were written. */
export function demoBanner(result: DemoSeedResult): string {
  const rule = "=".repeat(72);
  if (result.created) {
    return [rule, formatDemoAccounts(result.accounts).trimEnd(), "", `  Also written to ${result.file} (readable only by you).`, rule, ""].join("\n");
  }
  const where = fs.existsSync(result.file) ? `see ${result.file}` : "the database already had users, so none were created";
  return [rule, `Consulta demo accounts: ${where}`, rule, ""].join("\n");
}
