import { readFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/errors/app-error";
import { createTranslator } from "@/lib/i18n/translate";
import { parsePlanDocument } from "@/lib/plan/parse-plan-document";
import { parsedPlanSchema, type ParsedPlan } from "@/lib/plan/plan.schemas";

const root = path.join(__dirname, "../../..");
const seedText = readFileSync(path.join(root, "data/piano-locale-integrato-pisa-2007.txt"), "utf8");
const filledText = readFileSync(path.join(root, "tests/fixtures/plans/filled-two-axes.txt"), "utf8");

function measuresOf(plan: ParsedPlan) {
  return plan.axes.flatMap((axis) => axis.measures);
}

/** Runs the parser expecting an AppError; returns its key (without prefix) and params. */
function parseError(text: string): { key: string; params: AppError["params"] } {
  try {
    parsePlanDocument(text);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { key: error.messageKey.replace("planImport.errors.", ""), params: error.params };
  }
  throw new Error("expected the document to be refused");
}

/** Replaces exactly one occurrence, so a fixture change cannot silently miss. */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from)).toHaveLength(2);
  return text.replace(from, to);
}

describe("parsePlanDocument on the seed (Provincia di Pisa, 2007)", () => {
  const plan = parsePlanDocument(seedText);
  const measures = measuresOf(plan);

  test("matches the plan schema", () => {
    expect(parsedPlanSchema.safeParse(plan).success).toBe(true);
  });

  test("reads title, subtitle, issuer and introduction from the title block", () => {
    expect(plan.title).toBe("Quadro di riferimento per un Piano Locale Integrato");
    expect(plan.subtitle).toBe("Integrazione tra politiche e servizi relativi all’occupazione e all’esclusione sociale");
    expect(plan.issuer).toBe("Provincia di Pisa");
    expect(plan.introduction.startsWith("Progetto EQUAL – RAIL – Rete di Appoggio all’Inserimento Lavorativo delle fasce deboli\n\n")).toBe(true);
    expect(plan.introduction).toContain("\n\nIpotesi di azioni innovatrici\n\n");
    expect(plan.introduction).toContain("- (1) Buona governance*\n- (2) Attenzione verso il territorio*");
    expect(plan.introduction.endsWith("- dipartimenti (agenzie) responsabili per la loro gestione")).toBe(true);
    expect(plan.introduction).not.toContain("| Indice"); // the index table is navigation, not content
    expect(plan.introduction).not.toContain("Quadro di riferimento per un Piano Locale Integrato\n");
  });

  test("has the four axes with their expected results", () => {
    expect(plan.axes.map((axis) => [axis.number, axis.title])).toEqual([
      [1, "Buona governance"],
      [2, "Attenzione verso il territorio"],
      [3, "Capacità di programmare e progettare"],
      [4, "Rete tra operatori e servizi"],
    ]);
    expect(plan.axes.map((axis) => axis.resultsBullets.length)).toEqual([4, 0, 8, 8]);
    expect(plan.axes[0]?.resultsIntro).toBe(
      "Trasparenza e condivisione del processo decisionale, supportate da metodi e strumenti (tra cui normative e procedure) che migliorino:",
    );
    expect(plan.axes[1]?.resultsIntro).toMatch(/^Conoscenza e consapevolezza .* da erogare e potenziare\.$/);
    expect(plan.axes[3]?.resultsBullets.at(-1)).toBe("integrazione e attribuzione del lavoro attivando le capacità di tutte le componenti del sistema");
    expect(plan.axes.every((axis) => axis.measuresIntro === "")).toBe(true);
  });

  test("has 6 + 7 + 20 + 4 = 37 measures coded <axis>.<n>", () => {
    expect(plan.axes.map((axis) => axis.measures.length)).toEqual([6, 7, 20, 4]);
    expect(measures).toHaveLength(37);
    expect(plan.axes[2]?.measures.map((measure) => measure.code)).toEqual(
      Array.from({ length: 20 }, (_, index) => `3.${index + 1}`),
    );
    expect(measures.map((measure) => measure.code).slice(0, 7)).toEqual(["1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.1"]);
  });

  test("keeps the first and last measure text as written, with source lines", () => {
    const first = measures[0];
    const last = measures.at(-1);
    expect(first?.text).toMatch(/^Protocolli d'intesa e tavoli di confronto e decisione .* all'interno della Società della Salute\.$/);
    expect(first?.line).toBe(98);
    expect(last?.code).toBe("4.4");
    expect(last?.text).toBe("Agenzia sociale per la casa su tutto il territorio con funzioni di intermediazione e sensibilizzazione.");
    expect(plan.axes[2]?.measures[11]?.code).toBe("3.12");
    expect(plan.axes[2]?.measures[11]?.text).toMatch(/^Corsi di formazione continua per gli imprenditori, figli di imprenditori/);
  });

  test("leaves every decision field to be decided (0.00€ is the template's placeholder)", () => {
    for (const measure of measures) {
      expect(measure).toMatchObject({
        timing: null,
        startsOn: null,
        endsOn: null,
        budgetCents: null,
        fundingSource: null,
        department: null,
      });
    }
  });

  test("reads the same with Windows line endings and a byte-order mark", () => {
    expect(parsePlanDocument(`\uFEFF${seedText.replace(/\n/g, "\r\n")}`)).toEqual(plan);
  });
});

