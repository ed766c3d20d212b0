import type { RevisionChangeKind } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import { type Db, type DecisionFields, decisionFieldsSelect, findPlanHeader, toDecisionFields } from "@/lib/plan/plan-read";
import { planSlugSchema, revisionNumberSchema } from "@/lib/plan/plan.schemas";
import { type WordDiffSegment, diffWords } from "./word-diff";

/**
 * A published revision compared with the previous published revision of the same plan, for its
 * public page: measure by measure (added, retired, text changed word by word, decision fields
 * old → new, moved within its axis) and axis by axis (title, expected results, measures intro).
 * Everything is computed from the two revisions' rows, so the page shows what really differs
 * whatever the drafting recorded; the recorded rationales are attached where they exist.
 * Drafts are not public: asking for one is NOT_FOUND, like a revision that does not exist.
 */

export type DecisionField = keyof DecisionFields;
export const decisionFieldOrder: readonly DecisionField[] = ["timing", "startsOn", "endsOn", "budgetCents", "fundingSource", "department"];

/** One decision field that differs; values as stored (budget in euro cents, dates as Date): the page formats them. */
export type FieldChange =
  | { field: "budgetCents"; before: number | null; after: number | null }
  | { field: "startsOn" | "endsOn"; before: Date | null; after: Date | null }
  | { field: "timing" | "fundingSource" | "department"; before: string | null; after: string | null };

export type MeasureDiffKind = "added" | "retired" | "changed" | "moved";

export interface MeasureDiff {
  measureId: string;
  code: string;
  /** "changed": text or decision fields differ (it may also have moved); "moved": only its place in the axis changed. */
  kind: MeasureDiffKind;
  /** Word-level diff of the text: one "added" segment for a new measure, one "removed" for a retired one; null when the text is the same. */
  text: WordDiffSegment[] | null;
  /** The text in the later revision (the earlier one for a retired measure). */
  currentText: string;
  fields: FieldChange[];
  /** 1-based place in its axis before and after, when the measure moved relative to the other measures kept. */
  moved: { from: number; to: number } | null;
}

export type BulletDiff = { kind: "same" | "added" | "removed" | "changed"; segments: WordDiffSegment[] };

export interface AxisDiff {
  axisId: string;
  number: number;
  /** Title in the later revision (the earlier one for an axis that was removed). */
  title: string;
  status: "added" | "removed" | "kept";
  titleDiff: WordDiffSegment[] | null;
  resultsIntroDiff: WordDiffSegment[] | null;
  /** Every bullet of the expected results, aligned; null when the list is the same. */
  bullets: BulletDiff[] | null;
  measuresIntroDiff: WordDiffSegment[] | null;
  /** Measures that differ, in the later revision's order (retired ones where they stood). */
  measures: MeasureDiff[];
  unchangedMeasures: number;
  /** Whether the axis' own texts (title, results, intro) differ. */
  axisChanged: boolean;
}

export interface DiffCounts {
  added: number;
  retired: number;
  changed: number;
  moved: number;
  unchanged: number;
  axesChanged: number;
}

export interface RevisionComparison {
  axes: AxisDiff[];
  counts: DiffCounts;
}

export interface RecordedRationale {
  kind: RevisionChangeKind;
  measureId: string | null;
  axisId: string | null;
  rationale: string;
  editorial: boolean;
}

export interface RevisionDiff {
  plan: { id: string; slug: string; title: string };
  revision: { id: string; number: number; summary: string; publishedAt: Date | null; isCurrent: boolean; fromRound: { id: string; title: string } | null };
  /** The previous published revision; null for the plan's first one (nothing to compare). */
  previous: { id: string; number: number; publishedAt: Date | null } | null;
  comparison: RevisionComparison | null;
  /** Rationales recorded while drafting, for the changes that have one. */
  rationales: RecordedRationale[];
}

const measureVersionSelect = { measureId: true, position: true, text: true, measure: { select: { code: true, axisId: true } }, ...decisionFieldsSelect } as const;
const axisVersionSelect = { axisId: true, position: true, title: true, resultsIntro: true, resultsBullets: true, measuresIntro: true, axis: { select: { number: true } } } as const;

