/**
 * Data export and account erasure against a real PostgreSQL: the export holds exactly the actor's
 * own rows; erasure removes personal data, keeps contributions (same author id, anonymous label),
 * kills every session, enqueues the goodbye mail, and never removes the last admin.
 */
import { getSession } from "@/lib/auth/session";
import { signInWithPassword } from "@/lib/auth/sign-in";
import type { Actor } from "@/lib/auth/session";
import { AppError } from "@/lib/errors/app-error";
import { createTranslator } from "@/lib/i18n/translate";
import { displayNameOf } from "@/lib/privacy/display-name";
import { eraseOwnAccount } from "@/lib/privacy/erase-own-account";
import { exportFileName, exportOwnData } from "@/lib/privacy/export-own-data";
import { createSession } from "@/lib/auth/session";
import { databaseForThisFile } from "../support/test-database";
import { signedInUser } from "../support/auth-factory";
import { importSeedPlan } from "../support/plan-factory";

jest.setTimeout(60_000);
const db = databaseForThisFile();
const password = "Ponte di Mezzo 1944";

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
}

let round: { id: string };
let measures: { id: string; code: string }[];
let meeting: { id: string };

beforeAll(async () => {
  const plan = await importSeedPlan(db.prisma, "privacy-plan");
  round = await db.prisma.round.create({
    data: { planId: plan.planId, revisionId: plan.revisionId, title: "Primo giro", opensAt: new Date(Date.now() - 86_400_000), closesAt: new Date(Date.now() + 86_400_000), status: "OPEN" },
  });
  measures = await db.prisma.measure.findMany({ where: { planId: plan.planId }, orderBy: { code: "asc" }, take: 2, select: { id: true, code: true } });
  meeting = await db.prisma.meeting.create({
    data: { roundId: round.id, title: "Incontro al circolo", venue: "Circolo Arci", venueKind: "CULTURAL_CLUB", startsAt: new Date(), endsAt: new Date(Date.now() + 3_600_000) },
  });
});

/** A comment, a vote changed once, a proposal, a support (of the other's proposal), a SWOT entry, a report, a registration and an attendance. */
async function contribute(actor: Actor, label: string, otherProposalId?: string) {
  const [measure] = measures;
  const comment = await db.prisma.comment.create({ data: { roundId: round.id, authorId: actor.userId, measureId: measure!.id, body: `Commento di ${label}` } });
  const vote = await db.prisma.vote.create({ data: { roundId: round.id, measureId: measure!.id, userId: actor.userId, choice: "OPPOSE", priority: 2, category: "CITIZEN" } });
  await db.prisma.voteHistory.create({ data: { voteId: vote.id, choice: "SUPPORT", priority: 4, channel: "WEB", castAt: new Date(Date.now() - 60_000) } });
  const proposal = await db.prisma.proposal.create({ data: { roundId: round.id, authorId: actor.userId, kind: "AMEND_MEASURE", measureId: measure!.id, title: `Proposta di ${label}`, rationale: "Perché sì", proposedBudgetCents: 150_000n } });
  if (otherProposalId) await db.prisma.proposalSupport.create({ data: { proposalId: otherProposalId, userId: actor.userId } });
  const swot = await db.prisma.swotEntry.create({ data: { roundId: round.id, authorId: actor.userId, kind: "STRENGTH", body: `Forza di ${label}` } });
  await db.prisma.contentReport.create({ data: { reporterId: actor.userId, commentId: comment.id, reason: `Segnalazione di ${label}` } });
  await db.prisma.meetingRegistration.create({ data: { meetingId: meeting.id, userId: actor.userId } });
  await db.prisma.meetingAttendance.create({ data: { meetingId: meeting.id, userId: actor.userId } });
  return { comment, vote, proposal, swot };
}

