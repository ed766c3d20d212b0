import type { MeasureView } from "./get-measure";
import type { PlanView } from "./get-plan";
import type { PlanSummary } from "./list-plans";
import type { MeasureDetailDto, PlanDto, PlanListDto } from "./plan.schemas";
import type { DecisionFields } from "./plan-read";

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function decisionFieldsDto(fields: DecisionFields) {
  return {
    timing: fields.timing,
    startsOn: iso(fields.startsOn),
    endsOn: iso(fields.endsOn),
    budgetCents: fields.budgetCents,
    fundingSource: fields.fundingSource,
    department: fields.department,
  };
}

export function toPlanListDto(plans: PlanSummary[]): PlanListDto {
  return {
    plans: plans.map((plan) => ({
      ...plan,
      currentRevision: plan.currentRevision ? { number: plan.currentRevision.number, publishedAt: iso(plan.currentRevision.publishedAt) } : null,
    })),
  };
}

export function toPlanDto(plan: PlanView): PlanDto {
  return {
    id: plan.id,
    slug: plan.slug,
    title: plan.title,
    subtitle: plan.subtitle,
    issuer: plan.issuer,
    introduction: plan.introduction,
    currentRevision: {
      number: plan.revision.number,
      status: plan.revision.status,
      publishedAt: iso(plan.revision.publishedAt),
      summary: plan.revision.summary,
    },
    axes: plan.axes.map((axis) => ({
      number: axis.number,
      title: axis.title,
      expectedResults: { intro: axis.resultsIntro, bullets: axis.resultsBullets },
      measuresIntro: axis.measuresIntro,
      measures: axis.measures.map((measure) => ({ code: measure.code, text: measure.text, ...decisionFieldsDto(measure) })),
    })),
  };
}

export function toMeasureDetailDto(measure: MeasureView): MeasureDetailDto {
  const version = (entry: MeasureView["history"][number]) => ({
    revision: { number: entry.revision.number, publishedAt: iso(entry.revision.publishedAt) },
    text: entry.text,
    ...decisionFieldsDto(entry),
  });
  return {
    code: measure.code,
    plan: { id: measure.plan.id, slug: measure.plan.slug, title: measure.plan.title },
    axis: { number: measure.axis.number, title: measure.axis.title },
    current: measure.current ? version(measure.current) : null,
    history: measure.history.map(version),
  };
}
