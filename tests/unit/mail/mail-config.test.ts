import { serverEnvSchema } from "@/lib/config/env";
import { createMailTransport } from "@/lib/mail/mail-transport";
import { retryDelayMs } from "@/lib/mail/outbox-worker";

describe("mail configuration", () => {
  test("SMTP_URL must be smtp:// or smtps://; empty means unset; MAIL_FROM has a default", () => {
    expect(serverEnvSchema.parse({}).SMTP_URL).toBeUndefined();
    expect(serverEnvSchema.parse({ SMTP_URL: "" }).SMTP_URL).toBeUndefined();
    expect(serverEnvSchema.parse({}).MAIL_FROM).toBe("Consulta <no-reply@localhost>");
    expect(serverEnvSchema.parse({ SMTP_URL: "smtps://u:p@mail.example.org:465" }).SMTP_URL).toBe("smtps://u:p@mail.example.org:465");
    expect(serverEnvSchema.safeParse({ SMTP_URL: "http://mail.example.org" }).success).toBe(false);
  });

  test("the transport describes where mail goes without revealing the credentials", () => {
    const env = { MAIL_FROM: "Consulta <no-reply@localhost>", DATA_DIR: "/srv/consulta" };
    const smtp = createMailTransport({ ...env, SMTP_URL: "smtp://user:s3cret@mail.example.org" });
    expect(smtp.target).toBe("smtp://mail.example.org:587");
    smtp.close();
    const smtps = createMailTransport({ ...env, SMTP_URL: "smtps://user:s3cret@mail.example.org" });
    expect(smtps.target).toBe("smtps://mail.example.org:465");
    smtps.close();
    expect(createMailTransport({ ...env, SMTP_URL: undefined }).target).toBe("/srv/consulta/mail");
  });

  test("retries back off exponentially up to a cap", () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n, 30_000, 3_600_000))).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000]);
  });
});
