/**
 * Where mail goes: an SMTP server (SMTP_URL), or, without one, .eml files under DATA_DIR/mail so a
 * local installation still "sends" sign-in links that a person can open.
 */
import { randomUUID } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

import nodemailer from "nodemailer";

import type { ServerEnv } from "@/lib/config/env";

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
}

export interface MailTransport {
  /** For the start banner and logs: "smtp://host:port" (never the credentials) or the folder path. */
  readonly target: string;
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export type MailTransportEnv = Pick<ServerEnv, "SMTP_URL" | "MAIL_FROM" | "DATA_DIR">;

export function createMailTransport(env: MailTransportEnv): MailTransport {
  return env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : fileTransport(path.resolve(env.DATA_DIR, "mail"), env.MAIL_FROM);
}

function smtpTransport(url: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url,
    // Bounded waits: an unresponsive server fails the attempt (and the outbox retries later)
    // instead of holding the worker past its lease.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  const parsed = new URL(url);
  const port = parsed.port || (parsed.protocol === "smtps:" ? "465" : "587");
  return {
    target: `${parsed.protocol}//${parsed.hostname}:${port}`,
    async send(mail) {
      await transporter.sendMail({ from, ...message(mail) });
    },
    close: () => transporter.close(),
  };
}

function fileTransport(directory: string, from: string): MailTransport {
  // streamTransport builds the same MIME message SMTP would carry; we only choose where it lands.
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    target: directory,
    async send(mail) {
      const info = await transporter.sendMail({ from, ...message(mail) });
      await mkdir(directory, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      await writeFile(path.join(directory, `${stamp}-${randomUUID().slice(0, 8)}.eml`), info.message as Buffer, { mode: 0o600 });
    },
    close: () => transporter.close(),
  };
}

function message(mail: OutgoingMail) {
  return { to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html ? { html: mail.html } : {}) };
}
