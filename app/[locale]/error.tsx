"use client";

import { useParams } from "next/navigation";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";

/** Unexpected errors: a generic message (details are in the server log), never a stack trace. */
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  const t = createTranslator(isLocale(locale) ? locale : "it");
  return (
    <>
      <h1>{t("errors.genericTitle")}</h1>
      <p className="lead">{t("errors.generic")}</p>
      <button type="button" className="btn btn-primary" onClick={reset}>
        {t("errors.retry")}
      </button>
    </>
  );
}
