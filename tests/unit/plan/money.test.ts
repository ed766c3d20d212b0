import { InvalidEuroAmountError, MAX_EURO_CENTS, parseEuroAmountToCents } from "@/lib/plan/money";

describe("parseEuroAmountToCents", () => {
  test.each([
    ["125.000,50€", 12_500_050n],
    ["€ 1.200", 120_000n],
    ["1.200.000 €", 120_000_000n],
    ["0,50€", 50n],
    ["0.00€", 0n], // the seed template
    ["0", 0n],
    ["1200", 120_000n],
    ["1200,5", 120_050n],
    ["12.5", 1_250n],
    ["1.20", 120n], // a dot followed by 1–2 digits is a decimal point
    ["1 200,00 €", 120_000n],
    ["1\u00a0200\u00a0000", 120_000_000n],
    ["1,200.50", 120_050n], // English grouping, accepted only with decimals
    ["1,234,567.89", 123_456_789n],
    ["EUR 99,99", 9_999n],
    ["3.500 euro", 350_000n],
    ["€1.000,00", 100_000n],
  ])("%s → %s cents", (input, cents) => {
    expect(parseEuroAmountToCents(input)).toBe(cents);
  });

  test.each([
    "",
    "€",
    "1,200", // Italian 1,2 € or English 1200 €? ambiguous
    "1,200,000",
    "1.200.50", // grouping and decimal with the same character
    "1.200,505",
    "1.2.3",
    "12.34.567",
    "1.2345",
    "1.200,000.50",
    "-5",
    "+5",
    "1e3",
    "€ 1.200 €",
    "circa 1.000 €",
    "1.000 € circa",
    "mille euro",
    ",50",
    "5,",
    "12,345 6",
    "1  200",
  ])("rejects %j", (input) => {
    expect(() => parseEuroAmountToCents(input)).toThrow(InvalidEuroAmountError);
  });

  test("caps amounts at MAX_EURO_CENTS", () => {
    expect(parseEuroAmountToCents("100.000.000.000,00")).toBe(MAX_EURO_CENTS);
    expect(() => parseEuroAmountToCents("100.000.000.000,01")).toThrow(InvalidEuroAmountError);
  });
});
