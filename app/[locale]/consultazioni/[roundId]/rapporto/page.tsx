import type { Metadata } from "next";
import { cache } from "react";
import { Breadcrumb } from "@/components/layout/breadcrumb";
import { DataTable } from "@/components/layout/data-table";
import { UserText } from "@/components/participation/user-text";
import { roundPath } from "@/components/proposals/links";
import { PrintButton } from "@/components/reports/print-button";
import { roundTrail } from "@/components/rounds/round-trail";
import { getPrisma } from "@/lib/db/client";
import { type Locale, isLocale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import { type ReportBlock, type ReportTable, getRoundReportContent } from "@/lib/reports/report-content";
import { localizedPath } from "@/lib/web/localized-path";
import { pageContext, rethrowAsPage } from "@/lib/web/page-context";

/**
 * A round's summary report, public once the revision drafted from it is published: the same sections
 * as the PDF (participation, results, changes, proposals, decisions) as headings and tables, a table of
 * contents, links to the PDF in Italian and English and a print button (print CSS in app/globals.css).
 */
type Props = { params: Promise<{ locale: string; roundId: string }> };

const load = cache(async (roundId: string, locale: Locale) => getRoundReportContent(getPrisma(), roundId, locale).catch(rethrowAsPage));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale: requested, roundId } = await params;
  const locale = isLocale(requested) ? requested : "it";
  const report = await load(roundId, locale);
  return { title: createTranslator(locale)("reports.metaTitle", { round: report.round.title }) };
}

export default async function RoundReportPage({ params }: Props) {
  const { locale, t } = await pageContext(params);
  const { roundId } = await params;
  const report = await load(roundId, locale);
  const { round } = report;
  const crumbs = [...roundTrail(locale, t, round), { label: t("reports.breadcrumb") }];
  if (!report.published) {
    return (
      <>
        <Breadcrumb t={t} items={crumbs} />
        <h1>{t("reports.title", { round: round.title })}</h1>
        <p className="lead">{t("reports.notPublishedTitle")}</p>
        <p>{t("reports.notPublished")}</p>
        <p>
          <a href={roundPath(locale, round.id)}>{t("reports.backToRound")}</a>
        </p>
      </>
    );
  }
  const { content } = report;
  const pdfHref = (lang: Locale) => `/api/v1/rounds/${round.id}/report.pdf?lang=${lang}`;
  return (
    <>
      <Breadcrumb t={t} items={crumbs} />
      <article className="consulta-report">
        <h1>{content.title}</h1>
        <p className="lead">{content.intro}</p>
        <Table table={content.facts} />

        <section aria-labelledby="report-downloads" className="consulta-no-print my-4">
          <h2 id="report-downloads" className="h5">{t("reports.downloads")}</h2>
          <ul className="list-inline">
            <li className="list-inline-item">
              <a href={pdfHref("it")} hrefLang="it" type="application/pdf">{t("reports.downloadPdfIt")}</a>
            </li>
            <li className="list-inline-item">
              <a href={pdfHref("en")} hrefLang="en" type="application/pdf">{t("reports.downloadPdfEn")}</a>
            </li>
            <li className="list-inline-item">
              <PrintButton label={t("reports.print")} />
            </li>
          </ul>
        </section>

        <nav aria-labelledby="report-contents" className="my-4">
          <h2 id="report-contents" className="h5">{t("reports.contents")}</h2>
          <ol>
            {content.sections.map((section) => (
              <li key={section.id}>
                <a href={`#${section.anchor}`}>{section.title}</a>
              </li>
            ))}
          </ol>
        </nav>

        {content.sections.map((section) => (
          <section key={section.id} id={section.anchor} aria-labelledby={`${section.anchor}-title`} className="my-5 consulta-report-section">
            <h2 id={`${section.anchor}-title`} className="h3">{section.title}</h2>
            {section.blocks.map((block, index) => (
              <Block key={index} block={block} />
            ))}
          </section>
        ))}
        <p className="consulta-no-print">
          <a href={localizedPath(locale, `/consultazioni/${round.id}/esiti`)}>{t("synthesis.outcome.title", { round: round.title })}</a>
        </p>
      </article>
    </>
  );
}

function Block({ block }: { block: ReportBlock }) {
  switch (block.type) {
    case "heading":
      return block.userText ? (
        <h3 className="h5 mt-4" lang="it" dir="auto">
          {block.text}
        </h3>
      ) : (
        <h3 className="h5 mt-4">{block.text}</h3>
      );
    case "paragraph":
      return (
        <>
          {block.label ? <p className="fw-semibold mb-1">{block.label}</p> : null}
          {block.userText ? <UserText text={block.text} lang="it" /> : <p className={block.emphasis ? "text-muted fst-italic" : undefined}>{block.text}</p>}
        </>
      );
    case "list":
      return (
        <ul>
          {block.items.map((item, index) => (
            <li key={index}>
              {item.label ? <span className="fw-semibold">{item.label}</span> : null}
              {item.label && item.text ? <br /> : null}
              {item.text ? (
                item.userText ? (
                  <span className="consulta-user-text" lang="it" dir="auto">
                    {item.text}
                  </span>
                ) : (
                  item.text
                )
              ) : null}
            </li>
          ))}
        </ul>
      );
    case "table":
      return <Table table={block.table} />;
  }
}

function Table({ table }: { table: ReportTable }) {
  const [rowHead, ...columns] = table.head;
  return (
    <DataTable caption={table.caption} className="table table-sm w-auto">
      <thead>
        <tr>
          <th scope="col">{rowHead}</th>
          {columns.map((column, index) => (
            <th key={index} scope="col" className={table.numeric[index] ? "text-end" : undefined}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rows.map((row, rowIndex) => (
          <tr key={rowIndex}>
            <th scope="row">{row.header}</th>
            {row.cells.map((cell, index) => (
              <td key={index} className={table.numeric[index] ? "text-end" : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
