import { mergeSmallCategories, type CategoryTally } from "@/lib/synthesis/k-anonymity";

const tally = (category: string, support: number, oppose: number, abstain: number, prioritySum = 0, priorityCount = 0): CategoryTally => ({
  category,
  support,
  oppose,
  abstain,
  prioritySum,
  priorityCount,
});

describe("mergeSmallCategories", () => {
  test("keeps categories with enough voters as they are", () => {
    const rows = [tally("CITIZEN", 10, 3, 2, 40, 12), tally("BUSINESS", 3, 1, 1, 9, 3)];
    expect(mergeSmallCategories(rows)).toEqual({
      rows: [
        { ...rows[0], voters: 15, merged: false, suppressed: false },
        { ...rows[1], voters: 5, merged: false, suppressed: false },
      ],
      mergedCategories: [],
    });
  });

  test("merges the small categories into OTHER with exact sums", () => {
    const rows = [
      tally("CITIZEN", 10, 3, 2, 40, 12),
      tally("FAMILY", 2, 1, 0, 7, 2),
      tally("BUSINESS", 6, 0, 0, 20, 5),
      tally("PUBLIC_BODY", 1, 2, 1, 5, 3),
    ];
    expect(mergeSmallCategories(rows)).toEqual({
      rows: [
        { ...rows[0], voters: 15, merged: false, suppressed: false },
        { ...rows[2], voters: 6, merged: false, suppressed: false },
        { category: "OTHER", support: 3, oppose: 3, abstain: 1, prioritySum: 12, priorityCount: 5, voters: 7, merged: true, suppressed: false },
      ],
      mergedCategories: ["FAMILY", "PUBLIC_BODY"],
    });
  });

  test("a small OTHER row absorbs the smallest remaining category, so it cannot be recovered from the total", () => {
    const rows = [
      tally("CITIZEN", 20, 5, 0, 50, 20),
      tally("FAMILY", 1, 1, 0, 4, 2),
      tally("BUSINESS", 4, 2, 0, 18, 6),
      tally("THIRD_SECTOR", 5, 1, 0, 20, 6),
    ];
    expect(mergeSmallCategories(rows)).toEqual({
      rows: [
        { ...rows[0], voters: 25, merged: false, suppressed: false },
        { ...rows[3], voters: 6, merged: false, suppressed: false },
        { category: "OTHER", support: 5, oppose: 3, abstain: 0, prioritySum: 22, priorityCount: 8, voters: 8, merged: true, suppressed: false },
      ],
      mergedCategories: ["FAMILY", "BUSINESS"],
    });
  });

  test("when all voters together are too few, everything is merged and flagged suppressed", () => {
    const rows = [tally("CITIZEN", 1, 1, 0, 3, 1), tally("FAMILY", 1, 0, 0), tally("BUSINESS", 0, 0, 0)];
    expect(mergeSmallCategories(rows)).toEqual({
      rows: [
        { ...rows[2], voters: 0, merged: false, suppressed: false },
        { category: "OTHER", support: 2, oppose: 1, abstain: 0, prioritySum: 3, priorityCount: 1, voters: 3, merged: true, suppressed: true },
      ],
      mergedCategories: ["CITIZEN", "FAMILY"],
    });
  });

  test("honours another threshold and rejects bad input", () => {
    const rows = [tally("CITIZEN", 9, 0, 0), tally("FAMILY", 8, 2, 0)];
    expect(mergeSmallCategories(rows, 10).mergedCategories).toEqual(["CITIZEN", "FAMILY"]);
    expect(mergeSmallCategories(rows, 9).mergedCategories).toEqual([]);
    expect(mergeSmallCategories([])).toEqual({ rows: [], mergedCategories: [] });
    expect(() => mergeSmallCategories([tally("OTHER", 5, 0, 0)])).toThrow(RangeError);
    expect(() => mergeSmallCategories([tally("CITIZEN", 5, 0, 0), tally("CITIZEN", 1, 0, 0)])).toThrow(RangeError);
    expect(() => mergeSmallCategories([tally("CITIZEN", 1.5, 0, 0)])).toThrow(RangeError);
    expect(() => mergeSmallCategories([tally("CITIZEN", -1, 0, 0)])).toThrow(RangeError);
  });
});
