import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { decisionFieldsSelect } from "@/lib/plan/plan-read";
import { assertKnownOptions, changedKeys, columnsOf, concurrentSave, decidingTransaction, measureNotFound, valuesOf } from "./decision-revision";
import { requireDecider } from "./decisions.policy";
import { type DecisionValueKey, type DecisionValues, parseDecisionsInput, recordDecisionSchema } from "./decisions.schemas";

export type RecordDecisionResult =
  | { outcome: "recorded"; version: number; published: boolean; changed: DecisionValueKey[] }
  | { outcome: "unchanged"; version: number; published: boolean; changed: [] };

/**
 * An official's decision on one measure of a revision (`address`: plan slug and revision number):
 * appends version n+1 of the (revision, measure) decision, its base being the current version or,
 * for the first one, the revision's own fields. The form says which version it was loaded with
 * (`expectedVersion`): when someone saved a newer one meanwhile, CONFLICT "decisions.errors.staleVersion".
 * Input equal to the current values records nothing (outcome "unchanged").
 *
 * Allowed revisions: the plan's current published one (the decision is public at once, publishedAt =
 * now) and a draft drafted from a round in SYNTHESIS (published with the revision); any other:
 * CONFLICT. A measure not in the revision: NOT_FOUND. One transaction under the plan's lock (the
 * same one publishing and drafting take), audited.
 */
export async function recordDecision(db: PrismaClient, actor: Actor | null, address: unknown, input: unknown, now: Date = new Date()): Promise<RecordDecisionResult> {
  const user = requireDecider(actor);
  const decision = parseDecisionsInput(recordDecisionSchema, input);
  return decidingTransaction(db, address, async (tx, found) => {
    const revisionId = found.revision.id;
    const version = await tx.measureVersion.findUnique({
      where: { measureId_revisionId: { measureId: decision.measureId, revisionId } },
      select: decisionFieldsSelect,
    });
    if (!version) throw measureNotFound();
    await assertKnownOptions(tx, decision);
    const current = await tx.decision.findFirst({ where: { revisionId, measureId: decision.measureId }, orderBy: { version: "desc" } });
    const currentVersion = current?.version ?? 0;
    if (decision.expectedVersion !== currentVersion) throw concurrentSave();

    const base = current ? valuesOf(current) : valuesOf(version);
    const next: DecisionValues = {
      timing: decision.timing,
      startsOn: decision.startsOn,
      endsOn: decision.endsOn,
      budgetCents: decision.budgetCents,
      fundingSource: decision.fundingSource?.label ?? null,
      department: decision.department?.label ?? null,
      note: decision.note,
    };
    const changed = changedKeys(base, next);
    if (changed.length === 0) return { outcome: "unchanged" as const, version: currentVersion, published: current ? current.publishedAt !== null : false, changed: [] as [] };

    const created = await tx.decision.create({
      data: { revisionId, measureId: decision.measureId, version: currentVersion + 1, ...columnsOf(next), decidedById: user.userId, decidedAt: now, publishedAt: found.publishesAtOnce ? now : null },
      select: { id: true, version: true },
    });
    await tx.auditEvent.create({
      data: {
        actorId: user.userId,
        action: "decision.recorded",
        entityType: "Decision",
        entityId: created.id,
        data: { revisionId, measureId: decision.measureId, version: created.version, changed, published: found.publishesAtOnce },
      },
    });
    return { outcome: "recorded" as const, version: created.version, published: found.publishesAtOnce, changed };
  });
}
