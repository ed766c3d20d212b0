"use server";
import { redirect } from "next/navigation";
import { changeDecisionOption } from "@/lib/decisions/change-decision-option";
import { getPrisma } from "@/lib/db/client";
import { localeOrDefault } from "@/lib/i18n/locales";
import { actionOutcome } from "@/lib/web/action-outcome";
import { currentActor } from "@/lib/web/auth";
import { localizedPath } from "@/lib/web/localized-path";

/** Outcome of each change, announced on the page after the redirect (?esito=…). */
const done = { add: "aggiunta", rename: "rinominata", archive: "archiviata", restore: "ripristinata", up: "spostata", down: "spostata" } as const;

/** /admin/elenchi's forms: one lib/decisions call, then back to the page with the outcome (and the entry to focus). */
export async function changeOptionAction(locale: string, data: FormData): Promise<void> {
  const target = localeOrDefault(locale);
  const input = Object.fromEntries([...data.entries()].filter(([key, value]) => !key.startsWith("$") && typeof value === "string"));
  const action = String(input.action ?? "") as keyof typeof done;
  const outcome = await actionOutcome(async () => changeDecisionOption(getPrisma(), await currentActor(), input), done[action] ?? "aggiunta", (error) => {
    if (error.code === "UNAUTHENTICATED") redirect(localizedPath(target, "/accedi"));
    if (error.code === "CONFLICT") return "esistente";
    if (error.code === "NOT_FOUND") return "non-trovata";
    if (error.code === "FORBIDDEN") redirect(localizedPath(target, "/admin/elenchi"));
    return "non-valida";
  });
  redirect(`${localizedPath(target, "/admin/elenchi")}?esito=${outcome}`);
}
