import type { ReactNode } from "react";

/**
 * Renders text a person wrote: paragraphs at blank lines, line breaks kept, http(s) addresses as
 * links (nothing else becomes a link: no javascript:, data:, mailto:), everything else as text —
 * React escapes it, so markup shows as the characters typed. Links are marked user-generated and
 * carry no referrer.
 */
const linkPattern = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const trailingPunctuation = /[.,;:!?)\]}»"']+$/;

function withLinks(line: string): ReactNode[] {
  const parts: ReactNode[] = [];
  let last = 0;
  for (const match of line.matchAll(linkPattern)) {
    const start = match.index ?? 0;
    const url = match[0].replace(trailingPunctuation, "");
    if (!URL.canParse(url)) continue;
    if (start > last) parts.push(line.slice(last, start));
    parts.push(
      <a key={start} href={url} rel="nofollow ugc noopener noreferrer">
        {url}
      </a>,
    );
    last = start + url.length;
  }
  if (last < line.length) parts.push(line.slice(last));
  return parts;
}

export function UserText({ text, lang }: { text: string; lang?: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== "");
  return (
    <div className="consulta-user-text" dir="auto" lang={lang}>
      {paragraphs.map((paragraph, index) => (
        <p key={index}>
          {paragraph.split("\n").map((line, number) => (
            <span key={number}>
              {number > 0 ? <br /> : null}
              {withLinks(line)}
            </span>
          ))}
        </p>
      ))}
    </div>
  );
}
