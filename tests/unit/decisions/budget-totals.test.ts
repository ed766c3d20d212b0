import type { AccountableAxis, AccountableMeasure } from "@/lib/decisions/plan-decisions";
import { budgetTotals } from "@/lib/decisions/plan-decisions";

const measure = (code: string, budgetCents: number | null, fundingSource: string | null, department: string | null, status: AccountableMeasure["progress"]["status"] = "DECIDED"): AccountableMeasure => ({
  id: code,
  code,
  position: 0,
  text: `Misura ${code}`,
  fields: { timing: null, startsOn: null, endsOn: null, budgetCents, fundingSource, department },
  decision: null,
  progress: { status, progressPercent: 0, updatedAt: null },
});

describe("budgetTotals", () => {
  const axes: AccountableAxis[] = [
    {
      id: "a1",
      number: 1,
      title: "Buona governance",
      measures: [measure("1.1", 10, "Fondi regionali", "Politiche sociali"), measure("1.2", 20, "Fondi regionali", null), measure("1.3", null, "FSE+", "Politiche sociali")],
    },
    { id: "a2", number: 2, title: "Lavoro", measures: [measure("2.1", 1_000_000_000_001, "FSE+", "Lavoro"), measure("2.2", 500, "Fondi privati", "Lavoro", "DROPPED")] },
    { id: "a3", number: 3, title: "Senza misure", measures: [] },
  ];

  it("sums exact cents by axis, source and department, leaving out dropped measures and measures without a budget", () => {
    const totals = budgetTotals(axes);
    expect(totals.totalCents).toBe(1_000_000_000_031n);
    expect(totals.measuresWithBudget).toBe(3);
    expect(totals.measuresWithoutBudget).toBe(1);
    expect(totals.droppedMeasures).toBe(1);
    expect(totals.byAxis).toEqual([
      { key: "1", label: "Buona governance", budgetCents: 30n, measures: 2 },
      { key: "2", label: "Lavoro", budgetCents: 1_000_000_000_001n, measures: 1 },
      { key: "3", label: "Senza misure", budgetCents: 0n, measures: 0 },
    ]);
    expect(totals.byFundingSource.map((group) => [group.key, group.budgetCents])).toEqual([
      ["FSE+", 1_000_000_000_001n],
      ["Fondi regionali", 30n],
    ]);
    // Measures that name no department are grouped last under null.
    expect(totals.byDepartment.map((group) => [group.key, group.budgetCents, group.measures])).toEqual([
      ["Lavoro", 1_000_000_000_001n, 1],
      ["Politiche sociali", 10n, 1],
      [null, 20n, 1],
    ]);
  });

  it("stays exact where summing euro as floating point drifts", () => {
    const many = Array.from({ length: 10 }, (_, index) => measure(`4.${index + 1}`, 10, "Fondi provinciali", "Lavoro"));
    const totals = budgetTotals([{ id: "a4", number: 4, title: "Piccole misure", measures: many }]);
    expect(many.reduce((sum) => sum + 0.1, 0)).not.toBe(1); // 0.1 € ten times in floating point
    expect(totals.totalCents).toBe(100n);
  });
});
