"use client";
import { useEffect, useRef, useState } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { formatNumber, formatTime } from "@/lib/i18n/format";
import type { LiveGuestRequestView } from "@/lib/live/live.types";
import { type ConsoleLabels, fill } from "./live-labels";

function countText(labels: ConsoleLabels["guests"], count: number, locale: Locale): string {
  return fill(new Intl.PluralRules(locale).select(count) === "one" ? labels.countOne : labels.countOther, { count: formatNumber(count, locale) });
}

/**
 * The console's "Guests waiting" panel: people in the room without an account who asked to take
 * part, each with the name and category they gave and when; a host admits or refuses them. A change
 * of the count is announced politely; after a decision the focus goes to the next guest's "Admit"
 * (or to the heading when nobody is left), not to the page's start.
 */
export function LiveGuestRequests({ guests, labels, locale, busy, onDecide }: {
  guests: LiveGuestRequestView[];
  labels: ConsoleLabels["guests"];
  locale: Locale;
  busy: boolean;
  onDecide: (guest: LiveGuestRequestView, admit: boolean) => Promise<unknown>;
}) {
  const [announcement, setAnnouncement] = useState("");
  /** The position of the guest just decided on: once the buttons are enabled again, the focus goes there. */
  const focusIndex = useRef<number | null>(null);
  const shownCount = useRef(guests.length);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (guests.length === shownCount.current) return;
    shownCount.current = guests.length;
    setAnnouncement(guests.length === 0 ? labels.empty : countText(labels, guests.length, locale));
  }, [guests.length, labels, locale]);

  useEffect(() => {
    if (busy || focusIndex.current === null) return;
    const next = guests[Math.min(focusIndex.current, guests.length - 1)];
    focusIndex.current = null;
    (next ? document.getElementById(`live-guest-admit-${next.id}`) : headingRef.current)?.focus();
  }, [busy, guests]);

  function decide(guest: LiveGuestRequestView, admit: boolean, index: number) {
    focusIndex.current = index;
    void onDecide(guest, admit);
  }

  return (
    <section aria-labelledby="live-guests-title" className="my-4 p-3 border rounded" id="live-guests-panel">
      <h2 id="live-guests-title" className="h3" tabIndex={-1} ref={headingRef}>
        {labels.title} <span className="badge bg-primary align-middle" id="live-guests-count">{formatNumber(guests.length, locale)}</span>
      </h2>
      <p>{labels.intro}</p>
      <div className="visually-hidden" aria-live="polite" role="status" id="live-guests-announcement">{announcement}</div>
      {guests.length > 0 ? (
        <ul className="list-unstyled mb-0" id="live-guests">
          {guests.map((guest, index) => (
            <li key={guest.id} id={`live-guest-${guest.id}`} className="d-flex flex-wrap align-items-center gap-2 py-2 border-bottom">
              <span className="me-auto">
                <span className="fw-bold live-guest-name">{guest.displayName}</span>
                {" · "}
                <span>{labels.categories[guest.category] ?? guest.category}</span>
                {" · "}
                <time dateTime={guest.requestedAt}>{fill(labels.requestedAt, { time: formatTime(new Date(guest.requestedAt), locale) })}</time>
              </span>
              <button type="button" className="btn btn-primary btn-sm" id={`live-guest-admit-${guest.id}`} disabled={busy} onClick={() => decide(guest, true, index)}>
                {labels.admit}<span className="visually-hidden"> {guest.displayName}</span>
              </button>
              <button type="button" className="btn btn-outline-danger btn-sm" id={`live-guest-refuse-${guest.id}`} disabled={busy} onClick={() => decide(guest, false, index)}>
                {labels.refuse}<span className="visually-hidden"> {guest.displayName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mb-0" id="live-guests-empty">{labels.empty}</p>
      )}
    </section>
  );
}
