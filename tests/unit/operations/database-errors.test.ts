import { isDatabaseUnavailable } from "@/lib/db/database-errors";
import { AppError } from "@/lib/errors/app-error";
import { expectedError, toHttpError } from "@/lib/errors/to-http";

const prismaUnreachable = Object.assign(new Error("Can't reach database server at 127.0.0.1:1"), {
  name: "PrismaClientKnownRequestError",
  code: "P1001",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 } } },
});
const rawQueryUnreachable = Object.assign(new Error("Raw query failed. Code: `N/A`."), {
  code: "P2010",
  meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
});
const adminShutdown = Object.assign(new Error("query failed"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "postgres", code: "57P01" } } } });

describe("isDatabaseUnavailable", () => {
  test.each([
    ["Prisma P1001 with the adapter's DatabaseNotReachable", prismaUnreachable],
    ["a raw query's P2010 wrapping DatabaseNotReachable", rawQueryUnreachable],
    ["PostgreSQL 57P01 (admin shutdown) inside the adapter error", adminShutdown],
    ["pg's ECONNREFUSED", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["a connection-exception SQLSTATE (08006)", Object.assign(new Error("connection failure"), { code: "08006" })],
    ["pg's pool: Connection terminated unexpectedly", new Error("Connection terminated unexpectedly")],
    ["pg's pool timeout", new Error("timeout exceeded when trying to connect")],
    ["deep in a cause chain", new Error("outer", { cause: new Error("middle", { cause: Object.assign(new Error("x"), { code: "ECONNRESET" }) }) })],
    ["an AggregateError of address attempts", new AggregateError([Object.assign(new Error("a"), { code: "ECONNREFUSED" })], "all failed")],
  ])("true for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  test.each([
    ["a unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002" })],
    ["a syntax error", Object.assign(new Error("syntax error"), { code: "42601" })],
    ["an AppError", new AppError("NOT_FOUND", "errors.notFound")],
    ["a TypeError", new TypeError("x is undefined")],
    ["null", null],
    ["a string", "ECONNREFUSED"],
  ])("false for %s", (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe("toHttpError for an unreachable database", () => {
  test("503 UNAVAILABLE, translated, with Retry-After; no stack logged as an unexpected error", () => {
    const writes: string[] = [];
    const spy = jest.spyOn(process.stderr, "write").mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      const it = toHttpError(prismaUnreachable, "it");
      const en = toHttpError(prismaUnreachable, "en");
      expect(it).toEqual({ status: 503, headers: { "retry-after": "5" }, body: { error: { code: "UNAVAILABLE", message: expect.stringContaining("momentaneamente non disponibile") } } });
      expect(en.body.error.message).toContain("temporarily unavailable");
    } finally {
      spy.mockRestore();
    }
    expect(writes.join("")).not.toContain("unexpected error");
    expect(writes.join("")).not.toContain('"stack"');
  });

  test("forms get an AppError they can show (expectedError); other errors pass through unchanged", () => {
    const spy = jest.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const mapped = expectedError(prismaUnreachable);
      expect(mapped).toBeInstanceOf(AppError);
      expect(mapped).toMatchObject({ code: "UNAVAILABLE", messageKey: "errors.databaseUnavailable" });
    } finally {
      spy.mockRestore();
    }
    const bug = new TypeError("bug");
    expect(expectedError(bug)).toBe(bug);
  });
});
