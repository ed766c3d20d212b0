import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { confirmTokenSchema, newPasswordSchema, parseInput } from "./auth.schemas";
import { hashPassword } from "./password";
import { passwordResetPrefix } from "./request-password-reset";
import { hashToken } from "./tokens";

const invalid = () => new AppError("VALIDATION", "passwordReset.invalid");

async function openToken(db: PrismaClient, token: unknown): Promise<{ tokenHash: string; email: string }> {
  const parsed = confirmTokenSchema.safeParse(token);
  if (!parsed.success) throw invalid();
  const tokenHash = hashToken(parsed.data);
  const row = await db.verificationToken.findUnique({ where: { tokenHash } });
  if (!row || !row.identifier.startsWith(passwordResetPrefix) || row.expires <= new Date()) throw invalid();
  return { tokenHash, email: row.identifier.slice(passwordResetPrefix.length) };
}

/** Whether the new-password page should show its form (the token is not consumed). */
export async function passwordResetTokenIsUsable(db: PrismaClient, token: unknown): Promise<boolean> {
  return openToken(db, token).then(() => true, (error: unknown) => {
    if (error instanceof AppError) return false;
    throw error;
  });
}

/**
 * Sets a new password with a mailed reset link (single use, 30 minutes). The link proves the address,
 * so an unconfirmed one becomes confirmed. Every session of the user ends (whoever knew the old
 * password is signed out), and the other reset links of the address stop working. Audited.
 */
export async function resetPassword(db: PrismaClient, input: { token: unknown; password: unknown }): Promise<{ email: string }> {
  const { tokenHash, email } = await openToken(db, input.token);
  // Checked before consuming the token: a refused password leaves the link usable.
  const { password } = parseInput(newPasswordSchema(email), { password: input.password });
  const passwordHash = await hashPassword(password);
  await db.$transaction(async (tx) => {
    // Deleting decides: of two concurrent uses, only one deletes the row.
    const { count } = await tx.verificationToken.deleteMany({ where: { tokenHash, identifier: passwordResetPrefix + email, expires: { gt: new Date() } } });
    if (count !== 1) throw invalid();
    const user = await tx.user.findUnique({ where: { email }, select: { id: true, emailVerified: true, disabledAt: true, erasedAt: true } });
    if (!user || user.disabledAt || user.erasedAt) throw invalid();
    const now = new Date();
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, ...(user.emailVerified ? {} : { emailVerified: now }) } });
    const ended = await tx.userSession.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.verificationToken.deleteMany({ where: { identifier: passwordResetPrefix + email } });
    await tx.auditEvent.create({ data: { actorId: user.id, action: "auth.password-reset", entityType: "User", entityId: user.id, data: { sessionsEnded: ended.count } } });
  });
  return { email };
}
