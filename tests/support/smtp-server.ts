/**
 * A real SMTP server for tests (the `smtp-server` package) that keeps every message it receives,
 * decoded enough to assert on: envelope, headers (RFC 2047 words decoded), text and HTML bodies.
 * Plain SMTP on 127.0.0.1 without STARTTLS; AUTH is accepted with any credentials.
 */
import type { AddressInfo } from "node:net";

import { SMTPServer } from "smtp-server";

export interface CapturedMail {
  /** Envelope sender and recipients (what the client said in MAIL FROM / RCPT TO). */
  envelopeFrom: string;
  envelopeTo: string[];
  /** Header names in lower case, values unfolded and decoded. */
  headers: Map<string, string>;
  subject: string;
  text: string;
  html?: string;
  raw: string;
}

export interface TestSmtpServer {
  /** smtp://127.0.0.1:<port>, ready for SMTP_URL. */
  url: string;
  port: number;
  /** Every message received so far, in order. */
  messages: CapturedMail[];
  /** The first message (already received or arriving later) sent to `to`. */
  waitForMessage(to: string, timeoutMs?: number): Promise<CapturedMail>;
  stop(): Promise<void>;
}

/** Starts a server on `port` (default: a free one). */
export async function startTestSmtpServer(options: { port?: number } = {}): Promise<TestSmtpServer> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<() => void>();

  const server = new SMTPServer({
    authOptional: true,
    allowInsecureAuth: true,
    hideSTARTTLS: true,
    disableReverseLookup: true,
    logger: false,
    closeTimeout: 1_000,
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? "test" });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const envelopeFrom = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push({ ...parseMessage(raw), envelopeFrom, envelopeTo: session.envelope.rcptTo.map((r) => r.address), raw });
        for (const wake of [...waiters]) wake();
        callback();
      });
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  server.on("error", () => undefined); // client resets after the test are not failures
  const port = (server.server.address() as AddressInfo).port;

  const find = (to: string) => messages.find((m) => m.envelopeTo.some((address) => address.toLowerCase() === to.toLowerCase()));

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    waitForMessage(to, timeoutMs = 10_000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = find(to);
          if (!found) return;
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`No mail to ${to} within ${timeoutMs} ms (received: ${messages.map((m) => m.envelopeTo.join(",")).join("; ") || "none"})`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The http(s) links in a mail's text part (e.g. the sign-in link). */
export function linksIn(mail: Pick<CapturedMail, "text">): string[] {
  return [...mail.text.matchAll(/https?:\/\/[^\s<>"]+/g)].map((match) => match[0]);
}

/** A minimal MIME reader, enough for what nodemailer writes: multipart, quoted-printable, base64. */
export function parseMessage(raw: string): Pick<CapturedMail, "headers" | "subject" | "text" | "html"> {
  const part = parsePart(raw.replace(/\r\n/g, "\n"));
  const bodies = leafParts(part);
  const byType = (type: string) => bodies.find((leaf) => (leaf.headers.get("content-type") ?? "text/plain").startsWith(type))?.body;
  return { headers: part.headers, subject: part.headers.get("subject") ?? "", text: byType("text/plain") ?? "", html: byType("text/html") };
}

interface Part {
  headers: Map<string, string>;
  body: string;
  children: Part[];
}

function parsePart(source: string): Part {
  const split = source.indexOf("\n\n");
  const head = split === -1 ? source : source.slice(0, split);
  const rawBody = split === -1 ? "" : source.slice(split + 2);
  const headers = new Map<string, string>();
  for (const line of head.replace(/\n[ \t]+/g, " ").split("\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), decodeWords(line.slice(colon + 1).trim()));
  }
  const contentType = headers.get("content-type") ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (contentType.startsWith("multipart/") && boundary) {
    const sections = rawBody.split(`--${boundary}`).slice(1);
    const children = sections.filter((section) => !section.startsWith("--")).map((section) => parsePart(section.replace(/^\n/, "")));
    return { headers, body: "", children };
  }
  return { headers, body: decodeBody(rawBody, headers.get("content-transfer-encoding") ?? "7bit"), children: [] };
}

function leafParts(part: Part): Part[] {
  return part.children.length ? part.children.flatMap(leafParts) : [part];
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return decodeQuotedPrintable(body.replace(/=\n/g, ""));
    default:
      return body.replace(/\n$/, "");
  }
}

function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const hex = value.slice(i + 1, i + 3);
    if (value[i] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(value[i]!, "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8").replace(/\n$/, "");
}

/** RFC 2047 encoded words (=?UTF-8?Q?…?= / =?UTF-8?B?…?=); whitespace between two words is dropped. */
function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, "$1$2")
    .replace(/=\?[^?]+\?([QB])\?([^?]*)\?=/gi, (_match, kind: string, text: string) =>
      kind.toUpperCase() === "B" ? Buffer.from(text, "base64").toString("utf8") : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}
