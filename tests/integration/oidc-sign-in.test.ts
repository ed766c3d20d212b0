/**
 * Sign-in through the identity provider (after next-auth verified the ID token), against a real
 * PostgreSQL: account creation and linking, role mapping, refusals, sessions.
 */
import { parseRoleMap } from "@/lib/auth/oidc-config";
import { getSession, revokeAllSessions, revokeSession } from "@/lib/auth/session";
import { signInWithOidc } from "@/lib/auth/sign-in-with-oidc";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { hashPassword } from "@/lib/auth/password";
import { AppError } from "@/lib/errors/app-error";
import { databaseForThisFile } from "../support/test-database";
import { signedInUser } from "../support/auth-factory";

jest.setTimeout(60_000);
const db = databaseForThisFile();
const context = { ipAddress: "203.0.113.7", userAgent: "jest" };
const noRoles = { roleClaim: null, roleMap: new Map() };
const withRoles = { roleClaim: "realm_access.roles", roleMap: parseRoleMap("consulta-admin=ADMIN,consulta-facilitatori=FACILITATOR,consulta-funzionari=OFFICIAL") };
let counter = 0;
const sub = () => `sub-${Date.now()}-${(counter += 1)}`;

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

const audit = (userId: string, action: string) => db.prisma.auditEvent.findMany({ where: { entityId: userId, action }, orderBy: { id: "asc" } });

test("a new person: a STAKEHOLDER with the IdP account, a confirmed email, no profile yet, a live session; the same sub finds the same user", async () => {
  const id = sub();
  const first = await signInWithOidc(db.prisma, noRoles, { sub: id, email: "Marta.Rossi@Example.it", email_verified: true, name: "Marta Rossi" }, context);
  expect(first.outcome).toBe("created");
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: first.userId }, include: { accounts: true, profile: true } });
  expect(user).toMatchObject({ email: "marta.rossi@example.it", name: "Marta Rossi", role: "STAKEHOLDER", passwordHash: null, profile: null });
  expect(user.emailVerified).toBeInstanceOf(Date);
  expect(user.accounts).toEqual([expect.objectContaining({ provider: "oidc", providerAccountId: id })]);

  const actor = await getSession(db.prisma, first.sessionId);
  expect(actor).toMatchObject({ userId: first.userId, role: "STAKEHOLDER", email: "marta.rossi@example.it", displayName: "Marta Rossi" });
  expect(await audit(first.userId, "auth.sign-in")).toEqual([expect.objectContaining({ actorId: first.userId, data: expect.objectContaining({ method: "oidc", outcome: "created", ipAddress: "203.0.113.7" }) })]);

  // Same sub, even with another email: the same user, a second session.
  const second = await signInWithOidc(db.prisma, noRoles, { sub: id, email: "other@example.it", email_verified: true }, context);
  expect(second).toMatchObject({ userId: first.userId, outcome: "existing" });
  expect(second.sessionId).not.toBe(first.sessionId);
  expect(await db.prisma.user.count({ where: { accounts: { some: { providerAccountId: id } } } })).toBe(1);
  expect((await db.prisma.user.findUniqueOrThrow({ where: { id: first.userId } })).email).toBe("marta.rossi@example.it");
});

test("an IdP person without email still gets a session; an unconfirmed password user still does not", async () => {
  const result = await signInWithOidc(db.prisma, noRoles, { sub: sub() }, context);
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: result.userId } });
  expect(user).toMatchObject({ email: null, emailVerified: null });
  expect(await getSession(db.prisma, result.sessionId)).toMatchObject({ userId: result.userId, email: null });

  // The relaxed rule is only for people an IdP vouches for.
  const unconfirmed = await db.prisma.user.create({ data: { email: `unconfirmed-${Date.now()}@example.it` } });
  const session = await db.prisma.userSession.create({ data: { userId: unconfirmed.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  expect(await getSession(db.prisma, session.id)).toBeNull();
});

test("a verified email links the existing account (profile and role kept); the password still works", async () => {
  const existing = await signedInUser(db.prisma, "FACILITATOR");
  const id = sub();
  const result = await signInWithOidc(db.prisma, noRoles, { sub: id, email: existing.email!.toUpperCase(), email_verified: true, name: "Someone Else" }, context);
  expect(result).toMatchObject({ userId: existing.userId, outcome: "linked" });
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: existing.userId }, include: { accounts: true, profile: true } });
  expect(user.accounts.map((account) => account.providerAccountId)).toEqual([id]);
  expect(user.role).toBe("FACILITATOR");
  expect(user.profile?.displayName).toBe(existing.displayName);
  await expect(signInWithPassword(db.prisma, { email: existing.email, password: "Ponte di Mezzo 1944" }, context)).resolves.toMatchObject({ userId: existing.userId });
  expect(await audit(existing.userId, "auth.sign-in")).toEqual(expect.arrayContaining([expect.objectContaining({ data: expect.objectContaining({ method: "oidc", outcome: "linked" }) })]));
});

