/** Users and sessions for auth tests, made through the real services where it matters. */
import type { PrismaClient } from "@/lib/db/client";
import type { Role } from "@/lib/db/generated/enums";
import { hashPassword } from "@/lib/auth/password";
import { type Actor, createSession, getSession } from "@/lib/auth/session";

let counter = 0;

/**
 * A password's hash, computed once per password in this test process: hashing is deliberately slow
 * (~170 ms here) and the permission matrix alone creates hundreds of users. Each hash is a valid one
 * (its own salt), shared only by the users a test gives the same password.
 */
const hashes = new Map<string, Promise<string>>();
export function passwordHashFor(password: string): Promise<string> {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

/** A confirmed user with a profile and a live session; returns the actor as getSession sees it. */
export async function signedInUser(db: PrismaClient, role: Role, password = "Ponte di Mezzo 1944"): Promise<Actor> {
  counter += 1;
  const user = await db.user.create({
    data: {
      email: `${role.toLowerCase()}-${counter}-${Date.now()}@example.it`,
      emailVerified: new Date(),
      passwordHash: await passwordHashFor(password),
      role,
      profile: { create: { displayName: `${role} ${counter}`, category: "CITIZEN" } },
    },
  });
  const { sessionId } = await createSession(db, user.id, { ipAddress: "192.0.2.1", userAgent: "jest" });
  const actor = await getSession(db, sessionId);
  if (!actor) throw new Error("session not created");
  return actor;
}
