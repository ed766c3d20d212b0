import { AppError } from "@/lib/errors/app-error";
import {
  type Db,
  type DecisionFields,
  type PlanHeader,
  type PlanRef,
  decisionFieldsSelect,
  findPlanHeader,
  toDecisionFields,
} from "./plan-read";

export type PlanMeasure = { id: string; code: string; position: number; text: string } & DecisionFields;

export type PlanAxis = {
  id: string;
  number: number;
  title: string;
  resultsIntro: string;
  resultsBullets: string[];
  measuresIntro: string;
  measures: PlanMeasure[];
};

export type PlanRevisionHeader = {
  id: string;
  number: number;
  status: "DRAFT" | "PUBLISHED";
  publishedAt: Date | null;
  summary: string;
};

export type PlanView = Omit<PlanHeader, "currentRevision"> & {
  revision: PlanRevisionHeader;
  currentRevisionNumber: number | null;
  axes: PlanAxis[];
};

/**
 * The plan as of one revision (the one in force unless a number is given):
 * axes in order with their expected results and measures with decision fields.
 * Only published revisions are public; drafts belong to the synthesis workbench.
 */
export async function getPlan(db: Db, ref: PlanRef, revisionNumber?: number): Promise<PlanView> {
  const plan = await findPlanHeader(db, ref);
  const revision =
    revisionNumber === undefined
      ? plan.currentRevision
      : await db.revision.findFirst({
          where: { planId: plan.id, number: revisionNumber, status: "PUBLISHED" },
          select: { id: true, number: true, status: true, publishedAt: true, summary: true },
        });
  if (!revision) throw new AppError("NOT_FOUND", "errors.revisionNotFound", { value: revisionNumber ?? "-" });

  const [axisVersions, measureVersions] = await Promise.all([
    db.axisVersion.findMany({
      where: { revisionId: revision.id },
      orderBy: { position: "asc" },
      select: {
        axisId: true,
        title: true,
        resultsIntro: true,
        resultsBullets: true,
        measuresIntro: true,
        axis: { select: { number: true } },
      },
    }),
    db.measureVersion.findMany({
      where: { revisionId: revision.id },
      orderBy: { position: "asc" },
      select: { measureId: true, position: true, text: true, ...decisionFieldsSelect, measure: { select: { code: true, axisId: true } } },
    }),
  ]);

  const axes: PlanAxis[] = axisVersions.map((version) => ({
    id: version.axisId,
    number: version.axis.number,
    title: version.title,
    resultsIntro: version.resultsIntro,
    resultsBullets: version.resultsBullets,
    measuresIntro: version.measuresIntro,
    measures: [],
  }));
  const axisById = new Map(axes.map((axis) => [axis.id, axis]));
  for (const version of measureVersions) {
    axisById.get(version.measure.axisId)?.measures.push({
      id: version.measureId,
      code: version.measure.code,
      position: version.position,
      text: version.text,
      ...toDecisionFields(version),
    });
  }

  const { currentRevision, ...header } = plan;
  return { ...header, revision, currentRevisionNumber: currentRevision?.number ?? null, axes };
}
