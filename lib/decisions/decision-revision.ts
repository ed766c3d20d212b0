import type { PrismaClient } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { RevisionStatus, RoundStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors/app-error";
import type { Db } from "@/lib/plan/plan-read";
import { lockPlanRounds } from "@/lib/rounds/round-overlap";
import { lockingTransaction } from "@/lib/rounds/transaction-options";
import { decisionColumns, decisionOf } from "@/lib/synthesis/record-revision-change";
import { type DecisionValueKey, type DecisionValues, type RevisionAddress, decisionValueKeys, revisionAddressSchema } from "./decisions.schemas";

/**
 * Internal core of the decision use cases: which revision an address names, whether its decisions
 * may change, a measure's current values, and what changed between two versions.
 */

export interface DecisionRevision {
  plan: { id: string; slug: string; title: string; currentRevisionId: string | null };
  revision: { id: string; number: number; status: RevisionStatus; publishedAt: Date | null; fromRound: { id: string; title: string; status: RoundStatus } | null };
  /** Decisions may be recorded: the plan's current published revision, or a draft of a round in synthesis. */
  editable: boolean;
  /** Decisions recorded now are public at once (the current published revision). */
  publishesAtOnce: boolean;
}

export const revisionNotFound = () => new AppError("NOT_FOUND", "decisions.errors.revisionNotFound");
export const measureNotFound = () => new AppError("NOT_FOUND", "decisions.errors.measureNotFound");

/** The plan and revision of `/piani/<slug>/revisioni/<n>`; NOT_FOUND when either does not exist. */
export async function findDecisionRevision(db: Db, addressInput: unknown): Promise<DecisionRevision> {
  const parsed = revisionAddressSchema.safeParse(addressInput);
  if (!parsed.success) throw revisionNotFound();
  const address: RevisionAddress = parsed.data;
  const plan = await db.plan.findUnique({ where: { slug: address.slug }, select: { id: true, slug: true, title: true, currentRevisionId: true } });
  if (!plan) throw revisionNotFound();
  const revision = await db.revision.findUnique({
    where: { planId_number: { planId: plan.id, number: address.number } },
    select: { id: true, number: true, status: true, publishedAt: true, fromRound: { select: { id: true, title: true, status: true } } },
  });
  if (!revision) throw revisionNotFound();
  const publishesAtOnce = revision.status === "PUBLISHED" && plan.currentRevisionId === revision.id;
  const editable = publishesAtOnce || (revision.status === "DRAFT" && revision.fromRound?.status === "SYNTHESIS");
  return { plan, revision, editable, publishesAtOnce };
}

/** Refuses (CONFLICT) a revision whose decisions can no longer change: an older published one, or a draft whose round left synthesis. */
export function assertEditable(found: DecisionRevision): void {
  if (!found.editable) throw new AppError("CONFLICT", found.revision.status === "PUBLISHED" ? "decisions.errors.revisionNotCurrent" : "decisions.errors.draftNotInSynthesis");
}

/** A row's decision values (a MeasureVersion has no note: ""). */
export function valuesOf(row: Parameters<typeof decisionOf>[0] & { note?: string }): DecisionValues {
  return { ...decisionOf(row), note: row.note ?? "" };
}

/** Decision values as Decision columns. */
export function columnsOf(values: DecisionValues) {
  return { ...decisionColumns(values), note: values.note };
}

/** The four fields (and the note) that differ between two versions, in a fixed order. */
export function changedKeys(before: DecisionValues, after: DecisionValues, { withNote = true }: { withNote?: boolean } = {}): DecisionValueKey[] {
  return decisionValueKeys.filter((key) => (withNote || key !== "note") && before[key] !== after[key]);
}

/** Is a Prisma error the unique key of (revision, measure, version)? Two saves of one version raced. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === "P2002";
}

export const concurrentSave = () => new AppError("CONFLICT", "decisions.errors.staleVersion");

/** The name shown for who decided (erased accounts: null, the page shows "anonymous"). */
export const deciderSelect = { select: { name: true, erasedAt: true, profile: { select: { displayName: true } } } } as const;
export function deciderName(user: { name: string | null; erasedAt: Date | null; profile: { displayName: string } | null } | null): string | null {
  if (!user || user.erasedAt) return null;
  return user.profile?.displayName ?? user.name ?? null;
}

/** Checks that chosen list labels exist in the list of their kind (archived ones included: a decision may keep its label). */
export async function assertKnownOptions(db: Db, choices: { fundingSource: { label: string; fromList: boolean } | null; department: { label: string; fromList: boolean } | null }): Promise<void> {
  const wanted = [
    choices.fundingSource?.fromList ? { kind: "FUNDING_SOURCE" as const, label: choices.fundingSource.label, field: "fundingSource" } : null,
    choices.department?.fromList ? { kind: "DEPARTMENT" as const, label: choices.department.label, field: "department" } : null,
  ].filter((entry) => entry !== null);
  if (wanted.length === 0) return;
  const found = await db.decisionOption.findMany({ where: { OR: wanted.map(({ kind, label }) => ({ kind, label })) }, select: { kind: true, label: true } });
  const details: Record<string, string> = {};
  for (const entry of wanted) {
    if (!found.some((row) => row.kind === entry.kind && row.label === entry.label)) details[entry.field] = "decisions.fields.optionUnknown";
  }
  if (Object.keys(details).length > 0) throw new AppError("VALIDATION", "decisions.errors.validation", {}, details);
}

/**
 * Runs a decision write: one transaction under the plan's lock (the one publishing and drafting take,
 * so a draft's decision cannot slip past its publication), on a revision whose decisions may change
 * (assertEditable). Two saves of one version (the unique key) become CONFLICT "decisions.errors.staleVersion".
 */
export async function decidingTransaction<T>(db: PrismaClient, address: unknown, write: (tx: Prisma.TransactionClient, found: DecisionRevision) => Promise<T>): Promise<T> {
  const { plan } = await findDecisionRevision(db, address);
  try {
    return await db.$transaction(async (tx) => {
      await lockPlanRounds(tx, plan.id);
      const found = await findDecisionRevision(tx, address);
      assertEditable(found);
      return write(tx, found);
    }, lockingTransaction);
  } catch (error) {
    if (isUniqueViolation(error)) throw concurrentSave();
    throw error;
  }
}
