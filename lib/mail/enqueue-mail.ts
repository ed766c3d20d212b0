/**
 * Mails are never sent inline: they are rendered and written to the EmailOutbox table, and the
 * outbox worker sends them. Written through the caller's transaction client, the mail commits or
 * rolls back with the change that caused it (no "account created but link never sent", no
 * "link sent for an account that was rolled back").
 */
import { z } from "zod";

import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import type { Locale } from "@/lib/i18n/locales";

import { renderMail, type MailTemplateName, type MailTemplateParams } from "./mail-templates";

/** A Prisma client or the client of an interactive transaction (`prisma.$transaction(async (tx) => …)`). */
export type MailDb = PrismaClient | Prisma.TransactionClient;

export interface EnqueueMailInput<T extends MailTemplateName> {
  to: string;
  template: T;
  locale: Locale;
  params: MailTemplateParams[T];
  /** Not before this time (default: as soon as the worker runs). */
  sendAfter?: Date;
}

const recipient = z.email();

/** Any template's input, for batches that mix templates. */
export type AnyEnqueueMailInput = { [T in MailTemplateName]: EnqueueMailInput<T> }[MailTemplateName];

function outboxRow<T extends MailTemplateName>(input: EnqueueMailInput<T>) {
  const to = recipient.parse(input.to.trim());
  const { subject, text, html } = renderMail(input.template, input.locale, input.params);
  return { to, template: input.template, locale: input.locale, subject, text, html, sendAfter: input.sendAfter };
}

export async function enqueueMail<T extends MailTemplateName>(db: MailDb, input: EnqueueMailInput<T>): Promise<{ id: string }> {
  return db.emailOutbox.create({ data: outboxRow(input), select: { id: true } });
}

/**
 * Many mails in one statement (e.g. everyone notified when a round opens): each rendered as
 * enqueueMail does, then one INSERT, so a long recipient list doesn't cost a round trip per mail
 * inside the caller's transaction. All or none: an invalid address throws before anything is written.
 */
export async function enqueueMails(db: MailDb, inputs: readonly AnyEnqueueMailInput[]): Promise<number> {
  if (inputs.length === 0) return 0;
  const { count } = await db.emailOutbox.createMany({ data: inputs.map((input) => outboxRow(input as EnqueueMailInput<MailTemplateName>)) });
  return count;
}
