/**
 * Sign-up → confirmation mail (outbox) → confirm → sign-in → session row, against a real PostgreSQL;
 * revocation, role change, enumeration resistance and rate limits.
 */
import { changeUserRole } from "@/lib/auth/account";
import { getSession, revokeAllSessions, revokeSession } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { confirmEmail, signUp } from "@/lib/auth/sign-up";
import { requestSignInLink, signInWithLink } from "@/lib/auth/sign-in-link";
import { AppError } from "@/lib/errors/app-error";
import { toHttpError } from "@/lib/errors/to-http";
import { databaseForThisFile } from "../support/test-database";
import { signedInUser } from "../support/auth-factory";

jest.setTimeout(60_000);
const db = databaseForThisFile();
const password = "Ponte di Mezzo 1944";
const links = (ip: string) => ({ ipAddress: ip, confirmationUrl: (token: string, locale: string) => `http://test/${locale}/conferma-email?token=${token}` });
const form = (email: string) => ({ email, password, displayName: "Anna Bianchi", category: "THIRD_SECTOR", organisation: "Arci Pisa", municipality: "", locale: "it" });

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function tokenFromOutbox(email: string): Promise<string> {
  const mail = await db.prisma.emailOutbox.findFirstOrThrow({ where: { to: email, template: "email-confirmation" }, orderBy: { createdAt: "desc" } });
  const match = /conferma-email\?token=([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return match[1]!;
}

test("sign-up, confirm by mailed link (single use), sign in: a session row that getSession accepts", async () => {
  const result = await signUp(db.prisma, form("Anna@Example.it"), links("198.51.100.1"));
  expect(result).toEqual({ email: "anna@example.it" });
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email: "anna@example.it" }, include: { profile: true } });
  expect(user).toMatchObject({ role: "STAKEHOLDER", emailVerified: null, profile: { category: "THIRD_SECTOR", organisation: "Arci Pisa", municipality: null } });

  const unconfirmed = await caught(signInWithPassword(db.prisma, { email: "anna@example.it", password }, { ipAddress: "198.51.100.1", userAgent: null }));
  expect(unconfirmed.messageKey).toBe("auth.signIn.unconfirmed");

  const token = await tokenFromOutbox("anna@example.it");
  await confirmEmail(db.prisma, token);
  expect((await caught(confirmEmail(db.prisma, token))).messageKey).toBe("auth.confirm.invalid");

  const session = await signInWithPassword(db.prisma, { email: "ANNA@example.it", password }, { ipAddress: "198.51.100.1", userAgent: "jest" });
  const row = await db.prisma.userSession.findUniqueOrThrow({ where: { id: session.sessionId } });
  expect(row).toMatchObject({ userId: user.id, revokedAt: null, ipAddress: "198.51.100.1", userAgent: "jest" });
  expect(await getSession(db.prisma, session.sessionId)).toMatchObject({ userId: user.id, role: "STAKEHOLDER", displayName: "Anna Bianchi" });
  const audit = await db.prisma.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { id: "asc" } });
  expect(audit.map((event) => event.action)).toEqual(["auth.sign-up", "auth.sign-in-failed", "auth.email-confirmed", "auth.sign-in"]);
});

test("expired confirmation tokens are refused", async () => {
  await signUp(db.prisma, form("late@example.it"), links("198.51.100.2"));
  const token = await tokenFromOutbox("late@example.it");
  await db.prisma.verificationToken.updateMany({ where: { identifier: "email-confirmation:late@example.it" }, data: { expires: new Date(Date.now() - 1000) } });
  expect((await caught(confirmEmail(db.prisma, token))).code).toBe("VALIDATION");
});

test("a revoked session is refused on the next check; end-all ends every session", async () => {
  const actor = await signedInUser(db.prisma, "STAKEHOLDER");
  await revokeSession(db.prisma, actor, actor.sessionId);
  expect(await getSession(db.prisma, actor.sessionId)).toBeNull();

  const other = await signedInUser(db.prisma, "STAKEHOLDER");
  const second = await signInWithPassword(db.prisma, { email: other.email, password }, { ipAddress: "198.51.100.3", userAgent: null });
  expect(await revokeAllSessions(db.prisma, other, other.userId)).toBe(2);
  expect(await getSession(db.prisma, other.sessionId)).toBeNull();
  expect(await getSession(db.prisma, second.sessionId)).toBeNull();
});

test("disabled users and expired sessions are refused; a role change applies on the next check", async () => {
  const admin = await signedInUser(db.prisma, "ADMIN");
  const user = await signedInUser(db.prisma, "STAKEHOLDER");
  await changeUserRole(db.prisma, admin, user.userId, "FACILITATOR");
  expect((await getSession(db.prisma, user.sessionId))?.role).toBe("FACILITATOR");
  expect(await db.prisma.auditEvent.count({ where: { action: "auth.role-changed", entityId: user.userId, actorId: admin.userId } })).toBe(1);

  await db.prisma.userSession.update({ where: { id: user.sessionId }, data: { expiresAt: new Date(Date.now() - 1) } });
  expect(await getSession(db.prisma, user.sessionId)).toBeNull();

  const disabled = await signedInUser(db.prisma, "STAKEHOLDER");
  await db.prisma.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
  expect(await getSession(db.prisma, disabled.sessionId)).toBeNull();
  expect(await getSession(db.prisma, "not-a-uuid")).toBeNull();
});

