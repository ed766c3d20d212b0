import type { ImplementationStatus } from "@/lib/db/generated/enums";
import { type AccountableMeasure, type PlanDecisions, getPlanDecisions } from "@/lib/decisions/plan-decisions";
import { AppError } from "@/lib/errors/app-error";
import { type Db, type DecisionFields, type PlanRef, decisionFieldsSelect, toDecisionFields } from "@/lib/plan/plan-read";

/** A published version of a measure's decision: what was decided and when (never who). */
export interface PublishedDecisionVersion {
  revisionNumber: number;
  version: number;
  fields: DecisionFields;
  note: string;
  decidedAt: Date;
  publishedAt: Date;
}

export interface ProgressUpdateView {
  id: string;
  status: ImplementationStatus;
  progressPercent: number;
  text: string;
  createdAt: Date;
}

export interface MeasureProgressView {
  plan: Pick<PlanDecisions, "id" | "slug" | "title" | "revision">;
  axis: { number: number; title: string };
  /** Public fields, public decision (note), status and progress, as on the accountability page. */
  measure: AccountableMeasure;
  /** Every published decision version of the measure, in any revision, newest first. */
  decisionVersions: PublishedDecisionVersion[];
  /** Every progress update, newest first (the first one gives the status). */
  updates: ProgressUpdateView[];
}

/**
 * One measure of the plan's revision in force, for its public progress page: what getPlanDecisions
 * says of it, the history of its published decisions (dates, fields, notes; the deciders are not
 * public) and its dated progress updates (authors not public either). NOT_FOUND when the measure is
 * not in the revision in force.
 */
export async function getMeasureProgress(db: Db, ref: PlanRef, code: string): Promise<MeasureProgressView> {
  const plan = await getPlanDecisions(db, ref);
  const axis = plan.axes.find((candidate) => candidate.measures.some((measure) => measure.code === code));
  const measure = axis?.measures.find((candidate) => candidate.code === code);
  if (!axis || !measure) throw new AppError("NOT_FOUND", "accountability.errors.measureNotFound", { value: code });

  const [versions, updates] = await Promise.all([
    db.decision.findMany({
      where: { measureId: measure.id, publishedAt: { not: null } },
      orderBy: [{ revision: { number: "desc" } }, { version: "desc" }],
      select: { version: true, ...decisionFieldsSelect, note: true, decidedAt: true, publishedAt: true, revision: { select: { number: true } } },
    }),
    db.progressUpdate.findMany({
      where: { measureId: measure.id },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, status: true, progressPercent: true, text: true, createdAt: true },
    }),
  ]);

  return {
    plan: { id: plan.id, slug: plan.slug, title: plan.title, revision: plan.revision },
    axis: { number: axis.number, title: axis.title },
    measure,
    decisionVersions: versions.map(({ revision, version, note, decidedAt, publishedAt, ...fields }) => ({
      revisionNumber: revision.number,
      version,
      fields: toDecisionFields(fields),
      note,
      decidedAt,
      publishedAt: publishedAt as Date,
    })),
    updates,
  };
}
