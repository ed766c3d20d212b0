import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { enqueueMail } from "@/lib/mail/enqueue-mail";
import { createMailTransport } from "@/lib/mail/mail-transport";
import { startOutboxWorker } from "@/lib/mail/outbox-worker";
import { logger } from "@/lib/observability/logger";
import { linksIn, parseMessage } from "@/tests/support/smtp-server";
import { databaseForThisFile } from "@/tests/support/test-database";

const db = databaseForThisFile();

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "consulta-mail-"));
  jest.spyOn(logger, "info").mockImplementation(() => undefined);
});
afterEach(async () => {
  jest.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
});

describe("without SMTP_URL", () => {
  test("the worker writes each mail as a readable .eml file under DATA_DIR/mail", async () => {
    const transport = createMailTransport({ SMTP_URL: undefined, MAIL_FROM: "Consulta <no-reply@localhost>", DATA_DIR: dataDir });
    expect(transport.target).toBe(path.join(dataDir, "mail"));
    const { id } = await enqueueMail(db.prisma, {
      to: "dora@example.org",
      template: "staff-invitation",
      locale: "it",
      params: { url: "https://consulta.test/invite?token=t1", role: "OFFICIAL", invitedBy: "Anna Rossi", expiresInDays: 7 },
    });

    const worker = startOutboxWorker({ db: db.prisma, transport, intervalMs: 60_000 });
    await worker.drain();
    await worker.stop();
    transport.close();

    const files = await readdir(path.join(dataDir, "mail"));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/\.eml$/);
    const file = path.join(dataDir, "mail", files[0]!);
    expect((await stat(file)).mode & 0o077).toBe(0); // sign-in links inside: readable by the owner only
    const mail = parseMessage(await readFile(file, "utf8"));
    expect(mail.headers.get("from")).toBe("Consulta <no-reply@localhost>");
    expect(mail.headers.get("to")).toBe("dora@example.org");
    expect(mail.subject).toBe("Invito a Consulta con il ruolo «funzionario o funzionaria»");
    expect(mail.text).toContain("Anna Rossi ti invita a partecipare a Consulta");
    expect(linksIn(mail)).toEqual(["https://consulta.test/invite?token=t1"]);
    expect(mail.html).toContain('<html lang="it"');
    expect(await db.prisma.emailOutbox.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SENT", attempts: 1 });
  });
});
