import { randomUUID } from "node:crypto";
import { basename } from "node:path";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { AppError } from "@/lib/errors/app-error";
import { calendarDate } from "./calendar-date";
import { parsePlanDocument } from "./parse-plan-document";
import { parsedPlanSchema, type ParsedPlan } from "./plan.schemas";
import { readPlanFile } from "./read-plan-file";

export type ImportPlanOptions = {
  /** Base for the plan's slug (normalised, suffixed -2, -3… when taken); default: from the title. */
  slug?: string;
  sourceFileName?: string;
};

export type ImportPlanResult = {
  planId: string;
  revisionId: string;
  slug: string;
  axes: number;
  measures: number;
  /** Sum of the decided budgets; budgets still to be decided count as nothing. */
  budgetCents: bigint;
};

type Tx = Prisma.TransactionClient;

/**
 * Creates a new plan whose revision 1 (published) holds the parsed document.
 * One transaction: on any failure nothing is written.
 */
export async function importPlan(
  prisma: PrismaClient,
  parsed: ParsedPlan,
  options: ImportPlanOptions = {},
): Promise<ImportPlanResult> {
  const plan = validated(parsed);
  return prisma.$transaction(async (tx) => {
    await lockPlanImports(tx);
    return writePlan(tx, plan, options);
  });
}

/**
 * First start: imports the seed document only when the database holds no plan.
 * Several instances starting together are serialised by the import lock, and
 * the check is repeated under it. Returns null when a plan already existed.
 */
export async function importSeedPlanIfEmpty(prisma: PrismaClient, file: string): Promise<ImportPlanResult | null> {
  if (await hasAnyPlan(prisma)) return null; // the usual case: skip reading the file
  const plan = validated(parsePlanDocument(await readPlanFile(file)));
  return prisma.$transaction(async (tx) => {
    await lockPlanImports(tx);
    if (await hasAnyPlan(tx)) return null;
    return writePlan(tx, plan, { sourceFileName: basename(file) });
  });
}

async function hasAnyPlan(db: Tx): Promise<boolean> {
  return (await db.plan.findFirst({ select: { id: true } })) !== null;
}

/** Transaction-scoped advisory lock: concurrent imports cannot pick the same slug or double-seed. */
async function lockPlanImports(tx: Tx): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('consulta.plan-import'))`;
}

/** Callers may build a ParsedPlan by hand; the parser's invariants are checked again. */
function validated(parsed: ParsedPlan): ParsedPlan {
  const result = parsedPlanSchema.safeParse(parsed);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new AppError("VALIDATION", "planImport.errors.invalidPlan", { issues: issues.join("; ") }, result.error.issues);
}

async function writePlan(tx: Tx, plan: ParsedPlan, options: ImportPlanOptions): Promise<ImportPlanResult> {
  const slug = await freeSlug(tx, slugify(options.slug ?? plan.title));
  const { id: planId } = await tx.plan.create({
    data: {
      slug,
      title: plan.title,
      subtitle: plan.subtitle,
      issuer: plan.issuer,
      introduction: plan.introduction,
      sourceFileName: options.sourceFileName ?? null,
    },
    select: { id: true },
  });
  const { id: revisionId } = await tx.revision.create({
    data: { planId, number: 1, status: "PUBLISHED", publishedAt: new Date() },
    select: { id: true },
  });
  const rows = contentRows(plan, planId, revisionId);
  // Batched inserts with client-side ids: a constant number of round trips whatever the plan's size.
  await tx.axis.createMany({ data: rows.axes });
  await tx.axisVersion.createMany({ data: rows.axisVersions });
  await tx.measure.createMany({ data: rows.measures });
  await tx.measureVersion.createMany({ data: rows.measureVersions });
  await tx.plan.update({ where: { id: planId }, data: { currentRevisionId: revisionId } });
  return {
    planId,
    revisionId,
    slug,
    axes: rows.axes.length,
    measures: rows.measures.length,
    budgetCents: rows.measureVersions.reduce((sum, version) => sum + (version.budgetCents ?? 0n), 0n),
  };
}

type ContentRows = {
  axes: Prisma.AxisCreateManyInput[];
  axisVersions: Prisma.AxisVersionCreateManyInput[];
  measures: Prisma.MeasureCreateManyInput[];
  measureVersions: (Prisma.MeasureVersionCreateManyInput & { budgetCents: bigint | null })[];
};

/** Axis positions follow the document; measure positions run through the whole revision in document order. */
function contentRows(plan: ParsedPlan, planId: string, revisionId: string): ContentRows {
  const rows: ContentRows = { axes: [], axisVersions: [], measures: [], measureVersions: [] };
  plan.axes.forEach((axis, axisIndex) => {
    const axisId = randomUUID();
    rows.axes.push({ id: axisId, planId, number: axis.number });
    rows.axisVersions.push({
      axisId,
      revisionId,
      position: axisIndex + 1,
      title: axis.title,
      resultsIntro: axis.resultsIntro,
      resultsBullets: axis.resultsBullets,
      measuresIntro: axis.measuresIntro,
    });
    for (const measure of axis.measures) {
      const measureId = randomUUID();
      rows.measures.push({ id: measureId, planId, axisId, code: measure.code });
      rows.measureVersions.push({
        measureId,
        revisionId,
        position: rows.measureVersions.length + 1,
        text: measure.text,
        timing: measure.timing,
        startsOn: calendarDate(measure.startsOn),
        endsOn: calendarDate(measure.endsOn),
        budgetCents: measure.budgetCents,
        fundingSource: measure.fundingSource,
        department: measure.department,
      });
    }
  });
  return rows;
}

const MAX_SLUG_BASE_LENGTH = 60;

/** "Quadro di riferimento per un Piano Locale Integrato" → "quadro-di-riferimento-per-un-piano-locale-integrato". */
export function slugify(text: string): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "") // accents: "Capacità" → "capacita"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_BASE_LENGTH)
    .replace(/-+$/, "");
  return slug || "piano";
}

async function freeSlug(tx: Tx, base: string): Promise<string> {
  const rows = await tx.plan.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  const taken = new Set(rows.map((row) => row.slug));
  if (!taken.has(base)) return base;
  let suffix = 2;
  while (taken.has(`${base}-${suffix}`)) suffix++;
  return `${base}-${suffix}`;
}