describe("parsePlanDocument on a filled plan", () => {
  const plan = parsePlanDocument(filledText);
  const byCode = new Map(measuresOf(plan).map((measure) => [measure.code, measure]));

  test("reads the front matter and both axes", () => {
    expect(parsedPlanSchema.safeParse(plan).success).toBe(true);
    expect(plan).toMatchObject({
      title: "Piano Locale Integrato 2008–2010",
      subtitle: "Politiche per il lavoro e l’inclusione",
      issuer: "Comune di Cascina",
    });
    expect(plan.axes.map((axis) => axis.measures.length)).toEqual([5, 2]);
    expect(plan.axes[0]?.resultsBullets).toEqual([
      "inserimenti lavorativi accompagnati",
      "formazione continua dei lavoratori, anche nelle piccole imprese", // a wrapped bullet
    ]);
    expect(plan.axes[0]?.measuresIntro).toBe("Le misure seguenti sono cofinanziate dal Fondo sociale europeo:");
    expect(byCode.get("1.1")?.text).toBe("Tirocini retribuiti per giovani in cerca di prima occupazione.");
  });

  test.each([
    ["1.1", "01/03/2008 - 31/12/2009", "2008-03-01", "2009-12-31", 12_500_050n, "Fondo sociale europeo (FSE)", "Servizio lavoro"],
    ["1.2", "2008-2010", "2008-01-01", "2010-12-31", 120_000n, "Bilancio provinciale", "Centri per l'impiego"],
    ["1.3", "marzo 2008", "2008-03-01", "2008-03-31", 120_000_000n, "Regione Toscana", "Politiche sociali"],
    ["1.4", "24 mesi", null, null, 50n, null, null],
    ["1.5", "entro il 31/12/2009", null, "2009-12-31", 0n, "risorse interne", "Ufficio statistica"],
    ["2.1", "dal 2009", "2009-01-01", null, 120_050n, "Fondazione locale", "Agenzia casa"],
    ["2.2", null, null, null, null, null, null], // "da definire" and 0.00€: to be decided
  ])("measure %s has its decision fields", (code, timing, startsOn, endsOn, budgetCents, fundingSource, department) => {
    expect(byCode.get(code)).toMatchObject({ timing, startsOn, endsOn, budgetCents, fundingSource, department });
  });

  test("accepts markdown-decorated headings", () => {
    const decorated = edit(edit(filledText, "\nRisultati attesi\n", "\n## Risultati attesi\n"), "\n(2) Casa e territorio\n\nAgenzia", "\n**(2) Casa e territorio**\n\nAgenzia");
    expect(parsePlanDocument(decorated)).toEqual(plan);
  });

  test("takes axis order and titles from the Risultati headings when there is no strategy list", () => {
    const withoutStrategy = edit(filledText, "- (1) Lavoro di qualità*\n- (2) Casa e territorio*\n", "");
    expect(parsePlanDocument(withoutStrategy).axes.map((axis) => axis.title)).toEqual(["Lavoro di qualità", "Casa e territorio"]);
  });

  test("accepts any number of axes and measures", () => {
    const axes = Array.from({ length: 12 }, (_, index) => index + 1);
    const table = "| | |\n|---|---|\n| Data: 2009 | Fonte: FSE |\n| Budget: 1.000 € | Dipartimento: Lavoro |";
    const text = [
      "**Piano grande**",
      "Provincia di Lucca",
      "Ipotesi di azioni innovatrici",
      axes.map((number) => `- (${number}) Asse ${number}*`).join("\n"),
      "Risultati attesi",
      ...axes.map((number) => `(${number}) Asse ${number}\n\nRisultato ${number}.`),
      "Misure organizzative e finanziarie",
      ...axes.map((number) =>
        [`(${number}) Asse ${number}`, ...Array.from({ length: 30 }, (_, index) => `Misura ${number}.${index + 1}.\n\n${table}`)].join("\n\n"),
      ),
    ].join("\n\n");
    const parsed = parsePlanDocument(text);
    expect(parsed.axes).toHaveLength(12);
    expect(measuresOf(parsed)).toHaveLength(360);
    expect(parsed.axes[11]?.measures[29]).toMatchObject({ code: "12.30", text: "Misura 12.30.", budgetCents: 100_000n });
  });
});

