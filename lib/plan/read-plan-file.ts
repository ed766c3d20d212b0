import { open } from "node:fs/promises";
import { AppError } from "@/lib/errors/app-error";

/** Plan documents are a few tens of kilobytes; anything this big is the wrong file. */
export const MAX_PLAN_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Reads a plan document as text: refuses files over MAX_PLAN_FILE_BYTES without
 * reading them, then decodes strict UTF-8 (see decodePlanBytes).
 */
export async function readPlanFile(path: string): Promise<string> {
  const file = await open(path, "r").catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("VALIDATION", "planImport.errors.fileNotFound");
    throw error;
  });
  try {
    const stats = await file.stat();
    if (!stats.isFile()) throw new AppError("VALIDATION", "planImport.errors.notAFile");
    if (stats.size > MAX_PLAN_FILE_BYTES) throw tooLarge();
    const bytes = await file.readFile();
    if (bytes.length > MAX_PLAN_FILE_BYTES) throw tooLarge(); // it grew after stat()
    return decodePlanBytes(bytes);
  } finally {
    await file.close();
  }
}

/**
 * Strict UTF-8 (a Latin-1 or Windows-1252 file would otherwise import with
 * mangled accents), without the byte-order mark some editors write.
 */
export function decodePlanBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError("VALIDATION", "planImport.errors.notUtf8", { line: firstInvalidLine(bytes) });
  }
}

/** 0x0A never occurs inside a multi-byte UTF-8 sequence, so lines can be checked one by one. */
function firstInvalidLine(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let start = 0;
  for (let line = 1; ; line++) {
    const newline = bytes.indexOf(0x0a, start);
    const end = newline < 0 ? bytes.length : newline;
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      return line;
    }
    if (newline < 0) return line;
    start = newline + 1;
  }
}

function tooLarge(): AppError {
  return new AppError("VALIDATION", "planImport.errors.fileTooLarge", { maxMegabytes: MAX_PLAN_FILE_BYTES / 1024 / 1024 });
}
