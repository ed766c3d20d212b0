/**
 * Staff invitations against a real PostgreSQL: invite → mail in the outbox with the link → accept
 * (new account with the role and a session; or the existing account promoted when its owner is
 * signed in), single use, expiry, revocation, re-invite replacing the pending one, audit rows.
 */
import { inviteStaff } from "@/lib/accounts/invite-staff";
import { listInvitations } from "@/lib/accounts/list-invitations";
import { revokeInvitation } from "@/lib/accounts/revoke-invitation";
import { acceptInvitation, describeInvitation } from "@/lib/auth/accept-invitation";
import { verifyPassword } from "@/lib/auth/password";
import { type Actor, getSession } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { AppError } from "@/lib/errors/app-error";
import { databaseForThisFile } from "../support/test-database";
import { signedInUser } from "../support/auth-factory";

jest.setTimeout(60_000);
const db = databaseForThisFile();
const context = { invitationUrl: (token: string, locale: string) => `http://test${locale === "en" ? "/en" : ""}/invito?token=${token}` };
const browser = { ipAddress: "192.0.2.10", userAgent: "jest" };
const password = "Lungarno Pacinotti 43";
const profile = { displayName: "Chiara Facilitatrice", category: "PUBLIC_BODY", organisation: "Comune di Pisa", municipality: "Pisa", locale: "it" };

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function invitationMail(email: string) {
  const mails = await db.prisma.emailOutbox.findMany({ where: { to: email, template: "staff-invitation" }, orderBy: { createdAt: "desc" } });
  const match = /\/invito\?token=([A-Za-z0-9_-]{43})/.exec(mails[0]?.text ?? "");
  if (!match) throw new Error(`no invitation link for ${email}`);
  return { token: match[1]!, mail: mails[0]!, count: mails.length };
}

let admin: Actor;
beforeAll(async () => {
  admin = await signedInUser(db.prisma, "ADMIN");
});

test("invite → mailed link → accept creates a confirmed account with the role, signed in; the link is single use", async () => {
  const { id } = await inviteStaff(db.prisma, admin, { email: " Chiara@Example.it ", role: "FACILITATOR" }, context);
  const { token, mail } = await invitationMail("chiara@example.it");
  expect(mail.subject).toContain("facilitatore");
  expect(mail.text).toContain(admin.displayName!);

  expect(await describeInvitation(db.prisma, null, token)).toMatchObject({ email: "chiara@example.it", role: "FACILITATOR", invitedBy: admin.displayName, mode: "new" });
  // A refused password leaves the invitation usable.
  const weak = await caught(acceptInvitation(db.prisma, null, { token, fields: { ...profile, password: "password12" } }, browser));
  expect(weak.details).toEqual({ password: "auth.password.common" });
  expect(await db.prisma.user.count({ where: { email: "chiara@example.it" } })).toBe(0);

  const accepted = await acceptInvitation(db.prisma, null, { token, fields: { ...profile, password } }, browser);
  expect(accepted.role).toBe("FACILITATOR");
  expect(accepted.session).not.toBeNull();
  expect(await getSession(db.prisma, accepted.session!.sessionId)).toMatchObject({ userId: accepted.userId, role: "FACILITATOR", displayName: "Chiara Facilitatrice" });
  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: accepted.userId }, include: { profile: true } });
  expect(user.emailVerified).not.toBeNull();
  expect(user.profile).toMatchObject({ category: "PUBLIC_BODY", organisation: "Comune di Pisa" });
  expect(await verifyPassword(password, user.passwordHash!)).toBe(true);
  await signInWithPassword(db.prisma, { email: "chiara@example.it", password }, browser);

  const again = await caught(acceptInvitation(db.prisma, null, { token, fields: { ...profile, password } }, browser));
  expect(again.messageKey).toBe("invitations.invalid");
  expect((await caught(describeInvitation(db.prisma, null, token))).messageKey).toBe("invitations.invalid");
  expect(await db.prisma.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ acceptedById: accepted.userId, revokedAt: null });

  const created = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "invitation.created", entityId: id } });
  expect(created).toMatchObject({ actorId: admin.userId, data: { email: "chiara@example.it", role: "FACILITATOR" } });
  const acceptedEvent = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "invitation.accepted", entityId: id } });
  expect(acceptedEvent).toMatchObject({ actorId: accepted.userId, data: { newAccount: true, role: "FACILITATOR" } });
});

