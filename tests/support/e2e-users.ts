/**
 * People for e2e files, arranged directly in the e2e server's database (it has no demo accounts and
 * nobody signs up as staff), and the keyboard sign-in they use.
 */
import type { Page } from "playwright-core";
import { passwordHashFor } from "./auth-factory";
import type { PrismaClient } from "@/lib/db/client";
import type { Role, StakeholderCategory } from "@/lib/db/generated/enums";

/** The password of every person confirmedUser creates. */
export const E2E_PASSWORD = "Lungarno Pacinotti 43";

/** A confirmed user with E2E_PASSWORD and a profile; returns the id. */
export async function confirmedUser(
  prisma: PrismaClient,
  email: string,
  role: Role,
  displayName: string,
  category: StakeholderCategory = "CITIZEN",
): Promise<string> {
  const user = await prisma.user.create({
    data: { email, role, emailVerified: new Date(), passwordHash: await passwordHashFor(E2E_PASSWORD), profile: { create: { displayName, category } } },
  });
  return user.id;
}

/** Signs in from /accedi by keyboard (type, Enter) and waits for /account. */
export async function signIn(page: Page, email: string, password = E2E_PASSWORD): Promise<void> {
  await page.goto("/accedi");
  await page.focus("#email");
  await page.keyboard.type(email);
  await page.focus("#password");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await page.waitForURL("**/account");
}