test("enumeration: sign-up and sign-in answer identically for known and unknown addresses", async () => {
  const known = await signedInUser(db.prisma, "STAKEHOLDER");
  const before = await db.prisma.emailOutbox.count();
  const forKnown = await signUp(db.prisma, form(known.email!), links("198.51.100.4"));
  const forNew = await signUp(db.prisma, form("nuova@example.it"), links("198.51.100.4"));
  expect(Object.keys(forKnown)).toEqual(Object.keys(forNew));
  expect(await db.prisma.emailOutbox.count()).toBe(before + 1); // nothing mailed to the confirmed account

  const wrongPassword = await caught(signInWithPassword(db.prisma, { email: known.email, password: "Wrong password 123" }, { ipAddress: "198.51.100.4", userAgent: null }));
  const unknownEmail = await caught(signInWithPassword(db.prisma, { email: "nessuno@example.it", password: "Wrong password 123" }, { ipAddress: "198.51.100.4", userAgent: null }));
  expect([unknownEmail.code, unknownEmail.messageKey, unknownEmail.params]).toEqual([wrongPassword.code, wrongPassword.messageKey, wrongPassword.params]);
  expect(await db.prisma.auditEvent.count({ where: { action: "auth.sign-in-failed" } })).toBeGreaterThanOrEqual(2);
});

test("rate limit: the 11th sign-in attempt on one account in 15 minutes is a 429, even with the right password", async () => {
  const user = await signedInUser(db.prisma, "STAKEHOLDER");
  for (let i = 0; i < 10; i++) {
    await caught(signInWithPassword(db.prisma, { email: user.email, password: "Wrong password 123" }, { ipAddress: `203.0.113.${i}`, userAgent: null }));
  }
  const limited = await caught(signInWithPassword(db.prisma, { email: user.email, password }, { ipAddress: "203.0.113.99", userAgent: null }));
  expect(limited.code).toBe("RATE_LIMITED");
  expect(toHttpError(limited, "it").status).toBe(429);
});

describe("sign-in link", () => {
  const linkContext = (ip: string) => ({ ipAddress: ip, signInUrl: (token: string, locale: string) => `http://test/${locale}/accedi/link?token=${token}` });

  async function linkToken(email: string): Promise<string> {
    const mail = await db.prisma.emailOutbox.findFirstOrThrow({ where: { to: email, template: "sign-in-link" }, orderBy: { createdAt: "desc" } });
    return /accedi\/link\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)![1]!;
  }

  test("mailed only to existing accounts, same answer for unknown ones; single use; opens a session", async () => {
    const user = await signedInUser(db.prisma, "OFFICIAL");
    const before = await db.prisma.emailOutbox.count({ where: { template: "sign-in-link" } });
    const forUnknown = await requestSignInLink(db.prisma, { email: "sconosciuto@example.it" }, linkContext("198.51.100.20"));
    const forKnown = await requestSignInLink(db.prisma, { email: user.email!.toUpperCase() }, linkContext("198.51.100.20"));
    expect(Object.keys(forUnknown)).toEqual(Object.keys(forKnown));
    expect(await db.prisma.emailOutbox.count({ where: { template: "sign-in-link" } })).toBe(before + 1);

    const token = await linkToken(user.email!);
    const session = await signInWithLink(db.prisma, token, { ipAddress: "198.51.100.20", userAgent: null });
    expect(await getSession(db.prisma, session.sessionId)).toMatchObject({ userId: user.userId, role: "OFFICIAL" });
    expect((await caught(signInWithLink(db.prisma, token, { ipAddress: "198.51.100.20", userAgent: null }))).messageKey).toBe("auth.link.invalid");
  });

  test("a link confirms an unconfirmed address; confirmation tokens are not sign-in links", async () => {
    await signUp(db.prisma, form("link-unconfirmed@example.it"), links("198.51.100.21"));
    const confirmation = await tokenFromOutbox("link-unconfirmed@example.it");
    expect((await caught(signInWithLink(db.prisma, confirmation, { ipAddress: "198.51.100.21", userAgent: null }))).code).toBe("VALIDATION");

    await requestSignInLink(db.prisma, { email: "link-unconfirmed@example.it" }, linkContext("198.51.100.21"));
    const session = await signInWithLink(db.prisma, await linkToken("link-unconfirmed@example.it"), { ipAddress: "198.51.100.21", userAgent: null });
    expect(await getSession(db.prisma, session.sessionId)).not.toBeNull();
  });

  test("at most 5 links an hour to one address", async () => {
    const user = await signedInUser(db.prisma, "STAKEHOLDER");
    for (let i = 0; i < 5; i++) await requestSignInLink(db.prisma, { email: user.email }, linkContext(`203.0.113.${50 + i}`));
    expect((await caught(requestSignInLink(db.prisma, { email: user.email }, linkContext("203.0.113.60")))).code).toBe("RATE_LIMITED");
  });
});
