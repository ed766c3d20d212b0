import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AccountableMeasureItem, BudgetCharts } from "@/components/accountability/accountability-parts";
import { Breadcrumb, plansTrail } from "@/components/layout/breadcrumb";
import { DataTable } from "@/components/layout/data-table";
import { type AccountabilityFilters, accountabilitySearchSchema, implementationStatuses } from "@/lib/accountability/accountability.schemas";
import { getAccountability } from "@/lib/accountability/get-accountability";
import { getPrisma } from "@/lib/db/client";
import { formatEuroBigCents, formatNumber } from "@/lib/i18n/format";
import { isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { planSlugSchema } from "@/lib/plan/plan.schemas";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

/** The public accountability page of a plan: every measure's decision, status and progress; budget totals; filters (GET). */
type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

// The metadata and the page ask for the same data: one read per request (cached by value).
const read = cache((slug: string, asse?: number, stato?: AccountabilityFilters["stato"], dipartimento?: string) =>
  getAccountability(getPrisma(), { slug }, { asse, stato, dipartimento }).catch(rethrowAsPage),
);

async function load({ params, searchParams }: Props) {
  const slug = planSlugSchema.safeParse((await params).slug);
  // The proxy answers malformed filters with the 400 page; this only guards direct calls.
  const filters = accountabilitySearchSchema.safeParse(await searchParams);
  if (!slug.success || !filters.success) notFound();
  return read(slug.data, filters.data.asse, filters.data.stato, filters.data.dipartimento);
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { locale } = await props.params;
  const data = await load(props);
  return { title: createTranslator(isLocale(locale) ? locale : "it")("accountability.metaTitle", { plan: data.plan.title }) };
}

export default async function AccountabilityPage(props: Props) {
  const { locale, t } = await pageContext(props.params);
  const data = await load(props);
  const { plan, totals, filters } = data;
  const planHref = localizedPath(locale, `/piani/${plan.slug}`);
  const base = `${planHref}/attuazione`;
  const filtered = filters.asse !== undefined || filters.stato !== undefined || filters.dipartimento !== undefined;
  const dataset = `/api/v1/budget-totals?plan=${encodeURIComponent(plan.slug)}`;

  return (
    <>
      <Breadcrumb t={t} items={[...plansTrail(locale, t), { label: plan.title, href: planHref }, { label: t("accountability.breadcrumb") }]} />
      <p className="category-top mb-1" lang="it">{plan.title}</p>
      <h1>{t("accountability.title")}</h1>
      <p className="lead">{t("accountability.intro")}</p>
      <p>{t("accountability.revisionNote", { number: plan.revision.number })}</p>

      <section id="sintesi" aria-labelledby="summary-title" className="my-5">
        <h2 id="summary-title" className="h3">{t("accountability.summary.title")}</h2>
        <DataTable caption={t("accountability.summary.caption")} className="table table-sm w-auto" id="stati">
          <thead>
            <tr>
              <th scope="col">{t("accountability.summary.status")}</th>
              <th scope="col" className="text-end">{t("accountability.summary.measures")}</th>
            </tr>
          </thead>
          <tbody>
            {data.statusCounts.map(({ status, measures }) => (
              <tr key={status}>
                <th scope="row" className="fw-normal">{t(`accountability.status.${status}`)}</th>
                <td className="text-end">{formatNumber(measures, locale)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">{t("accountability.summary.total")}</th>
              <td className="text-end fw-semibold">{formatNumber(data.totalMeasures, locale)}</td>
            </tr>
          </tbody>
        </DataTable>
        <p className="fw-semibold mb-1" id="budget-complessivo">{t("accountability.summary.budget", { amount: formatEuroBigCents(totals.totalCents, locale) })}</p>
        <ul>
          <li>{t("accountability.summary.withBudget", { count: totals.measuresWithBudget })}</li>
          <li>{t("accountability.summary.withoutBudget", { count: totals.measuresWithoutBudget })}</li>
          {totals.droppedMeasures > 0 ? <li>{t("accountability.summary.dropped", { count: totals.droppedMeasures })}</li> : null}
        </ul>
      </section>

      <section id="budget" aria-labelledby="budget-title" className="my-5">
        <h2 id="budget-title" className="h3">{t("accountability.budget.title")}</h2>
        <p>{t("accountability.budget.intro")}</p>
        {totals.measuresWithBudget === 0 ? <p>{t("accountability.budget.none")}</p> : <BudgetCharts totals={totals} locale={locale} t={t} />}
        <h3 className="h5 mt-4" id="downloads-title">{t("accountability.downloads.title")}</h3>
        <p>{t("accountability.downloads.intro")}</p>
        <ul aria-labelledby="downloads-title">
          <li><a href={`${dataset}&format=csv`}>{t("accountability.downloads.csv")}</a></li>
          <li><a href={`${dataset}&format=json`}>{t("accountability.downloads.json")}</a></li>
          <li><a href={localizedPath(locale, "/dati-aperti")}>{t("accountability.downloads.catalogue")}</a></li>
        </ul>
      </section>

      <section id="misure" aria-labelledby="measures-title" className="my-5">
        <h2 id="measures-title" className="h3">{t("accountability.measures.title")}</h2>
        <form method="get" action={base} className="row g-3 align-items-end my-4" aria-labelledby="filters-title">
          <h3 id="filters-title" className="h5 col-12 mb-0">{t("accountability.filters.title")}</h3>
          <FilterSelect
            name="asse"
            label={t("accountability.filters.axis")}
            value={filters.asse === undefined ? "" : String(filters.asse)}
            all={t("accountability.filters.allAxes")}
            options={data.axisOptions.map((axis) => ({ value: String(axis.number), label: t("accountability.axisHeading", { number: axis.number, title: axis.title }) }))}
          />
          <FilterSelect
            name="stato"
            label={t("accountability.filters.status")}
            value={filters.stato ?? ""}
            all={t("accountability.filters.allStatuses")}
            options={implementationStatuses.map((status) => ({ value: status, label: t(`accountability.status.${status}`) }))}
          />
          <FilterSelect
            name="dipartimento"
            label={t("accountability.filters.department")}
            value={filters.dipartimento ?? ""}
            all={t("accountability.filters.allDepartments")}
            // A department typed in the address that no measure names exactly stays shown as chosen.
            options={[...(filters.dipartimento !== undefined && !data.departmentOptions.includes(filters.dipartimento) ? [filters.dipartimento] : []), ...data.departmentOptions].map((department) => ({ value: department, label: department }))}
          />
          <div className="col-sm-6 col-lg-3">
            <button type="submit" className="btn btn-outline-primary me-2">{t("accountability.filters.submit")}</button>
            {filtered ? <a href={`${base}#misure`}>{t("accountability.filters.reset")}</a> : null}
          </div>
        </form>
        <p id="misure-mostrate">{t("accountability.filters.shown", { count: data.shownMeasures, total: formatNumber(data.totalMeasures, locale) })}</p>
        {data.shownMeasures === 0 ? <p>{t("accountability.filters.none")}</p> : null}
        {data.axes.map((axis) => (
          <section key={axis.id} id={`asse-${axis.number}`} aria-labelledby={`asse-${axis.number}-title`} className="mt-4 pt-3 border-top">
            <h3 id={`asse-${axis.number}-title`} className="h4">{t("accountability.axisHeading", { number: axis.number, title: axis.title })}</h3>
            <ul className="list-unstyled">
              {axis.measures.map((measure) => (
                <AccountableMeasureItem key={measure.id} measure={measure} href={`${base}/${measure.code}`} locale={locale} t={t} />
              ))}
            </ul>
          </section>
        ))}
      </section>
    </>
  );
}

/** One of the filter form's lists: "all" (empty value) first, then the choices. */
function FilterSelect({ name, label, value, all, options }: { name: string; label: string; value: string; all: string; options: { value: string; label: string }[] }) {
  return (
    <div className="col-sm-6 col-lg-3">
      <div className="select-wrapper">
        <label htmlFor={name}>{label}</label>
        <select id={name} name={name} defaultValue={value}>
          <option value="">{all}</option>
          {options.map((option) => (
            <option key={option.value} value={option.value}>{option.label}</option>
          ))}
        </select>
      </div>
    </div>
  );
}
