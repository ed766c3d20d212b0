import { renderToStaticMarkup } from "react-dom/server";
import { UserText } from "@/components/participation/user-text";
import { normaliseUserText, userTextSchema } from "@/lib/participation/participation.schemas";
import { acceptsContributions, effectiveRoundStatus } from "@/lib/rounds/round-window";

const html = (text: string) => renderToStaticMarkup(<UserText text={text} />);

describe("UserText renders what people wrote as text", () => {
  test("markup is shown as the characters typed, never as elements", () => {
    const out = html(`<script>alert(1)</script> <svg onload=alert(1)> <img src=x onerror=alert(1)>`);
    expect(out).not.toMatch(/<script|<svg|<img/);
    expect(out).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
  });

  test("only http and https addresses become links, marked user-generated, without their trailing punctuation", () => {
    const out = html("Vedi https://www.provincia.pisa.it/piano. Oppure javascript:alert(1) e data:text/html,<b>x</b>");
    expect(out).toContain('<a href="https://www.provincia.pisa.it/piano" rel="nofollow ugc noopener noreferrer">https://www.provincia.pisa.it/piano</a>.');
    expect(out.match(/<a /g)).toHaveLength(1);
    expect(out).not.toMatch(/href="(javascript|data):/);
  });

  test("a quote cannot break out of the href", () => {
    const out = html('https://example.org/"onmouseover="alert(1)');
    expect(out).toContain('href="https://example.org/"');
    expect(out).not.toMatch(/<a [^>]*onmouseover/);
  });

  test("paragraphs and line breaks are kept; the text is isolated and takes its own direction", () => {
    const out = html("prima riga\nseconda riga\n\nnuovo paragrafo \u202Eedoc");
    expect(out).toMatch(/^<div class="consulta-user-text" dir="auto">/);
    expect(out.match(/<p>/g)).toHaveLength(2);
    expect(out).toContain("<br/>");
  });
});

describe("user text normalisation and limits", () => {
  test("line endings normalised, control characters dropped, NFC, trimmed", () => {
    expect(normaliseUserText("  a\r\nb\rc\u0000\u0007d\te\u000B  ")).toBe("a\nb\ncd\te");
    expect(normaliseUserText("cafe\u0301")).toBe("café");
  });

  test("empty after normalisation is refused; the limit counts normalised characters", () => {
    const schema = userTextSchema(5);
    expect(schema.safeParse(" \u0000 \n").success).toBe(false);
    expect(schema.safeParse("abcde").success).toBe(true);
    expect(schema.safeParse("abcdef").error?.issues[0]?.message).toBe("participation.text.tooLong");
    expect(schema.safeParse(42).success).toBe(false);
  });
});

describe("round window", () => {
  const round = { status: "SCHEDULED" as const, opensAt: new Date("2027-03-01T08:00:00Z"), closesAt: new Date("2027-03-31T22:00:00Z") };
  test("a scheduled round counts as open between its times, and as closed after, even before the scheduler runs", () => {
    expect(effectiveRoundStatus(round, new Date("2027-02-28T23:59:59Z"))).toBe("SCHEDULED");
    expect(effectiveRoundStatus(round, new Date("2027-03-01T08:00:00Z"))).toBe("OPEN");
    expect(effectiveRoundStatus({ ...round, status: "OPEN" }, new Date("2027-03-31T22:00:00Z"))).toBe("CLOSED");
  });
  test("a round closed early by the facilitators stays closed; later phases are kept", () => {
    expect(acceptsContributions({ ...round, status: "CLOSED" }, new Date("2027-03-10T00:00:00Z"))).toBe(false);
    expect(effectiveRoundStatus({ ...round, status: "SYNTHESIS" }, new Date("2027-03-10T00:00:00Z"))).toBe("SYNTHESIS");
  });
});
