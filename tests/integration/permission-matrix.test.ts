/**
 * Every mutation that exists × every role: allowed, or refused with UNAUTHENTICATED / FORBIDDEN.
 * Each module lists its mutations in tests/support/permissions/<module>.ts. Each cell gets fresh actors.
 */
import { changeUserRole, updateOwnProfile } from "@/lib/auth/account";
import { type Actor, revokeAllSessions, revokeSession } from "@/lib/auth/session";
import { isAppError } from "@/lib/errors/app-error";
import { changeRoleAsAdmin } from "@/lib/accounts/change-role";
import { listUsers } from "@/lib/accounts/list-users";
import { setUserDisabled } from "@/lib/accounts/set-user-disabled";
import { inviteStaff } from "@/lib/accounts/invite-staff";
import { listInvitations } from "@/lib/accounts/list-invitations";
import { revokeInvitation } from "@/lib/accounts/revoke-invitation";
import { eraseOwnAccount } from "@/lib/privacy/erase-own-account";
import { exportOwnData } from "@/lib/privacy/export-own-data";
import { databaseForThisFile } from "../support/test-database";
import { type ActorName, type MutationTable, type Outcome, adminOnly, anySignedIn } from "../support/permissions/matrix";
import { liveMutations } from "../support/permissions/live";
import { moderationMutations } from "../support/permissions/moderation";
import { participationMutations } from "../support/permissions/participation";
import { proposalsMutations } from "../support/permissions/proposals";
import { roundsMutations } from "../support/permissions/rounds";
import { synthesisMutations } from "../support/permissions/synthesis";
import { triageMutations } from "../support/permissions/triage";
import { decisionsMutations } from "../support/permissions/decisions";
import { accountabilityMutations } from "../support/permissions/accountability";
import { signedInUser } from "../support/auth-factory";
import { liveGuest } from "../support/live-factory";

jest.setTimeout(60_000);
const db = databaseForThisFile();

const profile = { displayName: "Nuovo nome", category: "FAMILY", organisation: "", municipality: "Pisa", locale: "en" };