test("two concurrent acceptances of one link: exactly one account, one success", async () => {
  await inviteStaff(db.prisma, admin, { email: "doppio@example.it", role: "OFFICIAL" }, context);
  const { token } = await invitationMail("doppio@example.it");
  const results = await Promise.allSettled([1, 2].map(() => acceptInvitation(db.prisma, null, { token, fields: { ...profile, password } }, browser)));
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  const rejected = results.find((result) => result.status === "rejected") as PromiseRejectedResult;
  expect(rejected.reason).toMatchObject({ messageKey: "invitations.invalid" });
  expect(await db.prisma.user.count({ where: { email: "doppio@example.it" } })).toBe(1);
});

test("expired, revoked and unknown invitations are refused alike", async () => {
  const expired = await inviteStaff(db.prisma, admin, { email: "scaduto@example.it", role: "OFFICIAL" }, context);
  const { token: expiredToken } = await invitationMail("scaduto@example.it");
  await db.prisma.invitation.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  expect((await caught(acceptInvitation(db.prisma, null, { token: expiredToken, fields: { ...profile, password } }, browser))).messageKey).toBe("invitations.invalid");

  const revoked = await inviteStaff(db.prisma, admin, { email: "revocato@example.it", role: "ADMIN" }, context);
  const { token: revokedToken } = await invitationMail("revocato@example.it");
  await revokeInvitation(db.prisma, admin, { invitationId: revoked.id });
  expect((await caught(acceptInvitation(db.prisma, null, { token: revokedToken, fields: { ...profile, password } }, browser))).messageKey).toBe("invitations.invalid");
  expect((await caught(revokeInvitation(db.prisma, admin, { invitationId: revoked.id }))).code).toBe("CONFLICT");
  expect(await db.prisma.auditEvent.count({ where: { action: "invitation.revoked", entityId: revoked.id } })).toBe(1);

  expect((await caught(acceptInvitation(db.prisma, null, { token: "A".repeat(43), fields: { ...profile, password } }, browser))).messageKey).toBe("invitations.invalid");
  expect((await caught(describeInvitation(db.prisma, null, "not-a-token"))).messageKey).toBe("invitations.invalid");
  expect(await db.prisma.user.count({ where: { email: { in: ["scaduto@example.it", "revocato@example.it"] } } })).toBe(0);
});

test("re-inviting an address revokes its pending invitation: only the newest link works", async () => {
  const first = await inviteStaff(db.prisma, admin, { email: "due-volte@example.it", role: "FACILITATOR" }, context);
  const { token: firstToken } = await invitationMail("due-volte@example.it");
  const second = await inviteStaff(db.prisma, admin, { email: "due-volte@example.it", role: "OFFICIAL" }, context);
  expect(second.replaced).toBe(1);
  const { token: secondToken, count } = await invitationMail("due-volte@example.it");
  expect(count).toBe(2);
  expect(secondToken).not.toBe(firstToken);
  expect((await db.prisma.invitation.findUniqueOrThrow({ where: { id: first.id } })).revokedAt).not.toBeNull();
  expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "invitation.revoked", entityId: first.id } })).toMatchObject({ data: { reason: "replaced" } });

  expect((await caught(acceptInvitation(db.prisma, null, { token: firstToken, fields: { ...profile, password } }, browser))).messageKey).toBe("invitations.invalid");
  const accepted = await acceptInvitation(db.prisma, null, { token: secondToken, fields: { ...profile, password } }, browser);
  expect(accepted.role).toBe("OFFICIAL");

  const page = await listInvitations(db.prisma, admin, {});
  const statuses = page.invitations.filter((row) => row.email === "due-volte@example.it").map((row) => [row.id, row.status]);
  expect(statuses).toEqual([[second.id, "accepted"], [first.id, "revoked"]]);
});