test("the export contains exactly the actor's own data, none of another stakeholder's", async () => {
  const anna = await signedInUser(db.prisma, "STAKEHOLDER");
  const bruno = await signedInUser(db.prisma, "STAKEHOLDER");
  const annas = await contribute(anna, "Anna");
  const brunos = await contribute(bruno, "Bruno", annas.proposal.id);
  await db.prisma.proposalSupport.create({ data: { proposalId: brunos.proposal.id, userId: anna.userId } });
  await db.prisma.auditEvent.create({ data: { actorId: anna.userId, action: "test.anna", entityType: "User", entityId: anna.userId } });
  await db.prisma.auditEvent.create({ data: { actorId: bruno.userId, action: "test.bruno", entityType: "User", entityId: anna.userId } });

  const document = await exportOwnData(db.prisma, anna);
  const text = JSON.stringify(document);
  expect(text).not.toContain(bruno.userId);
  expect(text).not.toContain(bruno.email!);
  expect(text).not.toContain("Bruno");
  expect(document).toMatchObject({
    schemaVersion: 1,
    account: { id: anna.userId, email: anna.email, role: "STAKEHOLDER", locale: "it", profile: { displayName: anna.displayName, category: "CITIZEN" } },
    sessions: [{ userAgent: "jest", ip: "192.0.2.1", revoked: null }],
  });
  const { contributions } = document;
  expect(contributions.comments).toEqual([expect.objectContaining({ id: annas.comment.id, body: "Commento di Anna", measureCode: measures[0]!.code })]);
  expect(contributions.votes).toEqual([expect.objectContaining({ id: annas.vote.id, choice: "OPPOSE", priority: 2, history: [expect.objectContaining({ choice: "SUPPORT", priority: 4 })] })]);
  expect(contributions.proposals).toEqual([expect.objectContaining({ id: annas.proposal.id, title: "Proposta di Anna", proposedBudgetCents: "150000" })]);
  expect(contributions.proposalSupports).toEqual([expect.objectContaining({ proposalId: brunos.proposal.id })]);
  expect(contributions.swotEntries).toEqual([expect.objectContaining({ id: annas.swot.id, kind: "STRENGTH" })]);
  expect(contributions.reportsFiled).toEqual([expect.objectContaining({ commentId: annas.comment.id, reason: "Segnalazione di Anna" })]);
  expect(contributions.meetingRegistrations).toEqual([expect.objectContaining({ meetingId: meeting.id, meetingTitle: "Incontro al circolo" })]);
  expect(contributions.meetingAttendances).toEqual([expect.objectContaining({ meetingId: meeting.id })]);
  expect(document.auditEvents.map((event) => event.action)).toEqual(["test.anna"]);
  // Plain JSON: no bigint survives (JSON.stringify would throw).
  expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(document)));

  expect((await caught(exportOwnData(db.prisma, null))).code).toBe("UNAUTHENTICATED");
  expect(exportFileName(new Date("2026-03-01T23:30:00Z"))).toBe("consulta-dati-personali-2026-03-02.json");
});

