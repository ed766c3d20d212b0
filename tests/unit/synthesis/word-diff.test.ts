import { createSeededRandom } from "@/lib/synthesis/opinion-groups";
import { diffWords, type WordDiffSegment } from "@/lib/synthesis/word-diff";

const before = (segments: WordDiffSegment[]) =>
  segments
    .filter((segment) => segment.kind !== "added")
    .map((segment) => segment.text)
    .join("");
const after = (segments: WordDiffSegment[]) =>
  segments
    .filter((segment) => segment.kind !== "removed")
    .map((segment) => segment.text)
    .join("");

describe("diffWords", () => {
  test.each<[string, string, WordDiffSegment[]]>([
    [
      "La tutela dell'ambiente è una priorità.",
      "La tutela dell'economia è una priorità assoluta.",
      [
        { kind: "same", text: "La tutela dell'" },
        { kind: "removed", text: "ambiente " },
        { kind: "added", text: "economia " },
        { kind: "same", text: "è una priorità" },
        { kind: "added", text: " assoluta" },
        { kind: "same", text: "." },
      ],
    ],
    [
      "Perché il comune investe 1.200,50 € nel verde?",
      "Perché la regione investe 2.000 € nel verde pubblico?",
      [
        { kind: "same", text: "Perché " },
        { kind: "removed", text: "il comune " },
        { kind: "added", text: "la regione " },
        { kind: "same", text: "investe " },
        { kind: "removed", text: "1.200,50 " },
        { kind: "added", text: "2.000 " },
        { kind: "same", text: "€ nel verde" },
        { kind: "added", text: " pubblico" },
        { kind: "same", text: "?" },
      ],
    ],
    [
      "Un po' di risorse per i giovani.",
      "Molte risorse per i giovani e le famiglie.",
      [
        { kind: "removed", text: "Un po' di " },
        { kind: "added", text: "Molte " },
        { kind: "same", text: "risorse per i giovani" },
        { kind: "added", text: " e le famiglie" },
        { kind: "same", text: "." },
      ],
    ],
    [
      "Realizzare la pista ciclabile entro il 2027, con fondi regionali.",
      "Realizzare la pista ciclabile entro il 2028.",
      [
        { kind: "same", text: "Realizzare la pista ciclabile entro il " },
        { kind: "removed", text: "2027, con fondi regionali" },
        { kind: "added", text: "2028" },
        { kind: "same", text: "." },
      ],
    ],
    [
      "città  più verde",
      "città più verde",
      [
        { kind: "same", text: "città" },
        { kind: "removed", text: "  " },
        { kind: "added", text: " " },
        { kind: "same", text: "più verde" },
      ],
    ],
    ["", "Nuova misura.", [{ kind: "added", text: "Nuova misura." }]],
    ["Misura ritirata.", "", [{ kind: "removed", text: "Misura ritirata." }]],
    ["  rientro", "rientro", [{ kind: "removed", text: "  " }, { kind: "same", text: "rientro" }]],
  ])("%j → %j", (from, to, expected) => {
    expect(diffWords(from, to)).toEqual(expected);
  });

  test("identical texts give one unchanged segment, empty texts none", () => {
    expect(diffWords("Più servizi per l'infanzia.", "Più servizi per l'infanzia.")).toEqual([
      { kind: "same", text: "Più servizi per l'infanzia." },
    ]);
    expect(diffWords("", "")).toEqual([]);
  });

  test("never puts two segments of the same kind side by side, nor an empty one", () => {
    const segments = diffWords("a b c d e f g", "a x c y e z g h");
    for (let i = 0; i < segments.length; i++) {
      expect(segments[i]!.text).not.toBe("");
      if (i > 0) expect(segments[i]!.kind).not.toBe(segments[i - 1]!.kind);
    }
  });

  test("the segments rebuild both texts exactly, on many random edits", () => {
    const random = createSeededRandom(2026);
    const pieces = ["la", "città", "è", "più", "perché", "dell'", "ambiente", "1.200,50", "€", ",", ".", "’", "po'", "🚲", "-", "e", "di"];
    const spaces = [" ", " ", " ", "  ", "\n", "\t", ""];
    const pick = <T>(items: T[]) => items[Math.floor(random() * items.length)]!;
    const randomText = () => Array.from({ length: Math.floor(random() * 30) }, () => pick(pieces) + pick(spaces)).join("");
    const mutate = (text: string) => {
      const words = text.split(" ");
      for (let edits = Math.floor(random() * 5); edits > 0; edits--) {
        const at = Math.floor(random() * (words.length + 1));
        const choice = random();
        if (choice < 0.33) words.splice(at, 1);
        else if (choice < 0.66) words.splice(at, 0, pick(pieces));
        else words[at] = pick(pieces) + pick(spaces);
      }
      return words.join(" ");
    };
    for (let run = 0; run < 500; run++) {
      const from = randomText();
      const to = run % 2 === 0 ? mutate(from) : randomText();
      const segments = diffWords(from, to);
      expect(before(segments)).toBe(from);
      expect(after(segments)).toBe(to);
      for (let i = 1; i < segments.length; i++) expect(segments[i]!.kind).not.toBe(segments[i - 1]!.kind);
    }
  });

  test("keeps as many words as the longest common subsequence (the diff is minimal)", () => {
    const random = createSeededRandom(11);
    const vocabulary = ["il", "piano", "della", "città", "è", "più", "verde"];
    const randomWords = () => Array.from({ length: Math.floor(random() * 25) }, () => vocabulary[Math.floor(random() * vocabulary.length)]!);
    const lcsLength = (a: string[], b: string[]) => {
      const table = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          table[i]![j] = a[i - 1] === b[j - 1] ? table[i - 1]![j - 1]! + 1 : Math.max(table[i - 1]![j]!, table[i]![j - 1]!);
        }
      }
      return table[a.length]![b.length]!;
    };
    for (let run = 0; run < 300; run++) {
      const from = randomWords();
      const to = randomWords();
      const kept = diffWords(from.join(" "), to.join(" "))
        .filter((segment) => segment.kind === "same")
        .flatMap((segment) => segment.text.split(/\s+/).filter(Boolean));
      expect(kept.length).toBe(lcsLength(from, to));
    }
  });

  test("keeps everything unchanged outside a small edit in a long text", () => {
    const random = createSeededRandom(7);
    const words = Array.from({ length: 2000 }, (_, i) => `parola${Math.floor(random() * 500)}${i % 7 === 0 ? "," : ""}`);
    const from = words.join(" ");
    const edited = [...words];
    edited[1000] = "sostituita";
    const to = edited.join(" ");
    const segments = diffWords(from, to);
    expect(segments.map((segment) => segment.kind)).toEqual(["same", "removed", "added", "same"]);
    expect(segments[1]!.text).toBe(`${words[1000]} `);
    expect(segments[2]!.text).toBe("sostituita ");
  });
});