export async function getRevisionDiff(db: Db, input: { slug: string; number: number | string }): Promise<RevisionDiff> {
  const slug = planSlugSchema.safeParse(input.slug);
  const number = revisionNumberSchema.safeParse(input.number);
  if (!slug.success || !number.success) throw new AppError("NOT_FOUND", "synthesis.revision.notFound");
  const plan = await findPlanHeader(db, { slug: slug.data });
  const revision = await db.revision.findFirst({
    where: { planId: plan.id, number: number.data, status: "PUBLISHED" },
    select: { id: true, number: true, summary: true, publishedAt: true, fromRound: { select: { id: true, title: true } } },
  });
  if (!revision) throw new AppError("NOT_FOUND", "synthesis.revision.notFound");
  const previous = await db.revision.findFirst({
    where: { planId: plan.id, status: "PUBLISHED", number: { lt: revision.number } },
    orderBy: { number: "desc" },
    select: { id: true, number: true, publishedAt: true },
  });
  const [comparison, rationales] = await Promise.all([
    previous ? compareRevisions(db, previous.id, revision.id) : Promise.resolve(null),
    db.revisionChange.findMany({
      where: { revisionId: revision.id },
      orderBy: { createdAt: "asc" },
      select: { kind: true, measureId: true, axisId: true, rationale: true, editorial: true },
    }),
  ]);
  return {
    plan: { id: plan.id, slug: plan.slug, title: plan.title },
    revision: { ...revision, isCurrent: plan.currentRevision?.id === revision.id },
    previous,
    comparison,
    rationales,
  };
}

/** Compares two revisions of one plan (any status: callers decide what is public). */
export async function compareRevisions(db: Db, beforeId: string, afterId: string): Promise<RevisionComparison> {
  const [beforeAxes, afterAxes, beforeMeasures, afterMeasures] = await Promise.all([
    db.axisVersion.findMany({ where: { revisionId: beforeId }, orderBy: { position: "asc" }, select: axisVersionSelect }),
    db.axisVersion.findMany({ where: { revisionId: afterId }, orderBy: { position: "asc" }, select: axisVersionSelect }),
    db.measureVersion.findMany({ where: { revisionId: beforeId }, orderBy: { position: "asc" }, select: measureVersionSelect }),
    db.measureVersion.findMany({ where: { revisionId: afterId }, orderBy: { position: "asc" }, select: measureVersionSelect }),
  ]);
  type Axis = (typeof afterAxes)[number];
  type Version = (typeof afterMeasures)[number];

  // Axes in the later revision's order, then any axis that only the earlier one has.
  const axisOrder: { before?: Axis; after?: Axis }[] = afterAxes.map((after) => ({ after, before: beforeAxes.find((axis) => axis.axisId === after.axisId) }));
  for (const before of beforeAxes) if (!afterAxes.some((axis) => axis.axisId === before.axisId)) axisOrder.push({ before });

  const byAxis = (versions: Version[], axisId: string) => versions.filter((version) => version.measure.axisId === axisId);
  const counts: DiffCounts = { added: 0, retired: 0, changed: 0, moved: 0, unchanged: 0, axesChanged: 0 };
  const axes: AxisDiff[] = [];

  for (const { before, after } of axisOrder) {
    const axisId = (after ?? before)!.axisId;
    const earlier = byAxis(beforeMeasures, axisId);
    const later = byAxis(afterMeasures, axisId);
    const earlierIds = new Set(earlier.map((version) => version.measureId));
    const laterIds = new Set(later.map((version) => version.measureId));
    const keptEarlier = earlier.filter((version) => laterIds.has(version.measureId)).map((version) => version.measureId);
    const keptLater = later.filter((version) => earlierIds.has(version.measureId)).map((version) => version.measureId);
    const stayed = new Set(longestCommonSubsequence(keptEarlier, keptLater));

    const measures: MeasureDiff[] = [];
    let unchanged = 0;
    const retiredHere = earlier.filter((version) => !laterIds.has(version.measureId));
    const emitRetiredBefore = (earlierIndex: number) => {
      while (retiredHere.length > 0 && earlier.indexOf(retiredHere[0]!) <= earlierIndex) {
        const version = retiredHere.shift()!;
        measures.push({ measureId: version.measureId, code: version.measure.code, kind: "retired", text: [{ kind: "removed", text: version.text }], currentText: version.text, fields: [], moved: null });
      }
    };
    for (const version of later) {
      const old = earlier.find((candidate) => candidate.measureId === version.measureId);
      if (!old) {
        measures.push({ measureId: version.measureId, code: version.measure.code, kind: "added", text: [{ kind: "added", text: version.text }], currentText: version.text, fields: [], moved: null });
        continue;
      }
      emitRetiredBefore(earlier.indexOf(old));
      const text = old.text === version.text ? null : diffWords(old.text, version.text);
      const fields = fieldChanges(toDecisionFields(old), toDecisionFields(version));
      const moved = stayed.has(version.measureId) ? null : { from: earlier.indexOf(old) + 1, to: later.indexOf(version) + 1 };
      if (!text && fields.length === 0 && !moved) {
        unchanged += 1;
        continue;
      }
      measures.push({ measureId: version.measureId, code: version.measure.code, kind: text || fields.length > 0 ? "changed" : "moved", text, currentText: version.text, fields, moved });
    }
    emitRetiredBefore(Number.POSITIVE_INFINITY);

    const titleDiff = textDiff(before?.title, after?.title);
    const resultsIntroDiff = textDiff(before?.resultsIntro, after?.resultsIntro);
    const measuresIntroDiff = textDiff(before?.measuresIntro, after?.measuresIntro);
    const bullets = sameList(before?.resultsBullets ?? [], after?.resultsBullets ?? []) ? null : diffBullets(before?.resultsBullets ?? [], after?.resultsBullets ?? []);
    const axisChanged = !before || !after || titleDiff !== null || resultsIntroDiff !== null || measuresIntroDiff !== null || bullets !== null;

    for (const measure of measures) {
      if (measure.kind === "added") counts.added += 1;
      else if (measure.kind === "retired") counts.retired += 1;
      else if (measure.kind === "changed") counts.changed += 1;
      if (measure.moved) counts.moved += 1;
    }
    counts.unchanged += unchanged;
    if (axisChanged) counts.axesChanged += 1;
    axes.push({
      axisId,
      number: (after ?? before)!.axis.number,
      title: (after ?? before)!.title,
      status: !before ? "added" : !after ? "removed" : "kept",
      titleDiff,
      resultsIntroDiff,
      bullets,
      measuresIntroDiff,
      measures,
      unchangedMeasures: unchanged,
      axisChanged,
    });
  }
  return { axes, counts };
}