test("erasure: personal data gone, contributions kept under an anonymous label, every session dead, mail enqueued", async () => {
  const carla = await signedInUser(db.prisma, "FACILITATOR", password);
  const dario = await signedInUser(db.prisma, "STAKEHOLDER");
  const second = await createSession(db.prisma, carla.userId, { ipAddress: "203.0.113.9", userAgent: "other browser" });
  const mine = await contribute(carla, "Carla");
  const dariosProposal = (await contribute(dario, "Dario", mine.proposal.id)).proposal;
  await db.prisma.proposalSupport.create({ data: { proposalId: dariosProposal.id, userId: carla.userId } });
  await db.prisma.account.create({ data: { userId: carla.userId, provider: "oidc", providerAccountId: "carla-sub" } });
  await db.prisma.verificationToken.create({ data: { identifier: `sign-in-link:${carla.email}`, tokenHash: `hash-${carla.userId}`, expires: new Date(Date.now() + 60_000) } });
  await db.prisma.emailOutbox.create({ data: { to: carla.email!, template: "sign-in-link", subject: "Link", text: "…" } });

  const wrong = await caught(eraseOwnAccount(db.prisma, carla, { confirmation: dario.email }));
  expect(wrong).toMatchObject({ code: "VALIDATION", details: { confirmation: "privacy.erase.confirmationMismatch" } });
  expect((await caught(eraseOwnAccount(db.prisma, carla, {}))).details).toEqual({ confirmation: "privacy.erase.confirmationRequired" });
  expect(await db.prisma.user.findUniqueOrThrow({ where: { id: carla.userId } })).toMatchObject({ erasedAt: null, email: carla.email });

  const { erasedAt } = await eraseOwnAccount(db.prisma, carla, { confirmation: `  ${carla.email!.toUpperCase()} ` });

  const user = await db.prisma.user.findUniqueOrThrow({ where: { id: carla.userId }, include: { profile: true, accounts: true, registrations: true } });
  expect(user).toMatchObject({ email: null, name: null, passwordHash: null, emailVerified: null, role: "STAKEHOLDER", erasedAt, profile: null, accounts: [], registrations: [] });
  expect(await db.prisma.verificationToken.count({ where: { identifier: { endsWith: carla.email! } } })).toBe(0);
  const outbox = await db.prisma.emailOutbox.findMany({ where: { to: carla.email! } });
  expect(outbox.map((mail) => mail.template)).toEqual(["account-erased"]);
  expect(outbox[0]!.locale).toBe("it");

  // Contributions stay, with the same author, shown anonymously.
  expect(await db.prisma.comment.findUniqueOrThrow({ where: { id: mine.comment.id } })).toMatchObject({ authorId: carla.userId, body: "Commento di Carla" });
  expect(await db.prisma.vote.findUniqueOrThrow({ where: { id: mine.vote.id } })).toMatchObject({ userId: carla.userId, choice: "OPPOSE" });
  expect(await db.prisma.proposal.findUniqueOrThrow({ where: { id: mine.proposal.id } })).toMatchObject({ authorId: carla.userId });
  expect(await db.prisma.swotEntry.findUniqueOrThrow({ where: { id: mine.swot.id } })).toMatchObject({ authorId: carla.userId });
  expect(await db.prisma.proposalSupport.count({ where: { userId: carla.userId } })).toBe(1);
  const author = await db.prisma.comment.findUniqueOrThrow({ where: { id: mine.comment.id }, select: { author: { select: { erasedAt: true, name: true, profile: { select: { displayName: true } } } } } });
  expect(displayNameOf(author.author, createTranslator("it"))).toBe("Partecipante anonimo");
  expect(displayNameOf(author.author, createTranslator("en"))).toBe("Anonymous participant");
  expect(displayNameOf({ erasedAt: null, name: null, profile: { displayName: "Dario" } }, createTranslator("it"))).toBe("Dario");

  // Every session refused from now on, and no IP or browser kept.
  expect(await getSession(db.prisma, carla.sessionId)).toBeNull();
  expect(await getSession(db.prisma, second.sessionId)).toBeNull();
  const sessions = await db.prisma.userSession.findMany({ where: { userId: carla.userId } });
  expect(sessions.every((s) => s.revokedAt !== null && s.ipAddress === null && s.userAgent === null)).toBe(true);
  expect((await caught(signInWithPassword(db.prisma, { email: carla.email, password }, { ipAddress: "198.51.100.7", userAgent: null }))).code).toBe("UNAUTHENTICATED");

  const audit = await db.prisma.auditEvent.findFirstOrThrow({ where: { action: "account.erased", entityId: carla.userId } });
  expect(audit).toMatchObject({ actorId: carla.userId, data: {} });
  expect(JSON.stringify(audit.data)).not.toContain("@");

  // The other stakeholder is untouched.
  expect(await db.prisma.user.findUniqueOrThrow({ where: { id: dario.userId }, include: { profile: true } })).toMatchObject({ email: dario.email, erasedAt: null, profile: { displayName: dario.displayName } });
  expect(await getSession(db.prisma, dario.sessionId)).not.toBeNull();
  // A stale actor (the old session's) cannot erase or export again.
  expect((await caught(eraseOwnAccount(db.prisma, carla, { confirmation: "cancella" }))).code).toBe("UNAUTHENTICATED");
});

test("the last admin cannot erase themselves; with another admin they can", async () => {
  await db.prisma.user.updateMany({ where: { role: "ADMIN" }, data: { role: "STAKEHOLDER" } });
  const first = await signedInUser(db.prisma, "ADMIN");
  const refused = await caught(eraseOwnAccount(db.prisma, first, { confirmation: first.email }));
  expect(refused).toMatchObject({ code: "CONFLICT", messageKey: "privacy.errors.lastAdmin" });
  expect(createTranslator("en")(refused.messageKey)).toContain("last administrator");
  expect(await getSession(db.prisma, first.sessionId)).not.toBeNull();
  expect(await db.prisma.emailOutbox.count({ where: { to: first.email!, template: "account-erased" } })).toBe(0);

  // A disabled admin does not count: they cannot act.
  const disabled = await signedInUser(db.prisma, "ADMIN");
  await db.prisma.user.update({ where: { id: disabled.userId }, data: { disabledAt: new Date() } });
  expect((await caught(eraseOwnAccount(db.prisma, first, { confirmation: first.email }))).code).toBe("CONFLICT");

  await signedInUser(db.prisma, "ADMIN");
  await eraseOwnAccount(db.prisma, first, { confirmation: first.email });
  expect(await db.prisma.user.findUniqueOrThrow({ where: { id: first.userId } })).toMatchObject({ role: "STAKEHOLDER", email: null });
});

test("a user without an email confirms with the fixed word", async () => {
  const oidc = await signedInUser(db.prisma, "STAKEHOLDER");
  await db.prisma.user.update({ where: { id: oidc.userId }, data: { email: null } });
  expect((await caught(eraseOwnAccount(db.prisma, oidc, { confirmation: "sì" }))).code).toBe("VALIDATION");
  await eraseOwnAccount(db.prisma, oidc, { confirmation: "CANCELLA" });
  expect((await db.prisma.user.findUniqueOrThrow({ where: { id: oidc.userId } })).erasedAt).not.toBeNull();
});
