/** The admin users services on a real database: list/search/paginate, role change, disable, sessions, last-admin guard. */
import { changeRoleAsAdmin } from "@/lib/accounts/change-role";
import { USERS_PAGE_SIZE } from "@/lib/accounts/accounts.schemas";
import { listUsers } from "@/lib/accounts/list-users";
import { setUserDisabled } from "@/lib/accounts/set-user-disabled";
import { createSession, getSession, revokeAllSessions } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { isAppError } from "@/lib/errors/app-error";
import { databaseForThisFile } from "../support/test-database";
import { signedInUser } from "../support/auth-factory";

jest.setTimeout(120_000);
const db = databaseForThisFile();
const context = { ipAddress: "192.0.2.7", userAgent: "jest" };
const password = "Ponte di Mezzo 1944";

const codeOf = (promise: Promise<unknown>) => promise.then(() => "ok", (error: unknown) => (isAppError(error) ? `${error.code} ${error.messageKey}` : Promise.reject(error)));

test("lists, searches by email and name (case-insensitive) and paginates; the query is validated", async () => {
  const admin = await signedInUser(db.prisma, "ADMIN");
  const marked = await signedInUser(db.prisma, "STAKEHOLDER");
  await db.prisma.stakeholderProfile.update({ where: { userId: marked.userId }, data: { displayName: "Ilaria Zanobini", category: "THIRD_SECTOR" } });
  for (let i = 0; i < USERS_PAGE_SIZE; i++) await db.prisma.user.create({ data: { email: `bulk-${i}@example.it` } });

  const first = await listUsers(db.prisma, admin, {});
  expect(first.users).toHaveLength(USERS_PAGE_SIZE);
  expect(first.total).toBeGreaterThanOrEqual(USERS_PAGE_SIZE + 2);
  expect(first.pageCount).toBe(Math.ceil(first.total / USERS_PAGE_SIZE));
  const second = await listUsers(db.prisma, admin, { pagina: "2" });
  expect(second.page).toBe(2);
  expect(second.users.map((u) => u.id)).not.toContain(first.users[0]!.id);

  const byName = await listUsers(db.prisma, admin, { q: "zanob" });
  expect(byName.users).toEqual([expect.objectContaining({ id: marked.userId, displayName: "Ilaria Zanobini", category: "THIRD_SECTOR", role: "STAKEHOLDER", confirmed: true, status: "active" })]);
  const byEmail = await listUsers(db.prisma, admin, { q: marked.email!.toUpperCase() });
  expect(byEmail.users.map((u) => u.id)).toEqual([marked.userId]);
  const bulk = await listUsers(db.prisma, admin, { q: "bulk-1" });
  expect(bulk.users.every((u) => u.email!.startsWith("bulk-1") && !u.confirmed && u.status === "unconfirmed")).toBe(true);

  await expect(codeOf(listUsers(db.prisma, admin, { pagina: "0" }))).resolves.toMatch(/^VALIDATION/);
  await expect(codeOf(listUsers(db.prisma, admin, { q: "x".repeat(201) }))).resolves.toMatch(/^VALIDATION/);
});

test("a role change is audited and applies on the user's next getSession", async () => {
  const admin = await signedInUser(db.prisma, "ADMIN");
  const user = await signedInUser(db.prisma, "STAKEHOLDER");
  await changeRoleAsAdmin(db.prisma, admin, user.userId, "FACILITATOR");
  expect((await getSession(db.prisma, user.sessionId))?.role).toBe("FACILITATOR");
  const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.role-changed", entityId: user.userId } });
  expect(audit).toMatchObject({ actorId: admin.userId, data: { from: "STAKEHOLDER", to: "FACILITATOR" } });
  await expect(codeOf(changeRoleAsAdmin(db.prisma, admin, admin.userId, "STAKEHOLDER"))).resolves.toBe("FORBIDDEN auth.errors.ownRole");
});

test("disabling ends every session, refuses sign-in, is audited; enabling lets the user back in", async () => {
  const admin = await signedInUser(db.prisma, "ADMIN");
  const user = await signedInUser(db.prisma, "STAKEHOLDER", password);
  const other = await createSession(db.prisma, user.userId, context);
  await setUserDisabled(db.prisma, admin, user.userId, true);
  expect(await getSession(db.prisma, user.sessionId)).toBeNull();
  expect(await getSession(db.prisma, other.sessionId)).toBeNull();
  expect(await db.prisma.userSession.count({ where: { userId: user.userId, revokedAt: null } })).toBe(0);
  await expect(codeOf(signInWithPassword(db.prisma, { email: user.email, password }, context))).resolves.toBe("UNAUTHENTICATED auth.signIn.failed");
  expect(await db.prisma.auditEvent.count({ where: { action: "auth.user-disabled", entityId: user.userId, actorId: admin.userId } })).toBe(1);
  expect((await listUsers(db.prisma, admin, { q: user.email })).users[0]?.status).toBe("disabled");

  await setUserDisabled(db.prisma, admin, user.userId, false);
  expect(await db.prisma.auditEvent.count({ where: { action: "auth.user-enabled", entityId: user.userId } })).toBe(1);
  await expect(signInWithPassword(db.prisma, { email: user.email, password }, context)).resolves.toHaveProperty("sessionId");

  await expect(codeOf(setUserDisabled(db.prisma, admin, admin.userId, true))).resolves.toBe("FORBIDDEN admin.errors.ownAccount");
  await expect(codeOf(setUserDisabled(db.prisma, admin, "00000000-0000-4000-8000-000000000000", true))).resolves.toBe("NOT_FOUND admin.errors.userNotFound");
});

test("an admin ending someone's sessions is audited", async () => {
  const admin = await signedInUser(db.prisma, "ADMIN");
  const user = await signedInUser(db.prisma, "OFFICIAL");
  expect(await revokeAllSessions(db.prisma, admin, user.userId)).toBe(1);
  expect(await getSession(db.prisma, user.sessionId)).toBeNull();
  expect(await db.prisma.auditEvent.count({ where: { action: "auth.sessions-ended", entityId: user.userId, actorId: admin.userId } })).toBe(1);
});

describe("the last active admin", () => {
  beforeEach(async () => {
    // Only the admins of each test count.
    await db.prisma.user.updateMany({ where: { role: "ADMIN" }, data: { role: "STAKEHOLDER" } });
  });

  test("cannot be demoted, even by an admin whose own demotion has just happened (a race)", async () => {
    const a = await signedInUser(db.prisma, "ADMIN");
    const b = await signedInUser(db.prisma, "ADMIN");
    await changeRoleAsAdmin(db.prisma, a, b.userId, "STAKEHOLDER");
    // b's request was authorised before the change landed: the guard still keeps a as admin.
    await expect(codeOf(changeRoleAsAdmin(db.prisma, b, a.userId, "STAKEHOLDER"))).resolves.toBe("CONFLICT admin.errors.lastAdmin");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: a.userId } })).role).toBe("ADMIN");
  });

  test("cannot be disabled, and two admins disabling each other at once leave one", async () => {
    const a = await signedInUser(db.prisma, "ADMIN");
    const b = await signedInUser(db.prisma, "ADMIN");
    const results = await Promise.all([codeOf(setUserDisabled(db.prisma, a, b.userId, true)), codeOf(setUserDisabled(db.prisma, b, a.userId, true))]);
    expect(results.sort()).toEqual(["CONFLICT admin.errors.lastAdmin", "ok"]);
    expect(await db.prisma.user.count({ where: { role: "ADMIN", disabledAt: null } })).toBe(1);
  });
});
