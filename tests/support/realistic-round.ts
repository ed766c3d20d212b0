/**
 * A database that looks like one after a real consultation, for backup/restore and upgrade tests:
 * every kind of row the app writes, made through the factories and the domain services.
 *
 *   - plan A: a PUBLISHED round (web and live votes of 15 people, paper tally, proposals answered,
 *     comment, SWOT, the published revision with its traced changes and links), published and draft
 *     decisions, a later round in SYNTHESIS with a draft revision;
 *   - plan B: a CLOSED round with votes, a comment, a SWOT entry, one proposal of each kind and a support;
 *   - plan A again: an OPEN round (closing in 2099, so no scheduler touches it) with web votes,
 *     comments and a proposal, a meeting with a paper tally, a running live session with a live vote;
 *   - users of every role with password hashes, sessions and profiles; audit events.
 *
 * Kept to what the previous release's factories also offer: tests/fixtures/previous-release/make-fixture.sh
 * copies this file into a worktree of the previous release and runs it there (see its README).
 */
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/client";
import { castVote } from "@/lib/participation/cast-vote";
import { postComment } from "@/lib/participation/post-comment";
import { submitProposal } from "@/lib/proposals/submit-proposal";
import { castLiveVote } from "@/lib/live/cast-live-vote";
import { joinLiveSession } from "@/lib/live/join-live-session";
import { addReportDecisions } from "./report-scenario";
import { buildPublicScenario } from "./synthesis-public-scenario";
import { closedRoundWithInput } from "./synthesis-factory";
import { createPaperTally, createMeeting } from "./participation-factory";
import { measureId, seedPlan, stakeholder } from "./round-factory";
import { votingOnMeasure } from "./live-factory";

export interface RealisticRound {
  /** The OPEN round (plan A), where new votes can be cast. */
  openRound: { id: string; planSlug: string; planId: string };
  /** The PUBLISHED round of plan A. */
  publishedRoundId: string;
  /** Plan B's CLOSED round. */
  closedRoundId: string;
}

export const OPEN_ROUND_CLOSES_AT = new Date("2099-12-31T23:00:00Z");

export async function seedRealisticRound(db: PrismaClient): Promise<RealisticRound> {
  const planA = await seedPlan(db);
  const scenario = await buildPublicScenario(db, planA.id, "backup");
  await addReportDecisions(db, scenario);

  const closed = await closedRoundWithInput(db);

  // The open round with its live session: votingOnMeasure creates the round (on plan A) and its meeting.
  const live = await votingOnMeasure(db, "1.1");
  await db.round.update({ where: { id: live.round.id }, data: { closesAt: OPEN_ROUND_CLOSES_AT } });
  const roundId = live.round.id;
  const voters = [await stakeholder(db, "CITIZEN"), await stakeholder(db, "FAMILY"), await stakeholder(db, "BUSINESS"), await stakeholder(db, "THIRD_SECTOR")];
  const [m12, m21] = [await measureId(db, planA.id, "1.2"), await measureId(db, planA.id, "2.1")];
  for (const [index, voter] of voters.entries()) {
    await castVote(db, voter, { roundId, measureId: m12, choice: index % 2 ? "OPPOSE" : "SUPPORT", priority: index + 1 });
    await castVote(db, voter, { roundId, measureId: m21, choice: "ABSTAIN" });
  }
  // A changed vote (its earlier choice goes to the vote's history).
  await castVote(db, voters[1]!, { roundId, measureId: m21, choice: "SUPPORT", priority: 5 });
  await postComment(db, voters[0]!, { roundId, measureId: m12, body: "Bene, ma servono orari serali per chi lavora." });
  await postComment(db, voters[1]!, { roundId, measureId: m21, body: "Più posti negli asili nido del quartiere." });
  await submitProposal(db, voters[2]!, roundId, {
    kind: "AMEND_MEASURE",
    measureId: m12,
    title: "Aprire anche il sabato",
    proposedText: "Sportelli aperti anche il sabato mattina.",
    rationale: "Molte famiglie lavorano durante la settimana.",
  });
  const meetingId = await createMeeting(db, roundId, "Assemblea di Riglione");
  await createPaperTally(db, { meetingId, roundId, measureId: m12, support: 7, oppose: 2, abstain: 1, prioritySum: 21, priorityCount: 6 });
  for (const voter of voters.slice(0, 2)) {
    await joinLiveSession(db, voter, { code: live.joinCode });
    await castLiveVote(db, voter, { sessionId: live.sessionId, itemId: live.itemId, choice: "SUPPORT", priority: 3, clientVoteId: randomUUID() });
  }

  return {
    openRound: { id: roundId, planSlug: live.round.planSlug, planId: planA.id },
    publishedRoundId: scenario.round.id,
    closedRoundId: closed.round.id,
  };
}
