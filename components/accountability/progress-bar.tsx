import type { Locale } from "@/lib/i18n/locales";
import { formatNumber } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import styles from "./accountability.module.css";

/**
 * A measure's progress: role="progressbar" with its value (aria-valuenow, 0–100) and name, drawn as
 * an SVG bar (no inline style, which the Content-Security-Policy forbids), the percentage written
 * beside it. The bar's border and fill have at least 3:1 contrast against white.
 */
export function ProgressBar({ percent, label, locale, t }: { percent: number; label: string; locale: Locale; t: Translate }) {
  const value = Math.max(0, Math.min(100, percent));
  const text = t("accountability.percent", { percent: formatNumber(value, locale) });
  return (
    <div className={styles.progress}>
      <div className={styles.bar} role="progressbar" aria-valuenow={value} aria-valuemin={0} aria-valuemax={100} aria-valuetext={text} aria-label={label}>
        <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
          <rect x="0.5" y="0.5" width="99" height="9" fill="#ffffff" stroke="#5c6f82" strokeWidth="1" vectorEffect="non-scaling-stroke" />
          {value > 0 ? <rect x="0" y="0" width={value} height="10" fill="#0059b3" /> : null}
        </svg>
      </div>
      <span className={styles.value} aria-hidden="true">{text}</span>
    </div>
  );
}
