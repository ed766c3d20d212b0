"use client";
import { useEffect, useRef, useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { formatMean, formatNumber } from "@/lib/i18n/format";
import type { LiveSnapshot, LiveTally } from "@/lib/live/live.types";
import { type LiveCommonLabels, type ProjectorLabels, fill } from "./live-labels";
import { LiveTallyTable } from "./live-tally-table";
import styles from "./live.module.css";
import { useLiveSession } from "./use-live-session";

/** What the room's screen reader users hear when the session or its item changes (the screen shows it all). */
export function announcementFor(previous: LiveSnapshot | null, next: LiveSnapshot, labels: LiveCommonLabels): string | null {
  const item = next.currentItem;
  const before = previous?.currentItem ?? null;
  if (previous && previous.session.status !== next.session.status) {
    if (next.session.status === "PAUSED") return labels.announce.paused;
    if (next.session.status === "ENDED") return labels.announce.ended;
    return labels.announce.resumed;
  }
  if (!item || !previous) return null;
  const title = `${item.code ? `${item.code} ` : ""}${item.title}`;
  if (!before || before.id !== item.id) return fill(labels.announce.item, { title });
  if (!before.votingOpen && item.votingOpen) return fill(labels.announce.votingOpened, { title });
  if (before.votingOpen && !item.votingOpen && !item.resultsShown) return fill(labels.announce.votingClosed, { title });
  return null;
}

const BAR_COLOURS = { support: "#2ecc71", oppose: "#ff6b6b", abstain: "#c5c7c9" } as const;

function ResultsChart({ tally, labels, locale }: { tally: LiveTally; labels: ProjectorLabels; locale: Locale }) {
  const counts = tally.combined;
  const rows = [
    { key: "support", label: labels.choices.SUPPORT, value: counts.support },
    { key: "oppose", label: labels.choices.OPPOSE, value: counts.oppose },
    { key: "abstain", label: labels.choices.ABSTAIN, value: counts.abstain },
  ] as const;
  const total = Math.max(counts.total, 1);
  const labelWidth = 330;
  const barSpace = 1000 - labelWidth - 250;
  return (
    <>
      <svg className={styles.chart} viewBox="0 0 1000 330" aria-hidden="true" focusable="false">
        {rows.map((row, index) => {
          const y = 20 + index * 105;
          const width = Math.round((row.value / total) * barSpace);
          const percent = Math.round((row.value / total) * 100);
          return (
            <g key={row.key}>
              <text x={0} y={y + 55} className={styles.chartLabel}>{row.label}</text>
              <rect x={labelWidth} y={y} width={Math.max(width, 4)} height={80} fill={BAR_COLOURS[row.key]} />
              <text x={labelWidth + Math.max(width, 4) + 16} y={y + 55} className={styles.chartValue}>{`${formatNumber(row.value, locale)} (${percent}%)`}</text>
            </g>
          );
        })}
      </svg>
      <p className={styles.resultsSummary} id="projector-results-total">
        {fill(labels.votes, { count: formatNumber(counts.total, locale) })} · {labels.priorityMean}: {formatMean(counts.priorityMean, locale, "—")}
      </p>
      <LiveTallyTable tally={tally} labels={labels} locale={locale} className="visually-hidden" id="projector-results-table" />
    </>
  );
}

/** The room's screen: the item in large type, how to join (QR and code), the results once shown. */
export function LiveProjector({ initial, heading, joinUrl, qrSvg, qrLabel, labels, locale }: {
  initial: LiveSnapshot;
  heading: string;
  joinUrl: string;
  /** The QR code as SVG markup, rendered on the server by the qrcode package from our own URL. */
  qrSvg: string;
  qrLabel: string;
  labels: ProjectorLabels;
  locale: Locale;
}) {
  const live = useLiveSession({ sessionId: initial.session.id }, initial, { unavailable: labels.unavailable });
  const snapshot = live.snapshot ?? initial;
  const item = snapshot.currentItem;
  const tally = live.tally && item && live.tally.itemId === item.id ? live.tally : null;
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef<LiveSnapshot | null>(snapshot);
  const announcedResults = useRef<string | null>(item?.resultsShown ? item.id : null);

  useEffect(() => {
    const text = announcementFor(previous.current, snapshot, labels);
    previous.current = snapshot;
    if (text) setAnnouncement(text);
  }, [snapshot, labels]);

  // Results are announced once their tally has arrived.
  useEffect(() => {
    if (!item?.resultsShown || !tally || announcedResults.current === item.id) return;
    announcedResults.current = item.id;
    setAnnouncement(
      fill(labels.announce.results, {
        title: `${item.code ? `${item.code} ` : ""}${item.title}`,
        support: formatNumber(tally.combined.support, locale),
        oppose: formatNumber(tally.combined.oppose, locale),
        abstain: formatNumber(tally.combined.abstain, locale),
      }),
    );
  }, [item, tally, labels, locale]);

  const state = snapshot.session.status === "PAUSED" ? labels.paused : snapshot.session.status === "ENDED" ? labels.ended : item ? (item.votingOpen ? labels.votingOpen : labels.votingClosed) : null;

  return (
    <div className={styles.projector}>
      <h1 className={styles.projectorHeading}>{heading}</h1>
      <div className="visually-hidden" aria-live="polite" role="status" id="projector-announcement">{announcement}</div>
      <div className="row g-4">
        <div className="col-lg-8">
          {item ? (
            <section aria-labelledby="projector-item-title" id="projector-item">
              {item.code ? <p className={styles.itemCode}>{item.code}</p> : <p className={styles.itemCode}>{labels.kinds.PROPOSAL}</p>}
              <h2 className={styles.itemTitle} id="projector-item-title">{item.title}</h2>
              <p className={styles.itemText}>{item.text}</p>
            </section>
          ) : (
            <p className={styles.itemTitle}>{labels.noItem}</p>
          )}
          {state ? <p className={styles.state} id="projector-state">{state}</p> : null}
          {item?.resultsShown && tally ? (
            <section aria-labelledby="projector-results-title" id="projector-results" className="mt-4">
              <h2 className={styles.projectorHeading} id="projector-results-title">{labels.resultsTitle}</h2>
              <ResultsChart tally={tally} labels={labels} locale={locale} />
            </section>
          ) : null}
        </div>
        <div className="col-lg-4">
          <section aria-labelledby="projector-join-title">
            <h2 className={styles.projectorHeading} id="projector-join-title">{labels.joinTitle}</h2>
            <div className={styles.qr} role="img" aria-label={qrLabel} id="projector-qr" dangerouslySetInnerHTML={{ __html: qrSvg }} />
            <p className={`${styles.joinUrl} mt-3`}>{labels.joinAt} <span id="projector-join-url">{joinUrl}</span></p>
            <p className="mb-1">{labels.codeLabel}</p>
            <p className={styles.joinCode} id="projector-code">{snapshot.session.joinCode}</p>
          </section>
        </div>
      </div>
    </div>
  );
}
