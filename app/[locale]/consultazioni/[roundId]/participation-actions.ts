"use server";
import { redirect } from "next/navigation";
import type { FormState } from "@/components/auth/form-state";
import { formFailure, formFields } from "@/components/participation/form-failure";
import { getPrisma } from "@/lib/db/client";
import { type Locale, localeOrDefault } from "@/lib/i18n/locales";
import { editComment } from "@/lib/participation/edit-comment";
import { postComment } from "@/lib/participation/post-comment";
import { roundIdSchema } from "@/lib/rounds/rounds.schemas";
import { formOutcome } from "@/lib/web/action-outcome";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/**
 * The round page's participation forms (comments on the plan's axes): parse, call one
 * lib/participation service, back to the round page at the comment, or the form's state with the
 * errors and the typed text. The bound ids come back from the browser: the services check them.
 */
export interface AxisFormContext {
  roundId: string;
  axisId: string;
}

function back(locale: Locale, roundId: string, esito: string, anchor: string): never {
  const id = roundIdSchema.safeParse(roundId);
  redirect(id.success ? `${localizedPath(locale, `/consultazioni/${id.data}`)}?esito=${esito}#${anchor}` : localizedPath(locale, "/consultazioni"));
}

export async function postAxisCommentAction(locale: string, context: AxisFormContext, parentId: string | null, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  const input = { ...formFields(data), roundId: context.roundId, axisId: context.axisId, ...(parentId ? { parentId } : {}) };
  return formOutcome(
    async () => postComment(getPrisma(), await currentActor(), input),
    (error) => formFailure(target, error, data, ["body"]),
    ({ id }) => back(target, context.roundId, parentId ? "risposta-pubblicata" : "commento-pubblicato", `comment-${id}`),
  );
}

export async function editAxisCommentAction(locale: string, context: AxisFormContext, commentId: string, _state: FormState, data: FormData): Promise<FormState> {
  const target = localeOrDefault(locale);
  return formOutcome(
    async () => editComment(getPrisma(), await currentActor(), { ...formFields(data), commentId }),
    (error) => formFailure(target, error, data, ["body"]),
    () => back(target, context.roundId, "commento-modificato", `comment-${commentId}`),
  );
}