const accountMutations: MutationTable = {
  "update own profile": {
    run: (d, actor) => updateOwnProfile(d, actor, profile),
    expected: anySignedIn,
  },
  "sign out (end own current session)": {
    run: (d, actor) => revokeSession(d, actor, actor?.sessionId ?? "00000000-0000-0000-0000-000000000000"),
    expected: anySignedIn,
  },
  "end all sessions of the stakeholder": {
    run: (d, actor, owner) => revokeAllSessions(d, actor, owner.userId),
    expected: { anonymous: "UNAUTHENTICATED", stakeholder: "allowed", "other stakeholder": "FORBIDDEN", facilitator: "FORBIDDEN", official: "FORBIDDEN", admin: "allowed" },
  },
  "change the stakeholder's role": {
    run: (d, actor, owner) => changeUserRole(d, actor, owner.userId, "OFFICIAL"),
    expected: { anonymous: "UNAUTHENTICATED", stakeholder: "FORBIDDEN", "other stakeholder": "FORBIDDEN", facilitator: "FORBIDDEN", official: "FORBIDDEN", admin: "allowed" },
  },
  // Export and erasure take no user to act on: each actor can only reach their own account.
  "export own data": {
    run: (d, actor) => exportOwnData(d, actor),
    expected: anySignedIn,
  },
  "erase own account": {
    run: async (d, actor) => {
      // Another admin exists, so the last-admin guard (privacy.test.ts) is not what is tested here.
      if (actor?.role === "ADMIN") await signedInUser(d, "ADMIN");
      return eraseOwnAccount(d, actor, { confirmation: actor?.email ?? "" });
    },
    expected: anySignedIn,
  },
  "list users (admin page)": {
    run: (d, actor) => listUsers(d, actor, {}),
    expected: adminOnly,
  },
  "change the stakeholder's role (admin page, with the last-admin guard)": {
    run: (d, actor, owner) => changeRoleAsAdmin(d, actor, owner.userId, "FACILITATOR"),
    expected: adminOnly,
  },
  "disable the stakeholder's account": {
    run: (d, actor, owner) => setUserDisabled(d, actor, owner.userId, true),
    expected: adminOnly,
  },
  "enable the stakeholder's account": {
    run: (d, actor, owner) => setUserDisabled(d, actor, owner.userId, false),
    expected: adminOnly,
  },
  "invite staff": {
    run: (d, actor) => inviteStaff(d, actor, { email: `invitato-${Date.now()}-${Math.random()}@example.it`, role: "FACILITATOR" }, { invitationUrl: (token) => `http://test/invito?token=${token}` }),
    expected: adminOnly,
  },
  "revoke an invitation": {
    run: async (d, actor) => {
      const invitation = await d.invitation.create({ data: { email: "revoca@example.it", role: "OFFICIAL", tokenHash: `matrix-${Date.now()}-${Math.random()}`, expiresAt: new Date(Date.now() + 3600_000) } });
      return revokeInvitation(d, actor, { invitationId: invitation.id });
    },
    expected: adminOnly,
  },
  "list invitations": {
    run: (d, actor) => listInvitations(d, actor, {}),
    expected: adminOnly,
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

const mutations: MutationTable = { ...accountMutations, ...roundsMutations, ...participationMutations, ...proposalsMutations, ...moderationMutations, ...liveMutations, ...triageMutations, ...synthesisMutations, ...accountabilityMutations, ...decisionsMutations };

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

/**
 * A guest admitted to a live session (another one than any mutation's) may sign out and nothing
 * else: every other mutation refuses them, whatever it allows signed-in people.
 */
const guestMayDo = new Set(["sign out (end own current session)"]);
test.each(Object.entries(mutations).map(([mutation, { run }]) => ({ mutation, run, outcome: guestMayDo.has(mutation) ? "allowed" : "FORBIDDEN" })))(
  "$mutation as a live guest of another session: $outcome",
  async ({ run, outcome }) => {
    const owner = await signedInUser(db.prisma, "STAKEHOLDER");
    const result = await run(db.prisma, await liveGuest(db.prisma), owner).then(
      () => "allowed",
      (error: unknown) => (isAppError(error) ? error.code : Promise.reject(error)),
    );
    expect(result).toBe(outcome);
  },
);

test("profile updates touch only the actor's own profile", async () => {
  const owner = await signedInUser(db.prisma, "STAKEHOLDER");
  const other = await signedInUser(db.prisma, "STAKEHOLDER");
  await updateOwnProfile(db.prisma, other, profile);
  expect((await db.prisma.stakeholderProfile.findUniqueOrThrow({ where: { userId: owner.userId } })).displayName).toBe(owner.displayName);
  expect(await db.prisma.stakeholderProfile.findUniqueOrThrow({ where: { userId: other.userId } })).toMatchObject({ displayName: "Nuovo nome", municipality: "Pisa", organisation: null });
});

test("export and erasure reach only the actor's own account", async () => {
  const owner = await signedInUser(db.prisma, "STAKEHOLDER");
  const other = await signedInUser(db.prisma, "STAKEHOLDER");
  const exported = await exportOwnData(db.prisma, other);
  expect(exported.account.id).toBe(other.userId);
  expect(JSON.stringify(exported)).not.toContain(owner.userId);
  // Typing someone else's email does not name them: it only fails to confirm one's own erasure.
  await expect(eraseOwnAccount(db.prisma, other, { confirmation: owner.email })).rejects.toMatchObject({ code: "VALIDATION" });
  await eraseOwnAccount(db.prisma, other, { confirmation: other.email });
  expect(await db.prisma.user.findUniqueOrThrow({ where: { id: owner.userId } })).toMatchObject({ email: owner.email, erasedAt: null });
  expect(await db.prisma.user.findUniqueOrThrow({ where: { id: other.userId } })).toMatchObject({ email: null });
});
