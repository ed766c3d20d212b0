import type { RoundSectionProps } from "@/components/participation/measure-participation-props";
import { getPrisma } from "@/lib/db/client";
import { formatNumber } from "@/lib/i18n/format";
import { listSwotEntries } from "@/lib/swot/list-swot-entries";
import { swotPath } from "./links";

/** The round page's SWOT summary: how many observations of each kind, and the way to the board. */
export async function RoundSwot({ locale, t, actor, round }: RoundSectionProps) {
  const board = await listSwotEntries(getPrisma(), actor, round.id, {}, { perKind: 0 });
  const href = swotPath(locale, round.id);
  return (
    <section className="my-5" aria-labelledby="round-swot-title" id="swot">
      <h2 id="round-swot-title" className="h3">{t("swot.title")}</h2>
      <p>{t("swot.roundIntro")}</p>
      <ul className="list-inline">
        {board.groups.map((group) => (
          <li key={group.kind} className="list-inline-item">{t(`swot.kinds.${group.kind}`)}: {formatNumber(group.total, locale)}</li>
        ))}
      </ul>
      <p>
        <a className="btn btn-outline-primary" href={href}>{board.round.acceptsContributions ? t("swot.round.openAndAdd") : t("swot.round.open")}</a>
      </p>
    </section>
  );
}
