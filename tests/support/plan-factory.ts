import { readFileSync } from "node:fs";
import path from "node:path";
import type { PrismaClient } from "@/lib/db/generated/client";
import { importPlan, type ImportPlanResult } from "@/lib/plan/import-plan";
import { parsePlanDocument } from "@/lib/plan/parse-plan-document";

export const seedPlanFile = path.join(__dirname, "../../data/piano-locale-integrato-pisa-2007.txt");

export function importSeedPlan(prisma: PrismaClient, slug?: string): Promise<ImportPlanResult> {
  return importPlan(prisma, parsePlanDocument(readFileSync(seedPlanFile, "utf8")), { slug });
}

type MeasureEdit = { text?: string; budgetCents?: bigint | null; fundingSource?: string | null; department?: string | null; timing?: string | null };

/**
 * Copies a plan's current revision into revision n+1 with the given edits,
 * the way the synthesis workbench will: every measure gets a new version row.
 */
export async function createNextRevision(
  prisma: PrismaClient,
  planId: string,
  { edits = {}, retire = [], status = "PUBLISHED", summary = "" }: { edits?: Record<string, MeasureEdit>; retire?: string[]; status?: "DRAFT" | "PUBLISHED"; summary?: string } = {},
) {
  const plan = await prisma.plan.findUniqueOrThrow({ where: { id: planId }, select: { currentRevision: { select: { id: true, number: true } } } });
  const previous = plan.currentRevision!;
  return prisma.$transaction(async (tx) => {
    const revision = await tx.revision.create({
      data: { planId, number: previous.number + 1, status, summary, publishedAt: status === "PUBLISHED" ? new Date() : null },
    });
    const axes = await tx.axisVersion.findMany({ where: { revisionId: previous.id } });
    await tx.axisVersion.createMany({
      data: axes.map(({ id: _id, revisionId: _revisionId, ...axis }) => ({ ...axis, revisionId: revision.id })),
    });
    const measures = await tx.measureVersion.findMany({ where: { revisionId: previous.id }, include: { measure: { select: { code: true } } } });
    await tx.measureVersion.createMany({
      data: measures
        .filter((version) => !retire.includes(version.measure.code))
        .map(({ id: _id, revisionId: _revisionId, measure, ...version }) => ({ ...version, ...edits[measure.code], revisionId: revision.id })),
    });
    if (status === "PUBLISHED") await tx.plan.update({ where: { id: planId }, data: { currentRevisionId: revision.id } });
    return revision;
  });
}
