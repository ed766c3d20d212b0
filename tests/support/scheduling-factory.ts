/** Plans, rounds, meetings and participants for the rounds module's tests (rounds go through the real services). */
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { scheduleMeeting } from "@/lib/rounds/schedule-meeting";
import { scheduleRound } from "@/lib/rounds/schedule-round";
import { signedInUser } from "./auth-factory";
import { importSeedPlan } from "./plan-factory";

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** An instant `ms` from now (negative: in the past). */
export const fromNow = (ms: number): Date => new Date(Date.now() + ms);

let plans = 0;

/**
 * A plan of its own (the seed document under a fresh slug), so that a test's rounds never meet
 * another test's: rounds of one plan may not overlap.
 */
export async function freshPlan(db: PrismaClient): Promise<{ id: string; slug: string; revisionId: string }> {
  plans += 1;
  const slug = `piano-prova-${plans}-${Date.now().toString(36)}`;
  await importSeedPlan(db, slug);
  const plan = await db.plan.findUniqueOrThrow({ where: { slug }, select: { id: true, slug: true, currentRevisionId: true } });
  return { id: plan.id, slug: plan.slug, revisionId: plan.currentRevisionId! };
}

export const facilitator = (db: PrismaClient): Promise<Actor> => signedInUser(db, "FACILITATOR");

/** A round scheduled through the service, `opensIn`/`closesIn` from now. */
export async function scheduledRound(
  db: PrismaClient,
  actor: Actor,
  planId: string,
  { opensIn = DAY, closesIn = 8 * DAY, title = "Consultazione di primavera", description = "Discutiamo il piano." }: { opensIn?: number; closesIn?: number; title?: string; description?: string } = {},
): Promise<string> {
  const { id } = await scheduleRound(db, actor, { planId, title, description, opensAt: fromNow(opensIn), closesAt: fromNow(closesIn) });
  return id;
}

/** A round on a fresh plan, opening in an hour for ten days, and the facilitator who scheduled it. */
export async function facilitatedRound(db: PrismaClient): Promise<{ actor: Actor; roundId: string }> {
  const plan = await freshPlan(db);
  const actor = await facilitator(db);
  return { actor, roundId: await scheduledRound(db, actor, plan.id, { opensIn: HOUR, closesIn: 10 * DAY }) };
}

/** A meeting scheduled through the service. */
export async function scheduledMeeting(
  db: PrismaClient,
  actor: Actor,
  roundId: string,
  { startsIn, hours = 2, capacity = null, registration = "OPTIONAL", title = "Assemblea al circolo" }: { startsIn: number; hours?: number; capacity?: number | null; registration?: "NONE" | "OPTIONAL" | "REQUIRED"; title?: string },
): Promise<string> {
  const startsAt = fromNow(startsIn);
  const { id } = await scheduleMeeting(db, actor, roundId, {
    title,
    venue: "Circolo ARCI di Putignano",
    venueKind: "CULTURAL_CLUB",
    address: "Via Pietrasantina 1, Pisa",
    startsAt,
    endsAt: new Date(startsAt.getTime() + hours * HOUR),
    capacity: capacity === null ? "" : String(capacity),
    registration,
  });
  return id;
}

/** What a person may have done in a round, written directly (the participation services are tested elsewhere). */
export type Participation = "vote" | "comment" | "proposal" | "support" | "swot";

export async function takePart(db: PrismaClient, roundId: string, userId: string, how: Participation): Promise<void> {
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { planId: true } });
  const measure = await db.measure.findFirstOrThrow({ where: { planId: round.planId }, orderBy: { code: "asc" }, select: { id: true } });
  switch (how) {
    case "vote":
      await db.vote.create({ data: { roundId, measureId: measure.id, userId, choice: "SUPPORT", priority: 4, category: "CITIZEN" } });
      return;
    case "comment":
      await db.comment.create({ data: { roundId, measureId: measure.id, authorId: userId, body: "Un commento" } });
      return;
    case "proposal":
      await db.proposal.create({ data: { roundId, authorId: userId, kind: "AMEND_MEASURE", measureId: measure.id, title: "Una proposta", rationale: "Perché sì" } });
      return;
    case "support": {
      const author = await signedInUser(db, "STAKEHOLDER");
      const proposal = await db.proposal.create({ data: { roundId, authorId: author.userId, kind: "AMEND_MEASURE", measureId: measure.id, title: "Proposta altrui", rationale: "Perché" } });
      await db.proposalSupport.create({ data: { proposalId: proposal.id, userId } });
      return;
    }
    case "swot":
      await db.swotEntry.create({ data: { roundId, authorId: userId, kind: "STRENGTH", body: "Una forza" } });
      return;
  }
}

/** Settles an array of promises: how many fulfilled, and the rejections' error codes. */
export async function settle(promises: Promise<unknown>[]): Promise<{ fulfilled: number; codes: string[] }> {
  const results = await Promise.allSettled(promises);
  return {
    fulfilled: results.filter((result) => result.status === "fulfilled").length,
    codes: results.flatMap((result) => (result.status === "rejected" ? [String((result.reason as { code?: string }).code ?? (result.reason as Error).message)] : [])),
  };
}

/** A plan with one published revision and nothing in it: cheap, for tests that only need a plan of their own. */
export async function barePlan(db: PrismaClient): Promise<{ id: string; revisionId: string }> {
  plans += 1;
  const plan = await db.plan.create({ data: { slug: `piano-vuoto-${plans}-${Date.now().toString(36)}`, title: "Piano vuoto", issuer: "Provincia" }, select: { id: true } });
  const revision = await db.revision.create({ data: { planId: plan.id, number: 1, status: "PUBLISHED", publishedAt: new Date() }, select: { id: true } });
  await db.plan.update({ where: { id: plan.id }, data: { currentRevisionId: revision.id } });
  return { id: plan.id, revisionId: revision.id };
}

/** A round written directly (any status and times) on a plan of its own, so it overlaps nothing. */
export async function roundOnOwnPlan(
  db: PrismaClient,
  { status, opensAt, closesAt }: { status: "SCHEDULED" | "OPEN" | "CLOSED"; opensAt: Date; closesAt: Date },
): Promise<{ id: string; planId: string }> {
  const plan = await barePlan(db);
  const round = await db.round.create({ data: { planId: plan.id, revisionId: plan.revisionId, title: "Giro di prova", description: "x", status, opensAt, closesAt }, select: { id: true } });
  return { id: round.id, planId: plan.id };
}

/** A meeting written directly. */
export async function meetingOf(db: PrismaClient, roundId: string, { startsAt, hours = 2, registration = "OPTIONAL" }: { startsAt: Date; hours?: number; registration?: "NONE" | "OPTIONAL" | "REQUIRED" }): Promise<string> {
  const meeting = await db.meeting.create({
    data: { roundId, title: "Assemblea", venue: "Circolo", venueKind: "CULTURAL_CLUB", startsAt, endsAt: new Date(startsAt.getTime() + hours * HOUR), registration },
    select: { id: true },
  });
  return meeting.id;
}
