import type { Metadata } from "next";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { DataTable } from "@/components/layout/data-table";
import { getPrisma } from "@/lib/db/client";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { type CatalogueField, getOpenDataCatalogue } from "@/lib/open-data/get-open-data-catalogue";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext } from "@/lib/web/page-context";

/** The open data catalogue: every dataset with its fields, filters and CSV/JSON links; licence; the OpenAPI document. */
export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  return { title: createTranslator(isLocale(locale) ? locale : "it")("openData.title") };
}

/** Message keys cannot hold "-": budget-totals → budgetTotals. */
const messageKey = (name: string) => name.replace(/-(\w)/g, (_match, letter: string) => letter.toUpperCase());

export default async function OpenDataPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale, t } = await pageContext(params);
  const catalogue = await getOpenDataCatalogue(getPrisma());
  const typeLabel = (field: CatalogueField) => {
    const type = t(`openData.types.${field.type}`);
    return field.nullable ? t("openData.types.nullable", { type }) : type;
  };
  const href = (name: string, format: "csv" | "json", round?: string) => `/api/v1/${name}?format=${format}${round ? `&round=${round}` : ""}`;

  return (
    <>
      <Breadcrumb t={t} items={[{ label: t("common.home"), href: localizedPath(locale, "/") }, { label: t("openData.title") }]} />
      <h1>{t("openData.title")}</h1>
      <p className="lead">{t("openData.intro")}</p>
      <p>
        {t("openData.licence")}{" "}
        <a href={locale === "it" ? "https://creativecommons.org/licenses/by/4.0/deed.it" : "https://creativecommons.org/licenses/by/4.0/"} hrefLang={locale} lang="en">
          Creative Commons Attribution 4.0 International (CC BY 4.0)
        </a>
        .
      </p>
      <p>{t("openData.formats")}</p>
      <p>
        {t("openData.api")} <a href="/api/v1/openapi.json">{t("openData.apiLink")}</a>
      </p>

      <nav aria-labelledby="datasets-title" className="my-4">
        <h2 id="datasets-title" className="h4">{t("openData.datasetsTitle")}</h2>
        <ul>
          {catalogue.datasets.map((dataset) => (
            <li key={dataset.name}>
              <a href={`#${dataset.name}`}>{t(`openData.datasets.${messageKey(dataset.name)}.title`)}</a>
            </li>
          ))}
        </ul>
      </nav>

      {catalogue.datasets.map((dataset) => {
        const key = messageKey(dataset.name);
        const title = t(`openData.datasets.${key}.title`);
        const needsRound = dataset.filters.some((filter) => filter.name === "round" && filter.required);
        const round = needsRound ? catalogue.exampleRound : null;
        return (
          <section key={dataset.name} id={dataset.name} className="my-5" aria-labelledby={`${dataset.name}-title`}>
            <h2 id={`${dataset.name}-title`} className="h3">{title}</h2>
            <p>{t(`openData.datasets.${key}.description`)}</p>
            <p>
              <strong>{t("openData.filtersLabel")}</strong> {t(`openData.datasets.${key}.filters`)}
            </p>
            {needsRound && !round ? (
              <p>{t("openData.noRoundYet")}</p>
            ) : (
              <>
                {round ? <p>{t("openData.exampleRound", { round: round.title })}</p> : null}
                <ul className="list-inline">
                  <li className="list-inline-item">
                    <a className="btn btn-primary btn-sm" href={href(dataset.name, "csv", round?.id)} download={`${dataset.name}.csv`}>
                      {t("openData.downloadCsv")}
                      <span className="visually-hidden"> {t("openData.downloadOf", { dataset: title })}</span>
                    </a>
                  </li>
                  <li className="list-inline-item">
                    <a className="btn btn-outline-primary btn-sm" href={href(dataset.name, "json", round?.id)}>
                      {t("openData.downloadJson")}
                      <span className="visually-hidden"> {t("openData.downloadOf", { dataset: title })}</span>
                    </a>
                  </li>
                </ul>
              </>
            )}
            <DataTable caption={t("openData.fieldsCaption", { dataset: title })}>
              <thead>
                <tr>
                  <th scope="col">{t("openData.columns.name")}</th>
                  <th scope="col">{t("openData.columns.type")}</th>
                  <th scope="col">{t("openData.columns.description")}</th>
                </tr>
              </thead>
              <tbody>
                {dataset.fields.map((field) => (
                  <tr key={field.name}>
                    <th scope="row">
                      <code>{field.name}</code>
                    </th>
                    <td>
                      {typeLabel(field)}
                      {field.values ? (
                        <>
                          {": "}
                          {field.values.map((value, index) => (
                            <span key={value}>
                              {index > 0 ? ", " : null}
                              <code>{value}</code>
                            </span>
                          ))}
                        </>
                      ) : null}
                    </td>
                    <td>{t(`openData.fields.${key}.${field.name}`)}</td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>
        );
      })}
    </>
  );
}
