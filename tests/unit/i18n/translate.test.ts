import { createTranslator } from "@/lib/i18n/translate";
import { formatEuroCents, formatDate } from "@/lib/i18n/format";

describe("createTranslator", () => {
  test("interpolates named placeholders in each language", () => {
    expect(createTranslator("it")("plan.axisHeading", { number: 3, title: "Rete" })).toBe("Asse 3: Rete");
    expect(createTranslator("en")("plan.axisHeading", { number: 3, title: "Rete" })).toBe("Axis 3: Rete");
  });

  test("leaves unknown placeholders visible rather than inventing values", () => {
    expect(createTranslator("en")("plan.axisHeading", { number: 1 })).toBe("Axis 1: {title}");
  });

  test("a missing key is a programming error outside production", () => {
    expect(() => createTranslator("it")("does.not.exist")).toThrow(/Missing message "does.not.exist"/);
  });
});

describe("formatting", () => {
  test("euro cents use each language's separators", () => {
    expect(formatEuroCents(12500050, "it").replace(/\s/g, " ")).toBe("125.000,50 €");
    expect(formatEuroCents(12500050, "en")).toBe("€125,000.50");
  });

  test("dates are shown in the authority's time zone", () => {
    // 23:30 UTC on 31 December is already 1 January in Rome.
    expect(formatDate(new Date("2007-12-31T23:30:00Z"), "it")).toBe("1 gennaio 2008");
    expect(formatDate(new Date("2007-12-31T23:30:00Z"), "en")).toBe("1 January 2008");
  });
});