test("an existing account is promoted only when its owner is signed in as that account", async () => {
  const owner = await signedInUser(db.prisma, "STAKEHOLDER");
  const stranger = await signedInUser(db.prisma, "STAKEHOLDER");
  const { id } = await inviteStaff(db.prisma, admin, { email: owner.email, role: "OFFICIAL" }, context);
  const { token } = await invitationMail(owner.email!);

  expect((await describeInvitation(db.prisma, null, token)).mode).toBe("sign-in-first");
  expect((await describeInvitation(db.prisma, stranger, token)).mode).toBe("other-account");
  expect((await describeInvitation(db.prisma, owner, token)).mode).toBe("signed-in");
  // Knowing the link is not enough to take over the account: no password set, no role given.
  expect((await caught(acceptInvitation(db.prisma, null, { token, fields: { ...profile, password } }, browser))).code).toBe("UNAUTHENTICATED");
  expect((await caught(acceptInvitation(db.prisma, stranger, { token }, browser))).code).toBe("FORBIDDEN");
  expect((await db.prisma.user.findUniqueOrThrow({ where: { id: owner.userId } })).role).toBe("STAKEHOLDER");
  expect((await db.prisma.user.findUniqueOrThrow({ where: { id: stranger.userId } })).role).toBe("STAKEHOLDER");

  const accepted = await acceptInvitation(db.prisma, owner, { token }, browser);
  expect(accepted).toEqual({ userId: owner.userId, role: "OFFICIAL", session: null });
  // The role applies on the very next request of the existing session.
  expect(await getSession(db.prisma, owner.sessionId)).toMatchObject({ role: "OFFICIAL" });
  expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.role-changed", entityId: owner.userId } })).toMatchObject({ data: { from: "STAKEHOLDER", to: "OFFICIAL", invitationId: id } });
  expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "invitation.accepted", entityId: id } })).toMatchObject({ actorId: owner.userId, data: { newAccount: false } });
  expect((await caught(acceptInvitation(db.prisma, owner, { token }, browser))).messageKey).toBe("invitations.invalid");
});

test("the last active admin cannot demote themselves by accepting a lower invitation", async () => {
  // This file's other admin exists: disable it so `lonely` is the only active one.
  const lonely = await signedInUser(db.prisma, "ADMIN");
  await db.prisma.user.updateMany({ where: { role: "ADMIN", id: { not: lonely.userId } }, data: { disabledAt: new Date() } });
  try {
    await inviteStaff(db.prisma, lonely, { email: lonely.email, role: "FACILITATOR" }, context);
    const { token } = await invitationMail(lonely.email!);
    expect((await caught(acceptInvitation(db.prisma, lonely, { token }, browser))).code).toBe("CONFLICT");
    expect((await db.prisma.user.findUniqueOrThrow({ where: { id: lonely.userId } })).role).toBe("ADMIN");
    // Refused before consuming: still pending.
    expect((await describeInvitation(db.prisma, lonely, token)).mode).toBe("signed-in");
  } finally {
    await db.prisma.user.updateMany({ where: { role: "ADMIN" }, data: { disabledAt: null } });
  }
});

test("validation and the per-admin rate limit", async () => {
  expect((await caught(inviteStaff(db.prisma, admin, { email: "x@example.it", role: "STAKEHOLDER" }, context))).details).toEqual({ role: "invitations.fields.roleRequired" });
  expect((await caught(inviteStaff(db.prisma, admin, { email: "not an address", role: "ADMIN" }, context))).details).toEqual({ email: "auth.fields.emailInvalid" });
  const busy = await signedInUser(db.prisma, "ADMIN");
  for (let i = 0; i < 30; i += 1) await inviteStaff(db.prisma, busy, { email: `massa-${i}@example.it`, role: "FACILITATOR" }, context);
  expect((await caught(inviteStaff(db.prisma, busy, { email: "massa-30@example.it", role: "FACILITATOR" }, context))).code).toBe("RATE_LIMITED");
  expect(await db.prisma.emailOutbox.count({ where: { to: "massa-30@example.it" } })).toBe(0);
  // Another admin is not affected.
  await inviteStaff(db.prisma, admin, { email: "massa-30@example.it", role: "FACILITATOR" }, context);
});
