/**
 * Password reset against a real PostgreSQL: identical answers for known and unknown addresses, a
 * mail only for accounts that can sign in, single use, 30-minute expiry, every session revoked,
 * the password rules, audit, rate limits.
 */
import { verifyPassword } from "@/lib/auth/password";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { passwordResetTokenIsUsable, resetPassword } from "@/lib/auth/reset-password";
import { getSession } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { newToken } from "@/lib/auth/tokens";
import { AppError } from "@/lib/errors/app-error";
import { databaseForThisFile } from "../support/test-database";
import { signedInUser } from "../support/auth-factory";

jest.setTimeout(60_000);
const db = databaseForThisFile();
const context = (ip: string) => ({ ipAddress: ip, resetUrl: (token: string, locale: string) => `http://test${locale === "en" ? "/en" : ""}/accedi/nuova-password?token=${token}` });
const newPassword = "Torre pendente 1173";

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

async function resetToken(email: string): Promise<string> {
  const mail = await db.prisma.emailOutbox.findFirstOrThrow({ where: { to: email, template: "password-reset" }, orderBy: { createdAt: "desc" } });
  const match = /nuova-password\?token=([A-Za-z0-9_-]{43})/.exec(mail.text);
  if (!match) throw new Error(`no link in: ${mail.text}`);
  return match[1]!;
}

test("known and unknown addresses get the same answer; only accounts that can sign in get a mail", async () => {
  const known = await signedInUser(db.prisma, "STAKEHOLDER");
  const disabled = await signedInUser(db.prisma, "STAKEHOLDER");
  await db.prisma.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });

  expect(await requestPasswordReset(db.prisma, { email: known.email!.toUpperCase() }, context("198.51.100.20"))).toEqual({ email: known.email });
  expect(await requestPasswordReset(db.prisma, { email: "nessuno@example.it" }, context("198.51.100.20"))).toEqual({ email: "nessuno@example.it" });
  expect(await requestPasswordReset(db.prisma, { email: disabled.email }, context("198.51.100.20"))).toEqual({ email: disabled.email });

  expect(await db.prisma.emailOutbox.count({ where: { to: known.email!, template: "password-reset" } })).toBe(1);
  expect(await db.prisma.emailOutbox.count({ where: { to: { in: ["nessuno@example.it", disabled.email!] } } })).toBe(0);
  expect(await db.prisma.verificationToken.count({ where: { identifier: { in: ["password-reset:nessuno@example.it", `password-reset:${disabled.email}`] } } })).toBe(0);
  expect((await caught(requestPasswordReset(db.prisma, { email: "nope" }, context("198.51.100.20")))).details).toEqual({ email: "auth.fields.emailInvalid" });
});

test("the link sets the password, confirms the address, ends every session, once", async () => {
  const user = await signedInUser(db.prisma, "STAKEHOLDER");
  const otherSession = await signInWithPassword(db.prisma, { email: user.email, password: "Ponte di Mezzo 1944" }, { ipAddress: "198.51.100.21", userAgent: "other" });
  await db.prisma.user.update({ where: { id: user.userId }, data: { emailVerified: null } });
  await requestPasswordReset(db.prisma, { email: user.email }, context("198.51.100.21"));
  const token = await resetToken(user.email!);
  expect(await passwordResetTokenIsUsable(db.prisma, token)).toBe(true);

  // The rules apply (and a refused password leaves the link usable).
  const refused = await caught(resetPassword(db.prisma, { token, password: "short" }));
  expect(refused.details).toEqual({ password: "auth.password.tooShort" });
  const sameAsEmail = await caught(resetPassword(db.prisma, { token, password: user.email!.split("@")[0] }));
  expect(sameAsEmail.details).toMatchObject({ password: expect.stringMatching(/^auth\.password\./) });
  expect(await passwordResetTokenIsUsable(db.prisma, token)).toBe(true);

  expect(await resetPassword(db.prisma, { token, password: newPassword })).toEqual({ email: user.email });
  const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.userId } });
  expect(await verifyPassword(newPassword, row.passwordHash!)).toBe(true);
  expect(row.emailVerified).not.toBeNull();
  expect(await getSession(db.prisma, user.sessionId)).toBeNull();
  expect(await getSession(db.prisma, otherSession.sessionId)).toBeNull();
  expect(await db.prisma.userSession.count({ where: { userId: user.userId, revokedAt: null } })).toBe(0);
  expect(await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "auth.password-reset", entityId: user.userId } })).toMatchObject({ actorId: user.userId, data: { sessionsEnded: 2 } });

  expect((await caught(resetPassword(db.prisma, { token, password: "Un'altra password 2" }))).messageKey).toBe("passwordReset.invalid");
  expect(await passwordResetTokenIsUsable(db.prisma, token)).toBe(false);
  expect((await caught(signInWithPassword(db.prisma, { email: user.email, password: "Ponte di Mezzo 1944" }, { ipAddress: "198.51.100.21", userAgent: null }))).messageKey).toBe("auth.signIn.failed");
  await signInWithPassword(db.prisma, { email: user.email, password: newPassword }, { ipAddress: "198.51.100.21", userAgent: null });
});

