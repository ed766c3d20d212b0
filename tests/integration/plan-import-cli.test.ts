import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { databaseForThisFile } from "@/tests/support/test-database";

const run = promisify(execFile);
const root = path.join(__dirname, "../..");
const seedFile = "data/piano-locale-integrato-pisa-2007.txt";
const badBudgetFile = "tests/fixtures/plans/broken/bad-budget.txt";

const db = databaseForThisFile();

beforeEach(async () => {
  await db.prisma.$executeRawUnsafe('TRUNCATE "Plan" CASCADE');
});

type Outcome = { code: number; stdout: string; stderr: string };

async function planImport(args: string[], env: Record<string, string>): Promise<Outcome> {
  try {
    const { stdout, stderr } = await run("npx", ["tsx", "scripts/plan-import.ts", ...args], {
      cwd: root,
      env: { ...process.env, LC_ALL: "", LC_MESSAGES: "", ...env },
      timeout: 90_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout: string; stderr: string };
    return { code: failed.code ?? -1, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run plan:import", () => {
  test("--json prints exactly the summary", async () => {
    const outcome = await planImport([seedFile, "--json"], { DATABASE_URL: db.url, LANG: "it_IT.UTF-8" });
    expect(outcome).toMatchObject({ code: 0, stderr: "" });
    const summary = JSON.parse(outcome.stdout) as Record<string, unknown>;
    expect(summary).toEqual({ plan: "quadro-di-riferimento-per-un-piano-locale-integrato", axes: 4, measures: 37, budgetCents: 0 });
    expect(Object.keys(summary)).toEqual(["plan", "axes", "measures", "budgetCents"]);
    expect(await db.prisma.measure.count()).toBe(37);
  }, 120_000);

  test("prints a human summary in the user's language", async () => {
    const outcome = await planImport(["tests/fixtures/plans/filled-two-axes.txt"], { DATABASE_URL: db.url, LANG: "it_IT.UTF-8" });
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toContain("Importato il piano «Piano Locale Integrato 2008–2010» (Comune di Cascina)");
    expect(outcome.stdout).toContain("2 assi, 7 misure");
    expect(outcome.stdout).toMatch(/1\.327\.401,50\s€/);
  }, 120_000);

  test("refuses a broken file with a line-numbered message in Italian, writing nothing", async () => {
    const outcome = await planImport([badBudgetFile, "--json"], { DATABASE_URL: db.url, LANG: "it_IT.UTF-8" });
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toBe("");
    expect(outcome.stderr).toMatch(/^tests\/fixtures\/plans\/broken\/bad-budget\.txt:49: Budget non valido «1,200 €»/);
    expect(await db.prisma.plan.count()).toBe(0);
  }, 120_000);

  test("parses before connecting: a broken file fails even with no reachable database, in English", async () => {
    const outcome = await planImport([badBudgetFile], { DATABASE_URL: "postgresql://nobody@127.0.0.1:1/none", LANG: "en_GB.UTF-8" });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(/^tests\/fixtures\/plans\/broken\/bad-budget\.txt:49: Invalid budget “1,200 €”/);
  }, 120_000);

  test("explains its usage", async () => {
    const outcome = await planImport(["--yaml"], { DATABASE_URL: db.url, LANG: "C" });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toContain("Unknown option: --yaml");
    expect(outcome.stderr).toContain("Usage: npm run plan:import -- <file> [--json]");
  }, 60_000);
});
