import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { decisionFieldsSelect } from "@/lib/plan/plan-read";
import { assertKnownOptions, changedKeys, columnsOf, decidingTransaction, measureNotFound, valuesOf } from "./decision-revision";
import { requireDecider } from "./decisions.policy";
import { type DecisionValues, applyBulkDecisionSchema, parseDecisionsInput } from "./decisions.schemas";

export interface BulkDecisionResult {
  /** Measures that got a new version, by code (plan order), and those already holding these values. */
  changed: string[];
  unchanged: string[];
  /** The fields the request set. */
  fields: ("fundingSource" | "department" | "note")[];
}

/**
 * The same department, funding source and/or public note for several measures of a revision: each
 * selected measure gets a new decision version — its current values (or the revision's fields) with
 * those fields replaced; measures that already hold them are left alone. All or nothing, in one
 * transaction under the plan's lock: a measure that is not in the revision (NOT_FOUND) changes
 * nothing. Same revisions as recordDecision; one audit event.
 */
export async function applyBulkDecision(db: PrismaClient, actor: Actor | null, address: unknown, input: unknown, now: Date = new Date()): Promise<BulkDecisionResult> {
  const user = requireDecider(actor);
  const bulk = parseDecisionsInput(applyBulkDecisionSchema, input);
  const fields = ([bulk.fundingSource ? "fundingSource" : null, bulk.department ? "department" : null, bulk.note !== null ? "note" : null] as const).filter((field) => field !== null);
  return decidingTransaction(db, address, async (tx, found) => {
    const revisionId = found.revision.id;
    const versions = await tx.measureVersion.findMany({
      where: { revisionId, measureId: { in: bulk.measureIds } },
      orderBy: { position: "asc" },
      select: { measureId: true, ...decisionFieldsSelect, measure: { select: { code: true } } },
    });
    if (versions.length !== bulk.measureIds.length) throw measureNotFound();
    await assertKnownOptions(tx, bulk);
    const currents = await tx.decision.findMany({
      where: { revisionId, measureId: { in: bulk.measureIds } },
      orderBy: [{ measureId: "asc" }, { version: "desc" }],
      distinct: ["measureId"],
    });
    const currentOf = new Map(currents.map((decision) => [decision.measureId, decision]));

    const changed: string[] = [];
    const unchanged: string[] = [];
    const rows = [];
    for (const version of versions) {
      const current = currentOf.get(version.measureId);
      const base = current ? valuesOf(current) : valuesOf(version);
      const next: DecisionValues = {
        ...base,
        ...(bulk.fundingSource ? { fundingSource: bulk.fundingSource.label } : {}),
        ...(bulk.department ? { department: bulk.department.label } : {}),
        ...(bulk.note !== null ? { note: bulk.note } : {}),
      };
      if (changedKeys(base, next).length === 0) {
        unchanged.push(version.measure.code);
        continue;
      }
      changed.push(version.measure.code);
      rows.push({ revisionId, measureId: version.measureId, version: (current?.version ?? 0) + 1, ...columnsOf(next), decidedById: user.userId, decidedAt: now, publishedAt: found.publishesAtOnce ? now : null });
    }
    if (rows.length > 0) await tx.decision.createMany({ data: rows });
    await tx.auditEvent.create({
      data: { actorId: user.userId, action: "decision.bulk-applied", entityType: "Revision", entityId: revisionId, data: { measures: versions.length, changed: changed.length, fields, published: found.publishesAtOnce } },
    });
    return { changed, unchanged, fields };
  });
}
