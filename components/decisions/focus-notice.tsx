"use client";
import { useEffect, useRef } from "react";

/**
 * The message after a form's redirect (?esito=…): a status for success, an alert for a refusal. It
 * takes the focus when the page loads, so keyboard and screen-reader users land on what happened.
 */
export function FocusNotice({ kind, children }: { kind: "success" | "danger"; children: React.ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className={`alert alert-${kind}`} role={kind === "danger" ? "alert" : "status"}>
      {children}
    </div>
  );
}
