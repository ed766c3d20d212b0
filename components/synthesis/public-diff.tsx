import { ScrollableTable } from "@/components/layout/scrollable-table";
import { formatDate, formatEuroCents } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import type { AxisDiff, FieldChange, MeasureDiff } from "@/lib/synthesis/get-revision-diff";
import type { WordDiffSegment } from "@/lib/synthesis/word-diff";
import styles from "./public-diff.module.css";

/**
 * Public rendering of revision diffs (revision page, "you said, we did" page). Inserted words are
 * <ins>, removed ones <del>; besides colour they are underlined / struck through and carry visually
 * hidden "added:" / "removed:" markers, since screen readers mostly do not announce ins/del.
 */
export function WordDiffText({ segments, locale, t, as: Tag = "p" }: { segments: WordDiffSegment[]; locale: Locale; t: Translate; as?: "p" | "span" | "div" }) {
  // Plan texts are Italian whatever the page's language; the markers are in the page's language.
  return (
    <Tag className={styles.text} lang="it">
      {segments.map((segment, index) => {
        if (segment.kind === "same") return <span key={index}>{segment.text}</span>;
        const Mark = segment.kind === "added" ? "ins" : "del";
        return (
          <Mark key={index} className={segment.kind === "added" ? styles.added : styles.removed}>
            <span className="visually-hidden" lang={locale}>{t(segment.kind === "added" ? "synthesis.revision.diff.addedStart" : "synthesis.revision.diff.removedStart")}</span>
            {segment.text}
            <span className="visually-hidden" lang={locale}>{t("synthesis.revision.diff.markEnd")}</span>
          </Mark>
        );
      })}
    </Tag>
  );
}

/** How the marks look, said in words once per page. */
export function DiffLegend({ t }: { t: Translate }) {
  return (
    <p className={styles.legend}>
      <span>
        <ins className={styles.added}>{t("synthesis.revision.diff.legendAdded")}</ins>
      </span>
      <span>
        <del className={styles.removed}>{t("synthesis.revision.diff.legendRemoved")}</del>
      </span>
    </p>
  );
}

function fieldValue(change: FieldChange, value: FieldChange["before"], locale: Locale, t: Translate): string {
  if (value === null) return t("synthesis.revision.fields.empty");
  if (change.field === "budgetCents") return formatEuroCents(value as number, locale);
  if (value instanceof Date) return formatDate(value, locale);
  return String(value);
}

/** Decision fields old → new, as a table. */
export function FieldChangesTable({ code, fields, locale, t }: { code: string; fields: FieldChange[]; locale: Locale; t: Translate }) {
  const caption = t("synthesis.revision.fields.caption", { code });
  return (
    <ScrollableTable label={caption}>
      <table className="table table-sm">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("synthesis.revision.fields.field")}</th>
            <th scope="col">{t("synthesis.revision.fields.before")}</th>
            <th scope="col">{t("synthesis.revision.fields.after")}</th>
          </tr>
        </thead>
        <tbody>
          {fields.map((change) => (
            <tr key={change.field}>
              <th scope="row">{t(`synthesis.revision.fields.names.${change.field}`)}</th>
              <td>
                <del className={styles.removed}>
                  <span className="visually-hidden">{t("synthesis.revision.diff.removedStart")}</span>
                  {fieldValue(change, change.before, locale, t)}
                </del>
              </td>
              <td>
                <ins className={styles.added}>
                  <span className="visually-hidden">{t("synthesis.revision.diff.addedStart")}</span>
                  {fieldValue(change, change.after, locale, t)}
                </ins>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollableTable>
  );
}

/**
 * One measure's differences: what happened to it, its text diff, its decision fields, its move.
 * `only` narrows it to one aspect (a recorded change about the text alone, or the fields alone).
 */
export function MeasureDiffBody({ measure, locale, t, only }: { measure: MeasureDiff; locale: Locale; t: Translate; only?: "text" | "fields" }) {
  const showText = only !== "fields";
  const showFields = only !== "text";
  return (
    <>
      {measure.moved && !only ? <p>{t("synthesis.revision.movedFromTo", { from: measure.moved.from, to: measure.moved.to })}</p> : null}
      {!showText ? null : measure.text ? (
        <WordDiffText segments={measure.text} locale={locale} t={t} />
      ) : measure.kind === "changed" ? (
        <p className="text-muted">{t("synthesis.revision.textUnchanged")}</p>
      ) : null}
      {showFields && measure.fields.length > 0 ? <FieldChangesTable code={measure.code} fields={measure.fields} locale={locale} t={t} /> : null}
    </>
  );
}

/** An axis' own texts that differ: title, expected results (intro and bullets), measures intro. */
export function AxisTextsDiff({ axis, locale, t }: { axis: AxisDiff; locale: Locale; t: Translate }) {
  return (
    <>
      {axis.titleDiff ? (
        <div>
          <h4 className="h6">{t("synthesis.revision.axisTitle")}</h4>
          <WordDiffText segments={axis.titleDiff} locale={locale} t={t} />
        </div>
      ) : null}
      {axis.resultsIntroDiff || axis.bullets ? (
        <div>
          <h4 className="h6">{t("synthesis.revision.expectedResults")}</h4>
          {axis.resultsIntroDiff ? <WordDiffText segments={axis.resultsIntroDiff} locale={locale} t={t} /> : null}
          {axis.bullets ? (
            <ul>
              {axis.bullets.map((bullet, index) => (
                <li key={index}>
                  <WordDiffText segments={bullet.segments} locale={locale} t={t} as="span" />
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {axis.measuresIntroDiff ? (
        <div>
          <h4 className="h6">{t("synthesis.revision.measuresIntro")}</h4>
          <WordDiffText segments={axis.measuresIntroDiff} locale={locale} t={t} />
        </div>
      ) : null}
    </>
  );
}
