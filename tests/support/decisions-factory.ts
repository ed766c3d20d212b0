/**
 * Decision fixtures: revisions officials may decide on, made through the real services.
 *
 *   const { address, measures, official } = await decidablePublishedPlan(db);      // current published revision 1
 *   const draft = await decidableDraft(db);                                        // revision 2, DRAFT, round in SYNTHESIS
 *
 * Each imports a fresh copy of the seed plan (own slug), so tests that publish do not disturb each
 * other. `address` is what the services and pages take ({ slug, number }); `measures` maps codes to ids.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/session";
import { startRevisionDraft } from "@/lib/synthesis/start-revision-draft";
import { signedInUser } from "./auth-factory";
import { importSeedPlan } from "./plan-factory";
import { type ClosedRoundWithInput, closedRoundWithInput } from "./synthesis-factory";

export interface DecidablePlan {
  planId: string;
  slug: string;
  revisionId: string;
  address: { slug: string; number: number };
  measures: Record<string, string>;
  official: Actor;
}

let copies = 0;

/** A fresh copy of the seed plan: its revision 1 is current and published. */
export async function decidablePublishedPlan(db: PrismaClient): Promise<DecidablePlan> {
  copies += 1;
  const plan = await importSeedPlan(db, `decisioni-${copies}-${Date.now()}`);
  const rows = await db.measure.findMany({ where: { planId: plan.planId }, select: { id: true, code: true } });
  return {
    planId: plan.planId,
    slug: plan.slug,
    revisionId: plan.revisionId,
    address: { slug: plan.slug, number: 1 },
    measures: Object.fromEntries(rows.map((row) => [row.code, row.id])),
    official: await signedInUser(db, "OFFICIAL"),
  };
}

const SHARED_SLUG = "decisioni-condivise";

/** One copy of the seed plan shared by the calls on a database (tables that run many times: the permission matrix). */
export async function sharedDecidablePlan(db: PrismaClient): Promise<DecidablePlan & { nextVersion: (measureId: string) => Promise<number> }> {
  const existing = await db.plan.findUnique({ where: { slug: SHARED_SLUG }, select: { id: true, currentRevisionId: true } });
  const plan = existing ? { planId: existing.id, revisionId: existing.currentRevisionId!, slug: SHARED_SLUG } : await importSeedPlan(db, SHARED_SLUG);
  const rows = await db.measure.findMany({ where: { planId: plan.planId }, select: { id: true, code: true } });
  return {
    planId: plan.planId,
    slug: SHARED_SLUG,
    revisionId: plan.revisionId,
    address: { slug: SHARED_SLUG, number: 1 },
    measures: Object.fromEntries(rows.map((row) => [row.code, row.id])),
    official: await signedInUser(db, "OFFICIAL"),
    /** The version a form loaded now would carry. */
    nextVersion: async (measureId) => (await db.decision.findFirst({ where: { revisionId: plan.revisionId, measureId }, orderBy: { version: "desc" }, select: { version: true } }))?.version ?? 0,
  };
}

/** closedRoundWithInput (votes on 1.1 and 1.2, a DECISION_FIELDS proposal on 1.2…) with its draft started: revision 2 in DRAFT, the round in SYNTHESIS. */
export async function decidableDraft(db: PrismaClient, options: { proposals?: boolean } = {}): Promise<ClosedRoundWithInput & DecidablePlan & { draftRevisionId: string; consultedAddress: { slug: string; number: number } }> {
  const input = await closedRoundWithInput(db, options);
  const draft = await startRevisionDraft(db, input.facilitator, input.round.id);
  return {
    ...input,
    planId: input.round.planId,
    slug: input.round.planSlug,
    revisionId: draft.revisionId,
    draftRevisionId: draft.revisionId,
    address: { slug: input.round.planSlug, number: draft.number },
    consultedAddress: { slug: input.round.planSlug, number: 1 },
    official: await signedInUser(db, "OFFICIAL"),
  };
}

/** A valid full decision form for a measure (Italian budget text, a listed source, "other" department). */
export function decisionForm(measureId: string, expectedVersion: number, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    measureId,
    expectedVersion: String(expectedVersion),
    startsOn: "2027-01-01",
    endsOn: "2028-12-31",
    timing: "24 mesi",
    budget: "125.000,50",
    fundingSource: "Fondi regionali",
    department: "other",
    departmentOther: "Ufficio Europa",
    note: "Finanziata con il bando regionale 2027.",
    ...overrides,
  };
}
