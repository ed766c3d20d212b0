/**
 * Synthesis fixtures: a closed round with input of every kind, made through the real services.
 *
 *   const input = await closedRoundWithInput(db);
 *
 * Each call imports a FRESH copy of the seed plan (its own slug, revision 1 current) and runs one
 * round on it, so tests that publish a revision do not disturb each other. The round opened two
 * hours ago and is CLOSED (status and clock). On it:
 *   - votes on measures 1.1 and 1.2 by `voters` (5 citizens + 1 association, THIRD_SECTOR):
 *     1.1 all SUPPORT with priority 4; 1.2 citizens OPPOSE, the association ABSTAINs;
 *   - `commentId`: a citizen's comment on measure 1.1;
 *   - `swotEntryId`: a citizen's STRENGTH observation on axis 1;
 *   - one proposal of each kind, each by its own author, all OPEN:
 *       proposals.amend    AMEND_MEASURE on 1.1 (proposedText = AMENDED_TEXT), supported by `supporter`;
 *       proposals.create   NEW_MEASURE on axis 2 (proposedText = NEW_MEASURE_TEXT);
 *       proposals.retire   RETIRE_MEASURE of 1.3;
 *       proposals.decision DECISION_FIELDS on 1.2 (timing "2026-2027", budget 12.500,00 €, "Fondi regionali", "Politiche sociali").
 * `facilitator` and `admin` are signed-in staff; `measures` / `axes` map codes / numbers to ids.
 * Pass `{ proposals: false }` for a round without proposals (publishing needs no answers then).
 *
 * Lighter, for tables that run many times (permission matrix): `draftedRound(db, { draft, proposalAuthorId, freshPlan })`
 * — a CLOSED round with no input on a plan shared by these rounds (never published; `freshPlan: true`
 * for a plan of its own, needed to publish), its draft started by a fresh facilitator unless
 * `draft: false`, and with `proposalAuthorId` one OPEN amendment of 1.1 by that user (written directly).
 */
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { castVote } from "@/lib/participation/cast-vote";
import { postComment } from "@/lib/participation/post-comment";
import { submitProposal } from "@/lib/proposals/submit-proposal";
import { supportProposal } from "@/lib/proposals/support-proposal";
import { submitSwotEntry } from "@/lib/swot/submit-swot-entry";
import { startRevisionDraft } from "@/lib/synthesis/start-revision-draft";
import { signedInUser } from "./auth-factory";
import { importSeedPlan } from "./plan-factory";
import { type TestRound, stakeholder } from "./round-factory";

export const AMENDED_TEXT = "Protocolli d'intesa e tavoli di confronto aperti anche alle scuole del territorio.";
export const NEW_MEASURE_TEXT = "Sportello unico di quartiere per l'orientamento ai servizi sociali.";

export interface ClosedRoundWithInput {
  round: TestRound;
  facilitator: Actor;
  admin: Actor;
  voters: Actor[];
  supporter: Actor;
  measures: Record<string, string>;
  axes: Record<number, string>;
  commentId: string;
  swotEntryId: string;
  proposals: { amend: string; create: string; retire: string; decision: string };
  /** Author of each proposal, by the same keys. */
  proposalAuthors: { amend: Actor; create: Actor; retire: Actor; decision: Actor };
}

const hour = 3600_000;

/** The plan's measure ids by code and axis ids by number. */
async function planIds(db: PrismaClient, planId: string): Promise<{ measures: Record<string, string>; axes: Record<number, string> }> {
  const [measureRows, axisRows] = await Promise.all([
    db.measure.findMany({ where: { planId }, select: { id: true, code: true } }),
    db.axis.findMany({ where: { planId }, select: { id: true, number: true } }),
  ]);
  return { measures: Object.fromEntries(measureRows.map((row) => [row.code, row.id])), axes: Object.fromEntries(axisRows.map((row) => [row.number, row.id])) };
}

