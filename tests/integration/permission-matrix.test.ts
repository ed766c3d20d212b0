/**
 * Every mutation that exists × every role: allowed, or refused with UNAUTHENTICATED / FORBIDDEN.
 * Later issues add their mutations to `mutations`. Each cell gets fresh actors.
 */
import type { PrismaClient } from "@/lib/db/client";
import { changeUserRole, updateOwnProfile } from "@/lib/auth/account";
import { type Actor, revokeAllSessions, revokeSession } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { databaseForThisFile } from "../support/test-database";
import { signedInUser } from "../support/auth-factory";

jest.setTimeout(60_000);
const db = databaseForThisFile();

type ActorName = "anonymous" | "stakeholder" | "other stakeholder" | "facilitator" | "official" | "admin";
type Outcome = "allowed" | "UNAUTHENTICATED" | "FORBIDDEN";
/** The target is always "the stakeholder"'s own account/session. */
type Mutation = (db: PrismaClient, actor: Actor | null, owner: Actor) => Promise<unknown>;

const profile = { displayName: "Nuovo nome", category: "FAMILY", organisation: "", municipality: "Pisa", locale: "en" };

const mutations: Record<string, { run: Mutation; expected: Record<ActorName, Outcome> }> = {
  "update own profile": {
    run: (d, actor) => updateOwnProfile(d, actor, profile),
    expected: { anonymous: "UNAUTHENTICATED", stakeholder: "allowed", "other stakeholder": "allowed", facilitator: "allowed", official: "allowed", admin: "allowed" },
  },
  "sign out (end own current session)": {
    run: (d, actor) => revokeSession(d, actor, actor?.sessionId ?? "00000000-0000-0000-0000-000000000000"),
    expected: { anonymous: "UNAUTHENTICATED", stakeholder: "allowed", "other stakeholder": "allowed", facilitator: "allowed", official: "allowed", admin: "allowed" },
  },
  "end all sessions of the stakeholder": {
    run: (d, actor, owner) => revokeAllSessions(d, actor, owner.userId),
    expected: { anonymous: "UNAUTHENTICATED", stakeholder: "allowed", "other stakeholder": "FORBIDDEN", facilitator: "FORBIDDEN", official: "FORBIDDEN", admin: "allowed" },
  },
  "change the stakeholder's role": {
    run: (d, actor, owner) => changeUserRole(d, actor, owner.userId, "OFFICIAL"),
    expected: { anonymous: "UNAUTHENTICATED", stakeholder: "FORBIDDEN", "other stakeholder": "FORBIDDEN", facilitator: "FORBIDDEN", official: "FORBIDDEN", admin: "allowed" },
  },
};

async function actorFor(name: ActorName, owner: Actor): Promise<Actor | null> {
  switch (name) {
    case "anonymous": return null;
    case "stakeholder": return owner;
    case "other stakeholder": return signedInUser(db.prisma, "STAKEHOLDER");
    case "facilitator": return signedInUser(db.prisma, "FACILITATOR");
    case "official": return signedInUser(db.prisma, "OFFICIAL");
    case "admin": return signedInUser(db.prisma, "ADMIN");
  }
}

const cells = Object.entries(mutations).flatMap(([mutation, { run, expected }]) =>
  (Object.entries(expected) as [ActorName, Outcome][]).map(([actor, outcome]) => ({ mutation, actor, outcome, run })),
);

test.each(cells)("$mutation as $actor: $outcome", async ({ actor, outcome, run }) => {
  const owner = await signedInUser(db.prisma, "STAKEHOLDER");
  const result = await run(db.prisma, await actorFor(actor, owner), owner).then(
    () => "allowed",
    (error: unknown) => {
      if (isAppError(error) && (error.code === "UNAUTHENTICATED" || error.code === "FORBIDDEN")) return error.code;
      throw error;
    },
  );
  expect(result).toBe(outcome);
});

test("profile updates touch only the actor's own profile", async () => {
  const owner = await signedInUser(db.prisma, "STAKEHOLDER");
  const other = await signedInUser(db.prisma, "STAKEHOLDER");
  await updateOwnProfile(db.prisma, other, profile);
  expect((await db.prisma.stakeholderProfile.findUniqueOrThrow({ where: { userId: owner.userId } })).displayName).toBe(owner.displayName);
  expect(await db.prisma.stakeholderProfile.findUniqueOrThrow({ where: { userId: other.userId } })).toMatchObject({ displayName: "Nuovo nome", municipality: "Pisa", organisation: null });
});
