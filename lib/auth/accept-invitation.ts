import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { assertNotLastActiveAdmin, lockAdminChanges } from "@/lib/accounts/admin-guard";
import { AppError } from "@/lib/errors/app-error";
import { acceptInvitationSchema, confirmTokenSchema, parseInput } from "./auth.schemas";
import { hashPassword } from "./password";
import { type Actor, type SessionContext, createSession } from "./session";
import { hashToken } from "./tokens";

/**
 * Accepting a staff invitation (lib/accounts/invite-staff.ts). The mailed link proves the address:
 * - no account for it yet → a confirmed account with the invited role, signed in;
 * - an account exists → the invited role is set on it, but only for its owner signed in as that
 *   account. Asking for that account's password instead would turn this page into a password-guessing
 *   form outside the sign-in rate limits, and would shut out accounts that have no password (sign-in
 *   links, SSO); a session is proof the account holder is present, whatever way they signed in.
 * Every unusable token (unknown, used, revoked, expired) is the same "invalid" error.
 */
const invalid = () => new AppError("VALIDATION", "invitations.invalid");

export interface InvitationView {
  email: string;
  role: Role;
  invitedBy: string | null;
  expiresAt: Date;
  /** "new": create an account; "signed-in": the owner may accept; "sign-in-first" / "other-account": they must sign in as the invited address. */
  mode: "new" | "signed-in" | "sign-in-first" | "other-account";
}

async function usableInvitation(db: PrismaClient, token: unknown) {
  const parsed = confirmTokenSchema.safeParse(token);
  if (!parsed.success) throw invalid();
  const row = await db.invitation.findUnique({
    where: { tokenHash: hashToken(parsed.data) },
    select: {
      id: true, email: true, role: true, expiresAt: true, acceptedAt: true, revokedAt: true, tokenHash: true,
      invitedBy: { select: { email: true, name: true, profile: { select: { displayName: true } } } },
    },
  });
  if (!row || row.acceptedAt || row.revokedAt || row.expiresAt <= new Date()) throw invalid();
  return row;
}

async function modeFor(db: PrismaClient, actor: Actor | null, email: string): Promise<InvitationView["mode"]> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) return "new";
  if (!actor) return "sign-in-first";
  return actor.userId === user.id ? "signed-in" : "other-account";
}

/** What the accept page shows about a still usable invitation (it does not consume it). */
export async function describeInvitation(db: PrismaClient, actor: Actor | null, token: unknown): Promise<InvitationView> {
  const row = await usableInvitation(db, token);
  const inviter = row.invitedBy ? (row.invitedBy.profile?.displayName ?? row.invitedBy.name ?? row.invitedBy.email) : null;
  return { email: row.email, role: row.role, invitedBy: inviter, expiresAt: row.expiresAt, mode: await modeFor(db, actor, row.email) };
}

export interface AcceptedInvitation {
  userId: string;
  role: Role;
  /** A new session to set as the cookie; null when the invitee was already signed in. */
  session: { sessionId: string; expiresAt: Date } | null;
}

/** Consumes the invitation (single use, race-safe) and creates or promotes the account. */
export async function acceptInvitation(db: PrismaClient, actor: Actor | null, input: { token: unknown; fields?: unknown }, context: SessionContext): Promise<AcceptedInvitation> {
  const invitation = await usableInvitation(db, input.token);
  const mode = await modeFor(db, actor, invitation.email);
  if (mode === "sign-in-first") throw new AppError("UNAUTHENTICATED", "invitations.errors.signInFirst");
  if (mode === "other-account") throw new AppError("FORBIDDEN", "invitations.errors.otherAccount");
  const now = new Date();
  // The update decides: of two concurrent uses, only one sees a row still open.
  const consume = (tx: Prisma.TransactionClient, userId: string) =>
    tx.invitation
      .updateMany({ where: { id: invitation.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { acceptedAt: now, acceptedById: userId } })
      .then(({ count }) => { if (count !== 1) throw invalid(); });

  if (mode === "signed-in") {
    const owner = actor!;
    await db.$transaction(async (tx) => {
      await lockAdminChanges(tx);
      const before = await tx.user.findUniqueOrThrow({ where: { id: owner.userId }, select: { role: true, emailVerified: true } });
      if (invitation.role !== "ADMIN") await assertNotLastActiveAdmin(tx, owner.userId);
      await consume(tx, owner.userId);
      await tx.user.update({ where: { id: owner.userId }, data: { role: invitation.role, ...(before.emailVerified ? {} : { emailVerified: now }) } });
      await tx.auditEvent.create({ data: { actorId: owner.userId, action: "invitation.accepted", entityType: "Invitation", entityId: invitation.id, data: { userId: owner.userId, role: invitation.role, newAccount: false } } });
      if (before.role !== invitation.role) {
        await tx.auditEvent.create({ data: { actorId: owner.userId, action: "auth.role-changed", entityType: "User", entityId: owner.userId, data: { from: before.role, to: invitation.role, invitationId: invitation.id } } });
      }
    });
    return { userId: owner.userId, role: invitation.role, session: null };
  }

  const data = parseInput(acceptInvitationSchema(invitation.email), input.fields);
  const passwordHash = await hashPassword(data.password);
  let userId: string;
  try {
    userId = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: {
          email: invitation.email, emailVerified: now, passwordHash, role: invitation.role, locale: data.locale, lastSignInAt: now,
          profile: { create: { displayName: data.displayName, category: data.category, organisation: data.organisation, municipality: data.municipality } },
        },
        select: { id: true },
      });
      await consume(tx, user.id);
      await tx.auditEvent.create({ data: { actorId: user.id, action: "invitation.accepted", entityType: "Invitation", entityId: invitation.id, data: { userId: user.id, role: invitation.role, newAccount: true } } });
      await tx.auditEvent.create({ data: { actorId: user.id, action: "auth.sign-up", entityType: "User", entityId: user.id, data: { invitationId: invitation.id } } });
      return user.id;
    });
  } catch (error) {
    // The address got an account meanwhile (a sign-up, or the same link twice at once).
    if ((error as { code?: string }).code === "P2002") throw invalid();
    throw error;
  }
  const session = await createSession(db, userId, context, now);
  await db.auditEvent.create({ data: { actorId: userId, action: "auth.sign-in", entityType: "User", entityId: userId, data: { method: "invitation", ipAddress: context.ipAddress } } });
  return { userId, role: invitation.role, session };
}
