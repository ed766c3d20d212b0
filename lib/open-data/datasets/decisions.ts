import type { PrismaClient } from "@/lib/db/client";
import { decisionFieldsSelect } from "@/lib/plan/plan-read";
import { defineDataset } from "../dataset";
import { isoDate } from "@/lib/plan/calendar-date";
import { centsNumber, isoInstant, keysetBatches } from "../keyset";
import { type DecisionRow, decisionRowSchema, decisionsDocumentSchema, planDatasetQuerySchema } from "../open-data.schemas";
import { planFilter } from "../plan-filter";

/** Every published decision version of a plan (unpublished drafts and who decided: never). */
export const decisionsDataset = defineDataset({
  name: "decisions",
  query: planDatasetQuerySchema,
  row: decisionRowSchema,
  document: decisionsDocumentSchema,
  filters: [{ name: "plan", required: false }],
  async open(db: PrismaClient, query) {
    const plan = await planFilter(db, query.plan);
    return rows(db, plan);
  },
});

async function* rows(db: PrismaClient, plan: { id: string; slug: string }): AsyncGenerator<DecisionRow> {
  const decisions = keysetBatches((last: { id: string; decidedAt: Date } | null, take) =>
    db.decision.findMany({
      where: {
        publishedAt: { not: null },
        revision: { planId: plan.id },
        ...(last ? { OR: [{ decidedAt: { gt: last.decidedAt } }, { decidedAt: last.decidedAt, id: { gt: last.id } }] } : {}),
      },
      orderBy: [{ decidedAt: "asc" }, { id: "asc" }],
      take,
      select: {
        id: true,
        version: true,
        ...decisionFieldsSelect,
        note: true,
        decidedAt: true,
        publishedAt: true,
        revision: { select: { number: true } },
        measure: { select: { code: true } },
      },
    }),
  );
  for await (const decision of decisions) {
    yield {
      plan: plan.slug,
      revision: decision.revision.number,
      measure: decision.measure.code,
      version: decision.version,
      timing: decision.timing,
      startsOn: isoDate(decision.startsOn),
      endsOn: isoDate(decision.endsOn),
      budgetCents: centsNumber(decision.budgetCents),
      fundingSource: decision.fundingSource,
      department: decision.department,
      note: decision.note,
      decidedAt: isoInstant(decision.decidedAt)!,
      publishedAt: isoInstant(decision.publishedAt)!,
    };
  }
}
