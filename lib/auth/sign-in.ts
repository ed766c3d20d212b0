import type { PrismaClient } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { rateLimitPolicies } from "@/lib/security/rate-limit-policies";
import { recordAuthEvent } from "./audit";
import { parseInput, signInSchema } from "./auth.schemas";
import { dummyPasswordHash, verifyPassword } from "./password";
import { type SessionContext, createSession } from "./session";

export interface SignInContext extends SessionContext {
  ipAddress: string;
}

/**
 * Password sign-in. Unknown address, wrong password, disabled or erased account: one identical
 * refusal, after the same amount of work (a dummy hash is verified when there is no user). Only
 * someone who knows the password learns that the address is not confirmed yet.
 */
export async function signInWithPassword(db: PrismaClient, input: unknown, context: SignInContext): Promise<{ userId: string; sessionId: string; expiresAt: Date }> {
  const { email, password } = parseInput(signInSchema, input);
  await consumeRateLimit(db, rateLimitPolicies.signInPerIp, context.ipAddress);
  await consumeRateLimit(db, rateLimitPolicies.signInPerAccount, email);

  const user = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true, emailVerified: true, disabledAt: true, erasedAt: true } });
  const matches = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !user.passwordHash || !matches || user.disabledAt || user.erasedAt) {
    await recordAuthEvent(db, { actorId: null, action: "auth.sign-in-failed", userId: user?.id ?? null, data: { ipAddress: context.ipAddress, reason: user ? "credentials" : "unknown-email" } });
    throw new AppError("UNAUTHENTICATED", "auth.signIn.failed");
  }
  if (!user.emailVerified) {
    await recordAuthEvent(db, { actorId: null, action: "auth.sign-in-failed", userId: user.id, data: { ipAddress: context.ipAddress, reason: "unconfirmed" } });
    throw new AppError("UNAUTHENTICATED", "auth.signIn.unconfirmed");
  }

  const session = await createSession(db, user.id, context);
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  await recordAuthEvent(db, { actorId: user.id, action: "auth.sign-in", userId: user.id, data: { method: "password", ipAddress: context.ipAddress } });
  return { userId: user.id, ...session };
}