describe("parsePlanDocument refuses bad input, naming the line", () => {
  test.each([
    ["no bold title", () => filledText.replace(/\*\*/g, ""), "missingTitle", 1],
    ["an unclosed bold block", () => edit(filledText, "**Piano Locale Integrato 2008–2010**", "**Piano Locale Integrato 2008–2010"), "unclosedBold", 7],
    ["no issuer", () => edit(filledText, "Comune di Cascina\n", "Cascina\n"), "missingIssuer", 1],
    ["no Risultati section", () => edit(filledText, "\nRisultati attesi\n", "\nRisultati\n"), "missingSection", 93],
    ["a second Misure section", () => `${filledText}\nMisure organizzative e finanziarie\n`, "duplicateSection", 95],
    ["Misure before Risultati", () => edit(edit(filledText, "\nRisultati attesi\n", "\nXX\n"), "\nMisure organizzative e finanziarie\n", "\nRisultati attesi\n").replace("\nXX\n", "\nMisure organizzative e finanziarie\n"), "misplacedSection", 23],
    ["text before the first axis heading", () => edit(filledText, "\nRisultati attesi\n", "\nRisultati attesi\n\nPremessa.\n"), "contentBeforeAxisHeading", 25],
    ["an axis twice", () => edit(filledText, "(2) Casa e territorio\n\nAbitazioni", "(1) Lavoro di qualità\n\nAbitazioni"), "duplicateAxis", 33],
    ["an axis not in the strategy list", () => edit(filledText, "- (2) Casa e territorio*\n", ""), "axisNotInStrategy", 32],
    ["a renamed axis", () => edit(filledText, "(2) Casa e territorio\n\nAgenzia", "(2) Casa\n\nAgenzia"), "axisTitleMismatch", 79],
    ["a table among expected results", () => edit(filledText, "Abitazioni accessibili per le fasce deboli.\n", "| a | b |\n"), "unexpectedTable", 35],
    ["text after the bullets", () => edit(filledText, "  anche nelle piccole imprese\n", "  anche nelle piccole imprese\n\nAltro testo.\n"), "textAfterBullets", 33],
    ["a list among measures", () => edit(filledText, "Sportello unico per l'impiego.\n", "- Sportello unico per l'impiego.\n"), "unexpectedList", 51],
    ["an unknown table cell", () => edit(filledText, "| Data: 2008-2010 |", "| Durata: 2008-2010 |"), "unknownTableCell", 55],
    ["a table field twice", () => edit(filledText, "| Budget: € 1.200 |", "| Fonte: € 1.200 |"), "duplicateTableField", 56],
    ["a table field missing", () => edit(filledText, "| Budget: € 1.200 | Dipartimento: Centri per l'impiego |\n", ""), "missingTableField", 53],
    ["a reversed date range", () => edit(filledText, "| Data: 2008-2010 |", "| Data: 2010-2008 |"), "reversedDateRange", 55],
    ["a negative budget", () => edit(filledText, "| Budget: € 1.200 |", "| Budget: -1.200 € |"), "invalidBudget", 56],
    ["a whitespace-only file", () => " \n\n\t\n", "empty", 1],
  ])("%s", (_, makeText, key, line) => {
    const error = parseError(makeText());
    expect(error.key).toBe(key);
    expect(error.params.line).toBe(line);
  });

  test.each([
    ["missing-axis-headings.txt", "missingAxisHeadings", 23, { section: "Risultati attesi" }],
    ["axis-missing-in-measures.txt", "axisMissing", 33, { number: 2, section: "Misure organizzative e finanziarie" }],
    ["axis-missing-in-results.txt", "axisMissing", 79, { number: 2, section: "Risultati attesi" }],
    ["measure-without-table.txt", "measureWithoutTable", 51, {}],
    ["table-without-measure.txt", "tableWithoutMeasure", 60, {}],
    ["bad-budget.txt", "invalidBudget", 49, { value: "1,200 €" }],
    ["bad-date.txt", "invalidDate", 48, { value: "31/02/2008 - 31/12/2009" }],
    ["nul-byte.txt", "nulByte", 41, {}],
    ["empty.txt", "empty", 1, {}],
  ])("fixture %s → %s at line %d", (file, key, line, params) => {
    const text = readFileSync(path.join(root, "tests/fixtures/plans/broken", file), "utf8");
    const error = parseError(text);
    expect(error).toEqual({ key, params: expect.objectContaining({ line, ...params }) });
  });

  test("every error has a message in Italian and English", () => {
    const keys = ["empty", "nulByte", "missingAxisHeadings", "axisMissing", "measureWithoutTable", "invalidBudget", "invalidDate"];
    for (const locale of ["it", "en"] as const) {
      const t = createTranslator(locale);
      for (const key of keys) expect(t(`planImport.errors.${key}`, { line: 1 })).not.toMatch(/^planImport/);
    }
  });
});
