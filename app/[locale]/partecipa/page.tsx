import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ErrorSummary, InputField } from "@/components/forms/fields";
import { joinCodeSchema } from "@/lib/live/live.schemas";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await pageContext(params);
  return { title: t("live.join.title") };
}

/** "Join a live session": the short code shown in the room. A plain GET form; a valid code leads to /partecipa/<code>. */
export default async function JoinLivePage({ params, searchParams }: Props) {
  const { locale, t } = await pageContext(params);
  const query = await searchParams;
  const typed = typeof query.codice === "string" ? query.codice : undefined;
  let error: string | undefined;
  if (typed !== undefined) {
    const parsed = joinCodeSchema.safeParse(typed);
    if (parsed.success) redirect(localizedPath(locale, `/partecipa/${parsed.data}`));
    error = t("live.join.codeInvalid");
  }
  return (
    <div className="row"><div className="col-lg-6">
      <h1>{t("live.join.title")}</h1>
      <p>{t("live.join.intro")}</p>
      <form method="get" action={localizedPath(locale, "/partecipa")} noValidate>
        <ErrorSummary title={t("live.join.errorSummary")} errors={error ? { codice: error } : {}} labels={{ codice: t("live.join.code") }} />
        <InputField name="codice" label={t("live.join.code")} hint={t("live.join.codeHint")} defaultValue={typed} error={error} maxLength={12} autoComplete="off" required />
        <button type="submit" className="btn btn-primary btn-lg">{t("live.join.submit")}</button>
      </form>
    </div></div>
  );
}