export async function closedRoundWithInput(db: PrismaClient, { proposals: withProposals = true }: { proposals?: boolean } = {}): Promise<ClosedRoundWithInput> {
  const plan = await importSeedPlan(db);
  const { measures, axes } = await planIds(db, plan.planId);
  const now = Date.now();
  const created = await db.round.create({
    data: { planId: plan.planId, revisionId: plan.revisionId, title: "Consultazione da sintetizzare", status: "OPEN", opensAt: new Date(now - 2 * hour), closesAt: new Date(now + 2 * hour) },
    select: { id: true },
  });
  const round: TestRound = { id: created.id, planId: plan.planId, planSlug: plan.slug, revisionId: plan.revisionId };

  const voters = [...(await Promise.all([1, 2, 3, 4, 5].map(() => stakeholder(db, "CITIZEN")))), await stakeholder(db, "THIRD_SECTOR")];
  for (const [index, voter] of voters.entries()) {
    await castVote(db, voter, { roundId: round.id, measureId: measures["1.1"], choice: "SUPPORT", priority: 4 });
    await castVote(db, voter, { roundId: round.id, measureId: measures["1.2"], choice: index < 5 ? "OPPOSE" : "ABSTAIN" });
  }
  const comment = await postComment(db, voters[0]!, { roundId: round.id, measureId: measures["1.1"], body: "Servirebbe coinvolgere anche le scuole." });
  const swot = await submitSwotEntry(db, voters[1]!, round.id, { kind: "STRENGTH", axisId: axes[1], body: "Una rete di associazioni molto attiva." });

  const authors = { amend: await stakeholder(db), create: await stakeholder(db), retire: await stakeholder(db), decision: await stakeholder(db) };
  const supporter = await stakeholder(db);
  const proposals = { amend: "", create: "", retire: "", decision: "" };
  if (withProposals) {
    const rationale = "Lo chiedono molte persone che partecipano agli incontri.";
    proposals.amend = (await submitProposal(db, authors.amend, round.id, { kind: "AMEND_MEASURE", measureId: measures["1.1"], title: "Aprire i tavoli alle scuole", proposedText: AMENDED_TEXT, rationale })).id;
    proposals.create = (await submitProposal(db, authors.create, round.id, { kind: "NEW_MEASURE", axisId: axes[2], title: "Uno sportello di quartiere", proposedText: NEW_MEASURE_TEXT, rationale })).id;
    proposals.retire = (await submitProposal(db, authors.retire, round.id, { kind: "RETIRE_MEASURE", measureId: measures["1.3"], title: "Gli incontri annuali non servono", rationale })).id;
    proposals.decision = (
      await submitProposal(db, authors.decision, round.id, {
        kind: "DECISION_FIELDS",
        measureId: measures["1.2"],
        title: "Dare tempi e risorse alla consultazione",
        rationale,
        proposedTiming: "2026-2027",
        proposedBudget: "12.500,00",
        proposedFundingSource: "Fondi regionali",
        proposedDepartment: "Politiche sociali",
      })
    ).id;
    await supportProposal(db, supporter, proposals.amend);
  }

  await db.round.update({ where: { id: round.id }, data: { status: "CLOSED", closesAt: new Date(Date.now() - 1000) } });
  const [facilitator, admin] = [await signedInUser(db, "FACILITATOR"), await signedInUser(db, "ADMIN")];
  return { round, facilitator, admin, voters, supporter, measures, axes, commentId: comment.id, swotEntryId: swot.id, proposals, proposalAuthors: authors };
}

/** A fresh plan's closed round, with its draft (unless `draft: false`) and optionally one open amendment; see the header. */
export async function draftedRound(
  db: PrismaClient,
  { draft = true, proposalAuthorId, freshPlan = false }: { draft?: boolean; proposalAuthorId?: string; freshPlan?: boolean } = {},
): Promise<{ round: TestRound; measures: Record<string, string>; axes: Record<number, string>; proposalId: string | null }> {
  const plan = freshPlan ? await importSeedPlan(db) : await sharedDraftingPlan(db);
  const { measures, axes } = await planIds(db, plan.planId);
  const now = Date.now();
  const created = await db.round.create({
    data: { planId: plan.planId, revisionId: plan.revisionId, title: "Consultazione chiusa", status: "CLOSED", opensAt: new Date(now - 2 * hour), closesAt: new Date(now - hour) },
    select: { id: true },
  });
  const round: TestRound = { id: created.id, planId: plan.planId, planSlug: plan.slug, revisionId: plan.revisionId };
  const proposalId = proposalAuthorId
    ? (
        await db.proposal.create({
          data: { roundId: round.id, authorId: proposalAuthorId, kind: "AMEND_MEASURE", measureId: measures["1.1"], title: "Aprire i tavoli alle scuole", proposedText: AMENDED_TEXT, rationale: "Lo chiedono in molti." },
          select: { id: true },
        })
      ).id
    : null;
  if (draft) await startRevisionDraft(db, await signedInUser(db, "FACILITATOR"), round.id);
  return { round, measures, axes, proposalId };
}

const SHARED_PLAN_SLUG = "sintesi-bozze-di-prova";

async function sharedDraftingPlan(db: PrismaClient): Promise<{ planId: string; revisionId: string; slug: string }> {
  const existing = await db.plan.findUnique({ where: { slug: SHARED_PLAN_SLUG }, select: { id: true, currentRevisionId: true } });
  if (existing) return { planId: existing.id, revisionId: existing.currentRevisionId!, slug: SHARED_PLAN_SLUG };
  return importSeedPlan(db, SHARED_PLAN_SLUG);
}