test("linking a never-confirmed account confirms the address and drops the password set by whoever registered it", async () => {
  const email = `prehijack-${Date.now()}@example.it`;
  const squatted = await db.prisma.user.create({ data: { email, passwordHash: await hashPassword("Attacker password 1") } });
  const result = await signInWithOidc(db.prisma, noRoles, { sub: sub(), email, email_verified: true }, context);
  expect(result).toMatchObject({ userId: squatted.id, outcome: "linked" });
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: squatted.id } });
  expect(user.passwordHash).toBeNull();
  expect(user.emailVerified).toBeInstanceOf(Date);
  await expect(signInWithPassword(db.prisma, { email, password: "Attacker password 1" }, context)).rejects.toThrow(AppError);
});

test("an unverified email never links: a separate new user, without taking the address", async () => {
  const existing = await signedInUser(db.prisma, "STAKEHOLDER");
  for (const verified of [false, undefined, "false"]) {
    const result = await signInWithOidc(db.prisma, noRoles, { sub: sub(), email: existing.email, email_verified: verified }, context);
    expect(result.outcome).toBe("created");
    expect(result.userId).not.toBe(existing.userId);
    const user = await db.prisma.user.findUniqueOrThrow({ where: { id: result.userId } });
    expect(user).toMatchObject({ email: null, emailVerified: null });
    expect(await getSession(db.prisma, result.sessionId)).toMatchObject({ userId: result.userId });
  }
  expect(await db.prisma.account.count({ where: { userId: existing.userId } })).toBe(0);

  // An unverified address nobody uses is kept, but not as confirmed.
  const free = `free-${Date.now()}@example.it`;
  const fresh = await signInWithOidc(db.prisma, noRoles, { sub: sub(), email: free, email_verified: false }, context);
  expect(await db.prisma.user.findUniqueOrThrow({ where: { id: fresh.userId } })).toMatchObject({ email: free, emailVerified: null });
});

test("role mapping: the highest mapped role, applied at every sign-in and audited when it changes", async () => {
  const id = sub();
  const claims = (roles: unknown) => ({ sub: id, email: `${id}@example.it`, email_verified: true, realm_access: { roles } });
  const first = await signInWithOidc(db.prisma, withRoles, claims(["consulta-facilitatori", "consulta-funzionari", "unrelated"]), context);
  expect((await getSession(db.prisma, first.sessionId))?.role).toBe("OFFICIAL");
  expect(await audit(first.userId, "auth.role-changed")).toEqual([expect.objectContaining({ actorId: null, data: { from: "STAKEHOLDER", to: "OFFICIAL", source: "identity-provider" } })]);

  await signInWithOidc(db.prisma, withRoles, claims(["consulta-funzionari"]), context);
  expect(await audit(first.userId, "auth.role-changed")).toHaveLength(1); // unchanged: no new event

  // Removed from the group at the IdP: back to STAKEHOLDER, and the earlier session sees it at once.
  await signInWithOidc(db.prisma, withRoles, claims([]), context);
  expect((await getSession(db.prisma, first.sessionId))?.role).toBe("STAKEHOLDER");
  const changes = await audit(first.userId, "auth.role-changed");
  expect(changes.map((event) => event.data)).toEqual([
    { from: "STAKEHOLDER", to: "OFFICIAL", source: "identity-provider" },
    { from: "OFFICIAL", to: "STAKEHOLDER", source: "identity-provider" },
  ]);

  // Without a role claim configured, the role set here (e.g. by an admin) is kept.
  await db.prisma.user.update({ where: { id: first.userId }, data: { role: "FACILITATOR" } });
  await signInWithOidc(db.prisma, noRoles, claims(["consulta-admin"]), context);
  expect((await db.prisma.user.findUniqueOrThrow({ where: { id: first.userId } })).role).toBe("FACILITATOR");
});

