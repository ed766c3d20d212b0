"use client";

import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * A button that opens the browser's print dialog. It needs JavaScript, so it appears only once the
 * page runs scripts (the server renders nothing); without JavaScript the browser's own Print command does the same.
 */
export function PrintButton({ label }: { label: string }) {
  const scripted = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  if (!scripted) return null;
  return (
    <button type="button" className="btn btn-outline-primary" onClick={() => window.print()}>
      {label}
    </button>
  );
}
