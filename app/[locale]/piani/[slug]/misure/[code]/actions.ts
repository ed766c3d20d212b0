"use server";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/auth/form-state";
import { formFailure, formFields } from "@/components/participation/form-failure";
import { getPrisma } from "@/lib/db/client";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { castVote } from "@/lib/participation/cast-vote";
import { encodeCommentCursor, parseCommentCursor } from "@/lib/participation/comments.schemas";
import { editComment } from "@/lib/participation/edit-comment";
import { postComment } from "@/lib/participation/post-comment";
import { measureCodeSchema, planSlugSchema } from "@/lib/plan/plan.schemas";
import { formOutcome } from "@/lib/web/action-outcome";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/**
 * The measure page's participation forms: parse, call one lib/participation service, then back to
 * the measure page with the outcome (or the form's state with the errors and the typed text).
 * The bound context comes back from the browser, so it is checked again: the services re-check the
 * round and the measure, and the page address is rebuilt only from a valid plan slug and code.
 */
export interface MeasureFormContext {
  roundId: string;
  measureId: string;
  planSlug: string;
  code: string;
  /** The comments page the form was on (`?commenti=`), to come back to it. */
  cursor?: string | null;
}

function back(locale: Locale, context: MeasureFormContext, query: Record<string, string>, anchor: string): never {
  const slug = planSlugSchema.safeParse(context.planSlug);
  const code = measureCodeSchema.safeParse(context.code);
  const path = slug.success && code.success ? `/piani/${slug.data}/misure/${code.data}` : "/piani";
  const cursor = parseCommentCursor(context.cursor);
  const params = new URLSearchParams(cursor ? { commenti: encodeCommentCursor(cursor), ...query } : query);
  redirect(`${localizedPath(locale, path)}?${params}#${anchor}`);
}

export async function castVoteAction(locale: string, context: MeasureFormContext, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => castVote(getPrisma(), await currentActor(), { ...formFields(data), roundId: context.roundId, measureId: context.measureId }),
    (error) => formFailure(target, error, data, ["choice", "priority"]),
    () => back(target, { ...context, cursor: null }, { esito: "voto-registrato" }, "voto"),
  );
}

export async function postCommentAction(locale: string, context: MeasureFormContext, parentId: string | null, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const input = { ...formFields(data), roundId: context.roundId, measureId: context.measureId, ...(parentId ? { parentId } : {}) };
  return formOutcome(
    async () => postComment(getPrisma(), await currentActor(), input),
    (error) => formFailure(target, error, data, ["body"]),
    ({ id }) => back(target, parentId ? context : { ...context, cursor: null }, { esito: parentId ? "risposta-pubblicata" : "commento-pubblicato" }, `comment-${id}`),
  );
}

export async function editCommentAction(locale: string, context: MeasureFormContext, commentId: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => editComment(getPrisma(), await currentActor(), { ...formFields(data), commentId }),
    (error) => formFailure(target, error, data, ["body"]),
    () => back(target, context, { esito: "commento-modificato" }, `comment-${commentId}`),
  );
}