test("disabled and erased users are refused, audited, and get no session", async () => {
  const id = sub();
  const first = await signInWithOidc(db.prisma, noRoles, { sub: id, email: `${id}@example.it`, email_verified: true }, context);
  await db.prisma.user.update({ where: { id: first.userId }, data: { disabledAt: new Date() } });
  const sessionsBefore = await db.prisma.userSession.count({ where: { userId: first.userId } });

  const refused = await caught(signInWithOidc(db.prisma, withRoles, { sub: id, realm_access: { roles: ["consulta-admin"] } }, context));
  expect(refused).toMatchObject({ code: "FORBIDDEN", messageKey: "sso.errors.refused" });
  expect(await db.prisma.userSession.count({ where: { userId: first.userId } })).toBe(sessionsBefore);
  expect((await db.prisma.user.findUniqueOrThrow({ where: { id: first.userId } })).role).toBe("STAKEHOLDER"); // nothing applied
  expect(await audit(first.userId, "auth.sign-in-failed")).toEqual([expect.objectContaining({ data: expect.objectContaining({ method: "oidc", reason: "disabled" }) })]);

  // A disabled user is not reached by email linking either.
  const disabled = await signedInUser(db.prisma, "STAKEHOLDER");
  await db.prisma.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
  await expect(signInWithOidc(db.prisma, noRoles, { sub: sub(), email: disabled.email, email_verified: true }, context)).rejects.toMatchObject({ messageKey: "sso.errors.refused" });
  expect(await db.prisma.account.count({ where: { userId: disabled.userId } })).toBe(0);

  const erasedId = sub();
  const erased = await signInWithOidc(db.prisma, noRoles, { sub: erasedId }, context);
  await db.prisma.user.update({ where: { id: erased.userId }, data: { erasedAt: new Date() } });
  await expect(signInWithOidc(db.prisma, noRoles, { sub: erasedId }, context)).rejects.toMatchObject({ code: "FORBIDDEN" });
  expect(await audit(erased.userId, "auth.sign-in-failed")).toEqual([expect.objectContaining({ data: expect.objectContaining({ reason: "erased" }) })]);
});

test("claims without sub are refused and audited", async () => {
  const before = await db.prisma.auditEvent.count({ where: { action: "auth.sign-in-failed", entityId: null } });
  await expect(signInWithOidc(db.prisma, noRoles, { email: "x@example.it" }, context)).rejects.toMatchObject({ code: "UNAUTHENTICATED", messageKey: "sso.errors.failed" });
  expect(await db.prisma.auditEvent.count({ where: { action: "auth.sign-in-failed", entityId: null } })).toBe(before + 1);
});

test("OIDC sessions are revocable: sign-out, end all sessions", async () => {
  const id = sub();
  const one = await signInWithOidc(db.prisma, noRoles, { sub: id }, context);
  const two = await signInWithOidc(db.prisma, noRoles, { sub: id }, context);
  const actor = await getSession(db.prisma, one.sessionId);
  await revokeSession(db.prisma, actor, one.sessionId);
  expect(await getSession(db.prisma, one.sessionId)).toBeNull();
  expect(await getSession(db.prisma, two.sessionId)).not.toBeNull();
  await revokeAllSessions(db.prisma, await getSession(db.prisma, two.sessionId), one.userId);
  expect(await getSession(db.prisma, two.sessionId)).toBeNull();
});

test("two first sign-ins of the same person at once make one user", async () => {
  const id = sub();
  const results = await Promise.all([1, 2, 3].map(() => signInWithOidc(db.prisma, noRoles, { sub: id, name: "Twin" }, context)));
  expect(new Set(results.map((result) => result.userId)).size).toBe(1);
  expect(await db.prisma.account.count({ where: { providerAccountId: id } })).toBe(1);
});
