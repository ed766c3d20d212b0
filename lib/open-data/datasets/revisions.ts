import type { PrismaClient } from "@/lib/db/client";
import { decisionFieldsSelect } from "@/lib/plan/plan-read";
import { defineDataset } from "../dataset";
import { isoDate } from "@/lib/plan/calendar-date";
import { centsNumber, isoInstant, keysetBatches } from "../keyset";
import { type RevisionRow, planDatasetQuerySchema, revisionRowSchema, revisionsDocumentSchema } from "../open-data.schemas";
import { planFilter } from "../plan-filter";

/** Every published revision of a plan, measure by measure (drafts never). */
export const revisionsDataset = defineDataset({
  name: "revisions",
  query: planDatasetQuerySchema,
  row: revisionRowSchema,
  document: revisionsDocumentSchema,
  filters: [{ name: "plan", required: false }],
  async open(db: PrismaClient, query) {
    const plan = await planFilter(db, query.plan);
    return rows(db, plan);
  },
});

async function* rows(db: PrismaClient, plan: { id: string; slug: string }): AsyncGenerator<RevisionRow> {
  const revisions = await db.revision.findMany({
    where: { planId: plan.id, status: "PUBLISHED", publishedAt: { not: null } },
    orderBy: { number: "asc" },
    select: { id: true, number: true, publishedAt: true, axisVersions: { select: { axisId: true, title: true, axis: { select: { number: true } } } } },
  });
  for (const revision of revisions) {
    const axes = new Map(revision.axisVersions.map((version) => [version.axisId, { number: version.axis.number, title: version.title }]));
    const versions = keysetBatches((last: { id: string; position: number } | null, take) =>
      db.measureVersion.findMany({
        where: { revisionId: revision.id, ...(last ? { OR: [{ position: { gt: last.position } }, { position: last.position, id: { gt: last.id } }] } : {}) },
        orderBy: [{ position: "asc" }, { id: "asc" }],
        take,
        select: { id: true, position: true, text: true, ...decisionFieldsSelect, measure: { select: { code: true, axisId: true } } },
      }),
    );
    for await (const version of versions) {
      const axis = axes.get(version.measure.axisId);
      yield {
        plan: plan.slug,
        revision: revision.number,
        publishedAt: isoInstant(revision.publishedAt)!,
        axis: axis?.number ?? Number(version.measure.code.split(".")[0]),
        axisTitle: axis?.title ?? "",
        measure: version.measure.code,
        position: version.position,
        text: version.text,
        timing: version.timing,
        startsOn: isoDate(version.startsOn),
        endsOn: isoDate(version.endsOn),
        budgetCents: centsNumber(version.budgetCents),
        fundingSource: version.fundingSource,
        department: version.department,
      };
    }
  }
}
