import type { PrismaClient } from "@/lib/db/client";
import type { Role, StakeholderCategory } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { recordAuthEvent } from "./audit";
import { parseInput, profileSchema } from "./auth.schemas";
import { type Actor, requireRole, requireUser } from "./session";

export interface OwnAccount {
  email: string | null;
  role: Role;
  locale: string;
  profile: { displayName: string; category: StakeholderCategory; organisation: string | null; municipality: string | null } | null;
  activeSessions: number;
}

/** The signed-in user's own account, for the account page. */
export async function getOwnAccount(db: PrismaClient, actor: Actor | null): Promise<OwnAccount> {
  const user = requireUser(actor);
  const row = await db.user.findUniqueOrThrow({
    where: { id: user.userId },
    select: {
      email: true,
      role: true,
      locale: true,
      profile: { select: { displayName: true, category: true, organisation: true, municipality: true } },
      _count: { select: { sessions: { where: { revokedAt: null, expiresAt: { gt: new Date() } } } } },
    },
  });
  return { email: row.email, role: row.role, locale: row.locale, profile: row.profile, activeSessions: row._count.sessions };
}

/** Updates the actor's own profile and language (nobody edits someone else's profile). */
export async function updateOwnProfile(db: PrismaClient, actor: Actor | null, input: unknown): Promise<void> {
  const user = requireUser(actor);
  const data = parseInput(profileSchema, input);
  const profile = { displayName: data.displayName, category: data.category, organisation: data.organisation, municipality: data.municipality };
  await db.$transaction([
    db.user.update({ where: { id: user.userId }, data: { locale: data.locale } }),
    db.stakeholderProfile.upsert({ where: { userId: user.userId }, create: { userId: user.userId, ...profile }, update: profile }),
  ]);
}

/** Admin only: changes a user's role; it applies from the user's next request. */
export async function changeUserRole(db: PrismaClient, actor: Actor | null, userId: string, role: Role): Promise<void> {
  const admin = requireRole(actor, "ADMIN");
  if (userId === admin.userId) throw new AppError("FORBIDDEN", "auth.errors.ownRole");
  const before = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!before) throw new AppError("NOT_FOUND", "auth.errors.userNotFound");
  await db.user.update({ where: { id: userId }, data: { role } });
  await recordAuthEvent(db, { actorId: admin.userId, action: "auth.role-changed", userId, data: { from: before.role, to: role } });
}
