import type { Locale } from "@/lib/i18n/locales";
import { formatMean, formatNumber } from "@/lib/i18n/format";
import type { LiveTally, LiveTallyCounts } from "@/lib/live/live.types";
import type { LiveCommonLabels } from "./live-labels";

/** The current item's results as a table: in the room (live), on paper and combined. */
export function LiveTallyTable({ tally, labels, locale, id, className = "table" }: { tally: LiveTally; labels: LiveCommonLabels; locale: Locale; id?: string; className?: string }) {
  const rows: [string, LiveTallyCounts | null][] = [
    [labels.tally.live, tally.live],
    [labels.tally.paper, tally.paper],
    [labels.tally.combined, tally.combined],
  ];
  return (
    <table className={className} id={id}>
      <caption>{labels.tally.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{labels.tally.source}</th>
          <th scope="col" className="text-end">{labels.choices.SUPPORT}</th>
          <th scope="col" className="text-end">{labels.choices.OPPOSE}</th>
          <th scope="col" className="text-end">{labels.choices.ABSTAIN}</th>
          <th scope="col" className="text-end">{labels.tally.total}</th>
          <th scope="col" className="text-end">{labels.tally.priorityMean}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, counts]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            {counts ? (
              <>
                <td className="text-end">{formatNumber(counts.support, locale)}</td>
                <td className="text-end">{formatNumber(counts.oppose, locale)}</td>
                <td className="text-end">{formatNumber(counts.abstain, locale)}</td>
                <td className="text-end">{formatNumber(counts.total, locale)}</td>
                <td className="text-end">{formatMean(counts.priorityMean, locale, "—")}</td>
              </>
            ) : (
              <td colSpan={5}>{labels.tally.none}</td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