function textDiff(before: string | undefined, after: string | undefined): WordDiffSegment[] | null {
  if ((before ?? "") === (after ?? "")) return null;
  return diffWords(before ?? "", after ?? "");
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index]);
}

function fieldChanges(before: DecisionFields, after: DecisionFields): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of decisionFieldOrder) {
    const a = before[field];
    const b = after[field];
    const same = a instanceof Date || b instanceof Date ? (a as Date | null)?.getTime() === (b as Date | null)?.getTime() : a === b;
    if (!same) changes.push({ field, before: a, after: b } as FieldChange);
  }
  return changes;
}

/**
 * Bullets aligned on the longest run of identical ones; between two identical bullets, removed and
 * added ones are paired in order as "changed" (word diff), the rest stay added or removed.
 */
function diffBullets(before: readonly string[], after: readonly string[]): BulletDiff[] {
  const common = longestCommonSubsequencePairs(before, after);
  const result: BulletDiff[] = [];
  let i = 0;
  let j = 0;
  const flush = (iEnd: number, jEnd: number) => {
    const removed = before.slice(i, iEnd);
    const added = after.slice(j, jEnd);
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) result.push({ kind: "changed", segments: diffWords(removed[k]!, added[k]!) });
    for (const text of removed.slice(paired)) result.push({ kind: "removed", segments: [{ kind: "removed", text }] });
    for (const text of added.slice(paired)) result.push({ kind: "added", segments: [{ kind: "added", text }] });
  };
  for (const [bi, aj] of common) {
    flush(bi, aj);
    result.push({ kind: "same", segments: [{ kind: "same", text: before[bi]! }] });
    i = bi + 1;
    j = aj + 1;
  }
  flush(before.length, after.length);
  return result;
}

/** Index pairs of a longest common subsequence (lists here are short: dozens of items). */
function longestCommonSubsequencePairs<T>(a: readonly T[], b: readonly T[]): [number, number][] {
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!);
    }
  }
  const pairs: [number, number][] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) i++;
    else j++;
  }
  return pairs;
}

function longestCommonSubsequence<T>(a: readonly T[], b: readonly T[]): T[] {
  return longestCommonSubsequencePairs(a, b).map(([i]) => a[i]!);
}
