/**
 * Mail the e2e server sent: it runs without SMTP_URL, so the outbox worker writes each mail as an
 * .eml file into the directory named in the server's start banner ("mail": "written to <dir> …").
 */
import fs from "node:fs";
import path from "node:path";
import { resultsDir } from "./e2e-server";
import { parseMessage } from "./smtp-server";

function mailDirectory(): string {
  const banner = fs
    .readFileSync(path.join(resultsDir, "e2e-server.log"), "utf8")
    .split("\n")
    .map((line) => {
      try {
        return JSON.parse(line) as { mail?: string };
      } catch {
        return {};
      }
    })
    .find((entry) => typeof entry.mail === "string");
  const match = /^written to (.+) \(no SMTP_URL\)$/.exec(banner?.mail ?? "");
  if (!match) throw new Error(`no mail directory in the server banner: ${JSON.stringify(banner)}`);
  return match[1]!;
}

/** Waits for a mail to `address` whose text satisfies `matches`. */
export async function mailTo(address: string, matches: (text: string) => boolean = () => true, timeoutMs = 30_000): Promise<{ subject: string; text: string }> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const dir = mailDirectory();
    for (const file of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      const raw = fs.readFileSync(path.join(dir, file), "utf8");
      const mail = parseMessage(raw);
      if (raw.includes(address) && matches(mail.text)) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`no matching mail to ${address} within ${timeoutMs / 1000}s`);
}
