import { mkdtemp, rm, truncate, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { AppError } from "@/lib/errors/app-error";
import { decodePlanBytes, MAX_PLAN_FILE_BYTES, readPlanFile } from "@/lib/plan/read-plan-file";

const fixtures = path.join(__dirname, "../../fixtures/plans");

describe("readPlanFile", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "consulta-plan-file-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test("reads a UTF-8 plan", async () => {
    const text = await readPlanFile(path.join(fixtures, "filled-two-axes.txt"));
    expect(text.startsWith("**Progetto di prova – Consulta**\n")).toBe(true);
  });

  test("drops a byte-order mark", async () => {
    const file = path.join(dir, "bom.txt");
    await writeFile(file, "\uFEFF**Piano**\n");
    expect(await readPlanFile(file)).toBe("**Piano**\n");
  });

  test("refuses a Windows-1252 file, naming the first bad line", async () => {
    await expect(readPlanFile(path.join(fixtures, "broken/windows-1252.txt"))).rejects.toMatchObject({
      messageKey: "planImport.errors.notUtf8",
      params: { line: 1 },
    });
  });

  test("refuses a 50 MB file from its size, before reading it", async () => {
    const file = path.join(dir, "huge.txt");
    await writeFile(file, "");
    await truncate(file, 50 * 1024 * 1024); // sparse: nothing to read anyway
    const error = await readPlanFile(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", messageKey: "planImport.errors.fileTooLarge", params: { maxMegabytes: 5 } });
  });

  test("accepts a file of exactly the size limit", async () => {
    const file = path.join(dir, "limit.txt");
    await writeFile(file, Buffer.alloc(MAX_PLAN_FILE_BYTES, 0x20));
    expect(await readPlanFile(file)).toHaveLength(MAX_PLAN_FILE_BYTES);
  });

  test("refuses a missing file and a directory", async () => {
    await expect(readPlanFile(path.join(dir, "missing.txt"))).rejects.toMatchObject({ messageKey: "planImport.errors.fileNotFound" });
    await expect(readPlanFile(dir)).rejects.toMatchObject({ messageKey: "planImport.errors.notAFile" });
  });
});

describe("decodePlanBytes", () => {
  test("names the line of the first invalid byte", () => {
    const bytes = Buffer.concat([Buffer.from("**Piano**\n\nProvincia di Pisa\nCapacit"), Buffer.from([0xe0]), Buffer.from(" di programmare\n")]);
    expect(() => decodePlanBytes(bytes)).toThrow(expect.objectContaining({ messageKey: "planImport.errors.notUtf8", params: { line: 4 } }));
  });

  test("refuses a multi-byte sequence cut by a line break", () => {
    const bytes = Buffer.from([0x61, 0x0a, 0xc3, 0x0a, 0xa0]);
    expect(() => decodePlanBytes(bytes)).toThrow(expect.objectContaining({ params: { line: 2 } }));
  });

  test("decodes valid UTF-8 with accents and typographic quotes", () => {
    expect(decodePlanBytes(Buffer.from("Capacità – all’Inserimento"))).toBe("Capacità – all’Inserimento");
  });
});
