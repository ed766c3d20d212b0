/**
 * Published decisions for the round report, on top of the "you said, we did" scenario
 * (synthesis-public-scenario.ts): written straight to the database, like the scenario. Measure
 * "fields" gets a published decision (then a newer version never published, which must not show);
 * measure "changed" a second published decision in the same department.
 */
import type { PrismaClient } from "@/lib/db/client";
import type { PublicScenario } from "./synthesis-public-scenario";

export const REPORT_DEPARTMENT = "Dipartimento Politiche sociali e welfare";
export const REPORT_FUNDING = "FSE+ (Fondo sociale europeo plus)";
export const REPORT_NOTE = "Priorità alta: la misura parte a gennaio in città e nelle frazioni.";
export const UNPUBLISHED_DEPARTMENT = "Ufficio mai pubblicato";
/** Budgets in cents: 250.000,00 € and 80.000,00 €. */
export const REPORT_BUDGETS = { fields: 25_000_000n, changed: 8_000_000n } as const;

export async function addReportDecisions(db: PrismaClient, scenario: PublicScenario): Promise<void> {
  const revision = await db.revision.findUniqueOrThrow({ where: { planId_number: { planId: scenario.plan.id, number: scenario.published } }, select: { id: true, publishedAt: true } });
  const publishedAt = revision.publishedAt ?? new Date();
  await db.decision.createMany({
    data: [
      {
        revisionId: revision.id,
        measureId: scenario.measures.fields.id,
        version: 1,
        timing: null,
        startsOn: new Date("2027-01-15T00:00:00Z"),
        endsOn: new Date("2028-06-30T00:00:00Z"),
        budgetCents: REPORT_BUDGETS.fields,
        fundingSource: REPORT_FUNDING,
        department: REPORT_DEPARTMENT,
        note: REPORT_NOTE,
        publishedAt,
      },
      { revisionId: revision.id, measureId: scenario.measures.fields.id, version: 2, budgetCents: 1n, department: UNPUBLISHED_DEPARTMENT, note: "Bozza.", publishedAt: null },
      { revisionId: revision.id, measureId: scenario.measures.changed.id, version: 1, timing: "24 mesi", budgetCents: REPORT_BUDGETS.changed, fundingSource: REPORT_FUNDING, department: REPORT_DEPARTMENT, publishedAt },
    ],
  });
}
