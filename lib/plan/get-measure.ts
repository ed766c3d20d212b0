import { AppError } from "@/lib/errors/app-error";
import { type Db, type DecisionFields, type PlanRef, decisionFieldsSelect, findPlanHeader, toDecisionFields } from "./plan-read";

export type MeasureRevisionEntry = {
  revision: { number: number; status: "DRAFT" | "PUBLISHED"; publishedAt: Date | null };
  text: string;
} & DecisionFields;

export type MeasureView = {
  id: string;
  code: string;
  plan: { id: string; slug: string; title: string; currentRevisionNumber: number | null };
  axis: { id: string; number: number; title: string };
  /** The version in the revision in force, or null when the measure was retired. */
  current: MeasureRevisionEntry | null;
  /** Every published revision in which the measure exists, oldest first. */
  history: MeasureRevisionEntry[];
};

export async function getMeasure(db: Db, planRef: PlanRef, code: string): Promise<MeasureView> {
  const plan = await findPlanHeader(db, planRef);
  const measure = await db.measure.findUnique({
    where: { planId_code: { planId: plan.id, code } },
    select: {
      id: true,
      code: true,
      axis: { select: { id: true, number: true, versions: { select: { revisionId: true, title: true } } } },
      versions: {
        where: { revision: { status: "PUBLISHED" } },
        orderBy: { revision: { number: "asc" } },
        select: {
          text: true,
          ...decisionFieldsSelect,
          revision: { select: { id: true, number: true, status: true, publishedAt: true } },
        },
      },
    },
  });
  if (!measure || measure.versions.length === 0) throw new AppError("NOT_FOUND", "errors.measureNotFound", { value: code });

  const history = measure.versions.map((version) => ({
    revision: { number: version.revision.number, status: version.revision.status, publishedAt: version.revision.publishedAt },
    text: version.text,
    ...toDecisionFields(version),
  }));
  const currentRevisionId = plan.currentRevision?.id;
  const currentIndex = measure.versions.findIndex((version) => version.revision.id === currentRevisionId);
  const latestRevisionId = measure.versions.at(-1)?.revision.id;
  // The axis title as of the revision in force, else as of the measure's last revision.
  const axisTitle =
    measure.axis.versions.find((version) => version.revisionId === (currentIndex >= 0 ? currentRevisionId : latestRevisionId))?.title ?? "";

  return {
    id: measure.id,
    code: measure.code,
    plan: { id: plan.id, slug: plan.slug, title: plan.title, currentRevisionNumber: plan.currentRevision?.number ?? null },
    axis: { id: measure.axis.id, number: measure.axis.number, title: axisTitle },
    current: currentIndex >= 0 ? (history[currentIndex] ?? null) : null,
    history,
  };
}
