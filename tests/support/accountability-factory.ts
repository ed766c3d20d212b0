/**
 * Plans with decisions and progress updates for the accountability tests, written directly with
 * prisma (the decision services are tested on their own): a small hand-built plan whose measures
 * have the fields, published decisions and updates each test needs.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { ImplementationStatus } from "@/lib/db/generated/enums";

export type FieldsSpec = {
  timing?: string | null;
  startsOn?: Date | null;
  endsOn?: Date | null;
  budgetCents?: bigint | null;
  fundingSource?: string | null;
  department?: string | null;
};

/** Axis number → its measures' revision fields, in order (codes "<axis>.<n>"). */
export type PlanSpec = Record<number, FieldsSpec[]>;

export interface AccountabilityPlan {
  id: string;
  slug: string;
  revisionId: string;
  /** A measure's id by code (throws for a code the plan does not have). */
  measure(code: string): string;
}

let plans = 0;

/** A plan with one published revision (current): the given axes and measures, their revision fields. */
export async function handBuiltPlan(db: PrismaClient, spec: PlanSpec, slugPrefix = "attuazione"): Promise<AccountabilityPlan> {
  plans += 1;
  const slug = `${slugPrefix}-${plans}-${Date.now().toString(36)}`;
  return db.$transaction(async (tx) => {
    const plan = await tx.plan.create({ data: { slug, title: `Piano di attuazione ${plans}`, issuer: "Provincia di Pisa" }, select: { id: true } });
    const revision = await tx.revision.create({ data: { planId: plan.id, number: 1, status: "PUBLISHED", publishedAt: new Date(), summary: "Prima revisione" }, select: { id: true } });
    const measures: Record<string, string> = {};
    let axisPosition = 0;
    for (const [number, measureSpecs] of Object.entries(spec)) {
      const axis = await tx.axis.create({ data: { planId: plan.id, number: Number(number) }, select: { id: true } });
      await tx.axisVersion.create({ data: { axisId: axis.id, revisionId: revision.id, position: axisPosition++, title: `Asse numero ${number}`, resultsBullets: [] } });
      for (const [index, fields] of measureSpecs.entries()) {
        const code = `${number}.${index + 1}`;
        const measure = await tx.measure.create({ data: { planId: plan.id, axisId: axis.id, code }, select: { id: true } });
        await tx.measureVersion.create({ data: { measureId: measure.id, revisionId: revision.id, position: index, text: `Testo della misura ${code}: azioni per la comunità.`, ...fields } });
        measures[code] = measure.id;
      }
    }
    await tx.plan.update({ where: { id: plan.id }, data: { currentRevisionId: revision.id } });
    const measure = (code: string): string => {
      const id = measures[code];
      if (!id) throw new Error(`no measure ${code} in ${slug}`);
      return id;
    };
    return { id: plan.id, slug, revisionId: revision.id, measure };
  });
}

/**
 * A decision version on (revision, measure): published now unless `published: false` (a draft's
 * decision, not public yet). Versions count from 1 per (revision, measure).
 */
export async function decide(
  db: PrismaClient,
  revisionId: string,
  measureId: string,
  fields: FieldsSpec & { note?: string },
  { published = true, decidedById = null, at = new Date() }: { published?: boolean; decidedById?: string | null; at?: Date } = {},
): Promise<{ id: string; version: number }> {
  const previous = await db.decision.count({ where: { revisionId, measureId } });
  return db.decision.create({
    data: { revisionId, measureId, version: previous + 1, ...fields, decidedById, decidedAt: at, publishedAt: published ? at : null },
    select: { id: true, version: true },
  });
}

/** A progress update written directly, at a given time (so tests control the order). */
export async function progressUpdate(
  db: PrismaClient,
  measureId: string,
  status: ImplementationStatus,
  progressPercent: number,
  { at = new Date(), text = `Aggiornamento: ${status} al ${progressPercent}%.`, authorId = null }: { at?: Date; text?: string; authorId?: string | null } = {},
): Promise<string> {
  return (await db.progressUpdate.create({ data: { measureId, status, progressPercent, text, authorId, createdAt: at }, select: { id: true } })).id;
}
