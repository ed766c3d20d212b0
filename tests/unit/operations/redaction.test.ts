import { logEntry } from "@/lib/observability/logger";
import { REDACTED, redact, redactString } from "@/lib/observability/redact";
import { runWithRequestContext } from "@/lib/observability/request-context";

describe("log redaction", () => {
  test("secrets and personal data under sensitive keys are replaced, at any depth", () => {
    const entry = logEntry("info", "sign-up", {
      email: "anna.rossi@example.org",
      password: "Ponte di Mezzo 1944",
      user: { displayName: "Anna Rossi", role: "CITIZEN", contacts: [{ phone: "+39 050 123456" }] },
      headers: { cookie: "next-auth.session-token=abc" },
      sessionToken: "tok-123",
      NEXTAUTH_SECRET: "s3cr3t",
      body: "Il mio commento",
      text: "testo",
      to: "anna.rossi@example.org",
      status: 200,
      route: "accedi",
    });
    const line = JSON.stringify(entry);
    for (const secret of ["anna.rossi@example.org", "Ponte di Mezzo", "Anna Rossi", "+39 050", "abc", "tok-123", "s3cr3t", "Il mio commento", "testo"]) {
      expect(line).not.toContain(secret);
    }
    expect(entry).toMatchObject({ level: "info", message: "sign-up", email: REDACTED, password: REDACTED, status: 200, route: "accedi", user: { displayName: REDACTED, role: "CITIZEN", contacts: [{ phone: REDACTED }] } });
  });

  test("credentials in URLs and token-like query parameters are masked in any string, error messages and stacks included", () => {
    expect(redactString("connect postgresql://consulta:hunter2@db:5432/consulta failed")).toBe(`connect postgresql://${REDACTED}@db:5432/consulta failed`);
    expect(redactString("GET /accedi/link?token=abcdef&x=1")).toBe(`GET /accedi/link?token=${REDACTED}&x=1`);
    const error = new Error("cannot reach smtps://mailer:pa55word@mail.example.org:465");
    const serialised = JSON.stringify(redact({ error }));
    expect(serialised).not.toContain("pa55word");
    expect(serialised).not.toContain("mailer:");
    expect(serialised).toContain("mail.example.org");
  });

  test("errors keep name, message, code and stack; pg's detail (which quotes values) is dropped", () => {
    const error = Object.assign(new Error("duplicate key value violates unique constraint"), { code: "23505", detail: "Key (email)=(anna@example.org) already exists." });
    const entry = logEntry("error", "unexpected error", { error });
    expect(entry.error).toMatchObject({ name: "Error", message: "duplicate key value violates unique constraint", code: "23505" });
    expect(JSON.stringify(entry)).not.toContain("anna@example.org");
  });

  test("a line written while a request is handled carries its request id", () => {
    expect(logEntry("info", "outside").requestId).toBeUndefined();
    runWithRequestContext({ requestId: "req-42" }, () => expect(logEntry("info", "inside").requestId).toBe("req-42"));
  });

  test("cycles and bigints do not break a line", () => {
    const cyclic: Record<string, unknown> = { count: 10n };
    cyclic.self = cyclic;
    expect(() => JSON.stringify(logEntry("info", "cyclic", { cyclic }))).not.toThrow();
    expect(logEntry("info", "n", { cyclic }).cyclic).toMatchObject({ count: "10" });
  });
});
