import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import type { Prisma } from "@/lib/db/generated/client";
import { isUuid } from "@/lib/db/ids";
import { AppError } from "@/lib/errors/app-error";
import { formatDate } from "@/lib/i18n/format";
import { defaultLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { decisionFieldsSelect } from "@/lib/plan/plan-read";
import { recordRoundEvent } from "@/lib/rounds/round-audit";
import { lockPlanRounds } from "@/lib/rounds/round-overlap";
import { closeRound } from "@/lib/rounds/round-transitions";
import { effectiveRoundStatus } from "@/lib/rounds/round-window";
import { lockingTransaction } from "@/lib/rounds/transaction-options";
import { decisionOf, decisionSnapshot, sameSnapshot } from "./record-revision-change";
import { requireSynthesisEditor } from "./synthesis.policy";

/**
 * Starts the next revision of the plan from a closed round: a DRAFT copy (axes and measures) of the
 * revision the round consulted (each measure's decision fields those of its public decision, if any), numbered after the plan's highest, with the round as its origin.
 * The round moves to SYNTHESIS (a round past its closing time the scheduler has not closed yet is
 * closed first, with its notifications). One draft per round: asking again returns the same draft
 * (`created: false`). Refused (CONFLICT) while the round is scheduled or open, and when the plan's
 * current revision is no longer the one the round consulted.
 */
export async function startRevisionDraft(db: PrismaClient, actor: Actor | null, roundId: string, now: Date = new Date()): Promise<{ revisionId: string; number: number; created: boolean }> {
  const user = requireSynthesisEditor(actor);
  if (!isUuid(roundId)) throw new AppError("NOT_FOUND", "synthesis.errors.roundNotFound");
  return db.$transaction(async (tx) => {
    const found = await tx.round.findUnique({ where: { id: roundId }, select: { planId: true } });
    if (!found) throw new AppError("NOT_FOUND", "synthesis.errors.roundNotFound");
    // Serialises with the round's status changes, and with drafts of the plan's other rounds (numbers).
    await lockPlanRounds(tx, found.planId);
    const existing = await tx.revision.findUnique({ where: { fromRoundId: roundId }, select: { id: true, number: true } });
    if (existing) return { revisionId: existing.id, number: existing.number, created: false };

    const round = await tx.round.findUniqueOrThrow({
      where: { id: roundId },
      select: { id: true, planId: true, revisionId: true, status: true, opensAt: true, closesAt: true, plan: { select: { currentRevisionId: true } } },
    });
    const status = effectiveRoundStatus(round, now);
    if (status !== "CLOSED" && status !== "SYNTHESIS") throw new AppError("CONFLICT", "synthesis.errors.roundNotClosed");
    if (round.plan.currentRevisionId !== round.revisionId) throw new AppError("CONFLICT", "synthesis.errors.consultedRevisionNotCurrent");
    if (round.status === "SCHEDULED" || round.status === "OPEN") await closeRound(tx, round.id, { actorId: null, now });
    if (status === "CLOSED") {
      await tx.round.update({ where: { id: round.id }, data: { status: "SYNTHESIS" } });
      await recordRoundEvent(tx, { actorId: user.userId, action: "round.synthesis-started", entityType: "Round", entityId: round.id });
    }

    const { _max } = await tx.revision.aggregate({ where: { planId: round.planId }, _max: { number: true } });
    const number = (_max.number ?? 0) + 1;
    const revision = await tx.revision.create({ data: { planId: round.planId, number, status: "DRAFT", fromRoundId: round.id, createdById: user.userId }, select: { id: true } });
    await tx.$executeRaw`
      INSERT INTO "AxisVersion" ("id", "axisId", "revisionId", "position", "title", "resultsIntro", "resultsBullets", "measuresIntro")
      SELECT gen_random_uuid(), "axisId", ${revision.id}::uuid, "position", "title", "resultsIntro", "resultsBullets", "measuresIntro"
      FROM "AxisVersion" WHERE "revisionId" = ${round.revisionId}::uuid`;
    // Each measure's decision fields: the consulted revision's public decision (its latest published
    // version, lib/decisions) when it has one, else the revision's own fields.
    const copied = await tx.$executeRaw`
      INSERT INTO "MeasureVersion" ("id", "measureId", "revisionId", "position", "text", "timing", "startsOn", "endsOn", "budgetCents", "fundingSource", "department")
      SELECT gen_random_uuid(), mv."measureId", ${revision.id}::uuid, mv."position", mv."text",
             CASE WHEN d."id" IS NULL THEN mv."timing" ELSE d."timing" END,
             CASE WHEN d."id" IS NULL THEN mv."startsOn" ELSE d."startsOn" END,
             CASE WHEN d."id" IS NULL THEN mv."endsOn" ELSE d."endsOn" END,
             CASE WHEN d."id" IS NULL THEN mv."budgetCents" ELSE d."budgetCents" END,
             CASE WHEN d."id" IS NULL THEN mv."fundingSource" ELSE d."fundingSource" END,
             CASE WHEN d."id" IS NULL THEN mv."department" ELSE d."department" END
      FROM "MeasureVersion" mv
      LEFT JOIN LATERAL (
        SELECT "id", "timing", "startsOn", "endsOn", "budgetCents", "fundingSource", "department" FROM "Decision"
        WHERE "revisionId" = mv."revisionId" AND "measureId" = mv."measureId" AND "publishedAt" IS NOT NULL
        ORDER BY "version" DESC LIMIT 1
      ) d ON true
      WHERE mv."revisionId" = ${round.revisionId}::uuid`;
    const decisionChanges = await traceDecidedFields(tx, round.revisionId, revision.id);
    await tx.auditEvent.create({
      data: { actorId: user.userId, action: "revision.draft-started", entityType: "Revision", entityId: revision.id, data: { roundId: round.id, number, fromRevisionId: round.revisionId, measures: copied, decisionChanges } },
    });
    return { revisionId: revision.id, number, created: true };
  }, lockingTransaction);
}

/**
 * Decision fields the draft took from the officials' published decisions are changes like any other:
 * each is recorded (before/after, by the official who decided) with the decision's public note as its
 * rationale, so the revision's diff and "you said, we did" never show an unexplained change. The
 * rationale is in the plan's language (Italian), like the plan text it explains.
 */
async function traceDecidedFields(tx: Prisma.TransactionClient, consultedRevisionId: string, draftRevisionId: string): Promise<number> {
  const decisions = await tx.decision.findMany({
    where: { revisionId: consultedRevisionId, publishedAt: { not: null } },
    orderBy: [{ measureId: "asc" }, { version: "desc" }],
    distinct: ["measureId"],
    select: { measureId: true, version: true, note: true, publishedAt: true, decidedById: true, ...decisionFieldsSelect },
  });
  if (decisions.length === 0) return 0;
  const consulted = await tx.measureVersion.findMany({
    where: { revisionId: consultedRevisionId, measureId: { in: decisions.map((decision) => decision.measureId) } },
    select: { measureId: true, ...decisionFieldsSelect },
  });
  const consultedByMeasure = new Map(consulted.map((version) => [version.measureId, version]));
  const t = createTranslator(defaultLocale);
  const changes = decisions.flatMap((decision) => {
    const version = consultedByMeasure.get(decision.measureId);
    if (!version) return [];
    const before = decisionSnapshot(decisionOf(version));
    const after = decisionSnapshot(decisionOf(decision));
    if (sameSnapshot(before, after)) return [];
    const heading = t("synthesis.draft.decidedFieldsRationale", { version: decision.version, date: formatDate(decision.publishedAt as Date, defaultLocale) });
    return [{
      revisionId: draftRevisionId,
      kind: "MEASURE_DECISION_FIELDS_CHANGED" as const,
      measureId: decision.measureId,
      rationale: `${heading}${decision.note ? ` ${decision.note}` : ""}`.slice(0, 2_000),
      before,
      after,
      createdById: decision.decidedById,
    }];
  });
  await tx.revisionChange.createMany({ data: changes });
  return changes.length;
}