test("expired, unknown and malformed links are refused; a reset voids the address's other links", async () => {
  const user = await signedInUser(db.prisma, "STAKEHOLDER");
  await requestPasswordReset(db.prisma, { email: user.email }, context("198.51.100.22"));
  const expired = await resetToken(user.email!);
  await db.prisma.verificationToken.updateMany({ where: { identifier: `password-reset:${user.email}` }, data: { expires: new Date(Date.now() - 1000) } });
  expect((await caught(resetPassword(db.prisma, { token: expired, password: newPassword }))).messageKey).toBe("passwordReset.invalid");
  expect(await passwordResetTokenIsUsable(db.prisma, expired)).toBe(false);
  expect((await caught(resetPassword(db.prisma, { token: "B".repeat(43), password: newPassword }))).messageKey).toBe("passwordReset.invalid");
  expect((await caught(resetPassword(db.prisma, { token: "../etc", password: newPassword }))).messageKey).toBe("passwordReset.invalid");

  await requestPasswordReset(db.prisma, { email: user.email }, context("198.51.100.22"));
  const first = await resetToken(user.email!);
  await requestPasswordReset(db.prisma, { email: user.email }, context("198.51.100.22"));
  const second = await resetToken(user.email!);
  expect(second).not.toBe(first);
  await resetPassword(db.prisma, { token: second, password: newPassword });
  expect((await caught(resetPassword(db.prisma, { token: first, password: "Ancora un'altra 3" }))).messageKey).toBe("passwordReset.invalid");
  const row = await db.prisma.user.findUniqueOrThrow({ where: { id: user.userId } });
  expect(await verifyPassword(newPassword, row.passwordHash!)).toBe(true);

  // A sign-in link or a confirmation token is not a reset token.
  const link = newToken();
  await db.prisma.verificationToken.create({ data: { identifier: `sign-in-link:${user.email}`, tokenHash: link.tokenHash, expires: new Date(Date.now() + 60_000) } });
  expect((await caught(resetPassword(db.prisma, { token: link.token, password: "Ancora un'altra 4" }))).messageKey).toBe("passwordReset.invalid");
  expect(await db.prisma.verificationToken.count({ where: { tokenHash: link.tokenHash } })).toBe(1);
});

test("concurrent uses of one link: one succeeds", async () => {
  const user = await signedInUser(db.prisma, "STAKEHOLDER");
  await requestPasswordReset(db.prisma, { email: user.email }, context("198.51.100.23"));
  const token = await resetToken(user.email!);
  const results = await Promise.allSettled(["Prima password 111", "Seconda password 222"].map((password) => resetPassword(db.prisma, { token, password })));
  expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
  expect(await db.prisma.auditEvent.count({ where: { action: "auth.password-reset", entityId: user.userId } })).toBe(1);
});

test("rate limits: per address, and per IP, answering RATE_LIMITED without mailing", async () => {
  const user = await signedInUser(db.prisma, "STAKEHOLDER");
  for (let i = 0; i < 5; i += 1) await requestPasswordReset(db.prisma, { email: user.email }, context(`198.51.100.${30 + i}`));
  const limited = await caught(requestPasswordReset(db.prisma, { email: user.email }, context("198.51.100.40")));
  expect(limited.code).toBe("RATE_LIMITED");
  expect(await db.prisma.emailOutbox.count({ where: { to: user.email!, template: "password-reset" } })).toBe(5);
  // The same limit for an unknown address: the limit itself does not tell them apart.
  for (let i = 0; i < 5; i += 1) await requestPasswordReset(db.prisma, { email: "fantasma@example.it" }, context(`198.51.100.${50 + i}`));
  expect((await caught(requestPasswordReset(db.prisma, { email: "fantasma@example.it" }, context("198.51.100.60")))).code).toBe("RATE_LIMITED");

  for (let i = 0; i < 30; i += 1) await requestPasswordReset(db.prisma, { email: `ip-${i}@example.it` }, context("203.0.113.77"));
  expect((await caught(requestPasswordReset(db.prisma, { email: "ip-30@example.it" }, context("203.0.113.77")))).code).toBe("RATE_LIMITED");
});
