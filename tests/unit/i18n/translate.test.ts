import { createTranslator, hasMessage } from "@/lib/i18n/translate";
import { formatEuroCents, formatDate } from "@/lib/i18n/format";

describe("createTranslator", () => {
  test("interpolates named placeholders in each language", () => {
    expect(createTranslator("it")("plan.axisHeading", { number: 3, title: "Rete" })).toBe("Asse 3: Rete");
    expect(createTranslator("en")("plan.axisHeading", { number: 3, title: "Rete" })).toBe("Axis 3: Rete");
  });

  test("leaves unknown placeholders visible rather than inventing values", () => {
    expect(createTranslator("en")("plan.axisHeading", { number: 1 })).toBe("Axis 1: {title}");
  });

  test("plural messages pick the locale's form on params.count", () => {
    const it = createTranslator("it");
    const en = createTranslator("en");
    expect(it("comments.count", { count: 1 })).toBe("1 commento in questa consultazione.");
    expect(it("comments.count", { count: 2 })).toBe("2 commenti in questa consultazione, risposte comprese.");
    expect(it("comments.count", { count: 0 })).toBe("0 commenti in questa consultazione, risposte comprese.");
    expect(en("comments.count", { count: 1 })).toBe("1 comment in this round.");
    expect(en("comments.count", { count: 3 })).toBe("3 comments in this round, replies included.");
    expect(it("moderation.queue.pendingCount", { count: 1, page: 1, pageCount: 1 })).toBe("1 contributo da esaminare · pagina 1 di 1");
    expect(en("votes.changedTimes", { count: 1 })).toBe("You changed your vote once; the earlier version is kept.");
  });

  test("the count of a plural message is shown in the locale's number format", () => {
    expect(createTranslator("it")("admin.users.results", { count: 12345, page: 1, pageCount: 618 })).toBe("12.345 utenti trovati; pagina 1 di 618.");
    expect(createTranslator("en")("admin.users.results", { count: 12345, page: 1, pageCount: 618 })).toBe("12,345 users found; page 1 of 618.");
  });

  test("a plural message without a numeric count is a programming error outside production", () => {
    expect(() => createTranslator("it")("comments.count")).toThrow(/needs a numeric count/);
    expect(() => createTranslator("it")("comments.count", { count: "2" })).toThrow(/needs a numeric count/);
  });

  test("hasMessage knows plural messages but not their forms", () => {
    expect(hasMessage("it", "comments.count")).toBe(true);
    expect(hasMessage("en", "comments.count")).toBe(true);
    expect(hasMessage("it", "comments.count.one")).toBe(false);
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
