/**
 * Reads a plan document in the format of the Provincia di Pisa's 2007 seed
 * (data/piano-locale-integrato-pisa-2007.txt) into a ParsedPlan, or throws an
 * AppError naming the 1-based line of the first problem. Pure: no I/O.
 *
 * Document shape, in blank-line separated blocks:
 *   front matter  bold blocks (**…**), the issuer line, an index table, the
 *                 "Ipotesi di azioni innovatrici" section with the strategy list "- (n) Title*"
 *   Risultati attesi                     per axis: "(n) Title", intro paragraph(s), "- " bullets
 *   Misure organizzative e finanziarie   per axis: "(n) Title", optional intro ending with ":",
 *                                        then each measure paragraph followed by its table
 *                                        | Data: … | Fonte: … |  | Budget: … | Dipartimento: … |
 * Front matter: the last bold block before "Ipotesi…" is the title, the bold block before it
 * the subtitle; the first short line naming a public body ("Provincia di …") is the issuer;
 * everything else but the index table becomes the introduction, as written.
 */
import { AppError, type MessageParams } from "@/lib/errors/app-error";
import { InvalidEuroAmountError, parseEuroAmountToCents } from "./money";
import type { ParsedAxis, ParsedMeasure, ParsedPlan } from "./plan.schemas";
import { InvalidTimingError, parseTiming } from "./timing";

type Paragraph = { kind: "paragraph"; line: number; lines: string[] };
type ListItem = { line: number; text: string };
type List = { kind: "list"; line: number; items: ListItem[] };
type TableRow = { line: number; text: string };
type Table = { kind: "table"; line: number; rows: TableRow[] };
type Block = Paragraph | List | Table;

type AxisHeading = { number: number; title: string; line: number };
type AxisGroup = { heading: AxisHeading; blocks: Block[] };
type ResultsAxis = AxisHeading & { resultsIntro: string; resultsBullets: string[] };
type MeasuresAxis = AxisHeading & { measuresIntro: string; measures: ParsedMeasure[] };

const sectionNames = {
  strategy: "Ipotesi di azioni innovatrici",
  results: "Risultati attesi",
  measures: "Misure organizzative e finanziarie",
} as const;
type SectionKey = keyof typeof sectionNames;

const tableFields = { data: "Data", fonte: "Fonte", budget: "Budget", dipartimento: "Dipartimento" } as const;
type TableFieldKey = keyof typeof tableFields;

const issuerPattern =
  /^(?:Provincia|Comune|Regione|Citt[àa] metropolitana|Unione|Comunit[àa]|Consorzio|Societ[àa] della Salute|Municipio)\b/iu;
const listMarker = /^(?:[-•]|\*(?!\*))\s+/u;
const axisHeadingPattern = /^\(([1-9]\d{0,2})\)\s*(\S.*)$/u; // axis numbers as in measure codes
// "To be decided" in words, in any decision field; for Budget also 0.00€ (see interpretBudget).
const toBeDecided = /^(?:-|–|—|n\.?\s?d\.?|da (?:definire|decidere|stabilire))$/iu;
// An explicit decision that a measure costs nothing must be written in words.
const budgetZeroCost = /^(?:a\s+)?costo\s+zero$|^nessun\s+costo$|^senza\s+costi?$/iu;

export function parsePlanDocument(text: string): ParsedPlan {
  const blocks = toBlocks(toLines(text));
  const sections = locateSections(blocks, lineCount(text.trimEnd()));
  const front = parseFrontMatter(sections.front);
  const results = parseResults(sections.results, sections.resultsLine);
  const measures = parseMeasures(sections.measures, sections.measuresLine);
  return { ...front.plan, axes: matchAxes(front.strategy, results, measures) };
}

// ─── Lines and blocks ────────────────────────────────────────────────────────

function fail(key: string, line: number, params: MessageParams = {}): never {
  throw new AppError("VALIDATION", `planImport.errors.${key}`, { line, ...params });
}

function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/u).length;
}

function toLines(text: string): string[] {
  const body = text.replace(/^\uFEFF/u, "");
  if (body.trim() === "") fail("empty", 1);
  const nul = body.indexOf("\0");
  if (nul >= 0) fail("nulByte", lineCount(body.slice(0, nul)));
  return body.split(/\r\n|\r|\n/u);
}

/** Groups lines into paragraphs, lists and tables; a change of kind also ends a block. */
function toBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  const start = (block: Block) => {
    blocks.push(block);
    current = block;
  };
  lines.forEach((raw, index) => {
    const line = index + 1;
    const text = raw.trim();
    if (text === "") current = undefined;
    else if (text.startsWith("|")) {
      if (current?.kind === "table") current.rows.push({ line, text });
      else start({ kind: "table", line, rows: [{ line, text }] });
    } else if (listMarker.test(text)) {
      const item = { line, text: text.replace(listMarker, "") };
      if (current?.kind === "list") current.items.push(item);
      else start({ kind: "list", line, items: [item] });
    } else if (current?.kind === "list") {
      const last = current.items[current.items.length - 1];
      if (last) last.text += ` ${text}`; // a wrapped bullet line
    } else if (current?.kind === "paragraph") current.lines.push(text);
    else start({ kind: "paragraph", line, lines: [text] });
  });
  return blocks;
}

/** A heading may be decorated as markdown: "## Risultati attesi", "**(1) Buona governance**". */
function headingText(block: Block): string | undefined {
  if (block.kind !== "paragraph" || block.lines.length !== 1) return undefined;
  return (block.lines[0] ?? "").replace(/^#+\s*/u, "").replace(/^(\*\*|__)(.*)\1$/u, "$2").trim();
}

function normalized(text: string): string {
  return text.replace(/[\s*:]+$/u, "").replace(/\s+/gu, " ").trim().toLowerCase();
}

function sectionOf(block: Block): SectionKey | undefined {
  const heading = headingText(block);
  if (heading === undefined) return undefined;
  const keys = Object.keys(sectionNames) as SectionKey[];
  return keys.find((key) => normalized(sectionNames[key]) === normalized(heading));
}

function axisHeadingOf(block: Block): AxisHeading | undefined {
  const match = headingText(block)?.match(axisHeadingPattern);
  if (!match?.[1] || !match[2]) return undefined;
  return { number: Number(match[1]), title: match[2].replace(/\s*\*+$/u, "").trim(), line: block.line };
}

function paragraphText(block: Paragraph): string {
  return block.lines.join(" ");
}

// ─── Sections ────────────────────────────────────────────────────────────────

type Sections = { front: Block[]; results: Block[]; measures: Block[]; resultsLine: number; measuresLine: number };

function locateSections(blocks: Block[], lastLine: number): Sections {
  const found = new Map<SectionKey, number>();
  blocks.forEach((block, index) => {
    const key = sectionOf(block);
    if (key === undefined) return;
    if (found.has(key)) fail("duplicateSection", block.line, { section: sectionNames[key] });
    found.set(key, index);
  });
  const results = found.get("results") ?? fail("missingSection", lastLine, { section: sectionNames.results });
  const measures = found.get("measures") ?? fail("missingSection", lastLine, { section: sectionNames.measures });
  const strategy = found.get("strategy");
  const lineOf = (index: number) => blocks[index]?.line ?? lastLine;
  if (measures < results) fail("misplacedSection", lineOf(measures), { section: sectionNames.measures });
  if (strategy !== undefined && strategy > results) {
    fail("misplacedSection", lineOf(strategy), { section: sectionNames.strategy });
  }
  return {
    front: blocks.slice(0, results),
    results: blocks.slice(results + 1, measures),
    measures: blocks.slice(measures + 1),
    resultsLine: lineOf(results),
    measuresLine: lineOf(measures),
  };
}

function groupByAxis(blocks: Block[], sectionLine: number, section: string): AxisGroup[] {
  if (!blocks.some((block) => axisHeadingOf(block))) fail("missingAxisHeadings", sectionLine, { section });
  const groups: AxisGroup[] = [];
  const seen = new Set<number>();
  for (const block of blocks) {
    const heading = axisHeadingOf(block);
    if (heading) {
      if (seen.has(heading.number)) fail("duplicateAxis", heading.line, { number: heading.number, section });
      seen.add(heading.number);
      groups.push({ heading, blocks: [] });
    } else {
      const group = groups[groups.length - 1];
      if (!group) fail("contentBeforeAxisHeading", block.line, { section });
      group.blocks.push(block);
    }
  }
  return groups;
}

// ─── Front matter ────────────────────────────────────────────────────────────

type FrontMatter = { plan: Omit<ParsedPlan, "axes">; strategy: AxisHeading[] };

/** The text of a wholly bold paragraph ("**…**", possibly over several lines). */
function boldText(block: Block): string | undefined {
  if (block.kind !== "paragraph") return undefined;
  const text = paragraphText(block);
  const markers = text.split("**").length - 1;
  if (markers % 2 === 1) fail("unclosedBold", block.line);
  return markers === 2 ? /^\*\*(.+)\*\*$/u.exec(text)?.[1]?.trim() : undefined;
}

function isIssuer(block: Block): block is Paragraph {
  return block.kind === "paragraph" && block.lines.length === 1 && issuerPattern.test(paragraphText(block));
}

function parseFrontMatter(blocks: Block[]): FrontMatter {
  const strategyHeading = blocks.findIndex((block) => sectionOf(block) === "strategy");
  const titleRegion = strategyHeading >= 0 ? blocks.slice(0, strategyHeading) : blocks;
  const bold = titleRegion.flatMap((block) => {
    const text = boldText(block);
    return text === undefined ? [] : [{ block, text }];
  });
  const title = bold.at(-1) ?? fail("missingTitle", blocks[0]?.line ?? 1);
  const subtitle = bold.length > 1 ? bold.at(-2) : undefined;
  const issuer = titleRegion.find(isIssuer) ?? fail("missingIssuer", blocks[0]?.line ?? 1);
  const used = new Set<Block>([title.block, issuer, ...(subtitle ? [subtitle.block] : [])]);
  const introduction = blocks
    .filter((block): block is Paragraph | List => block.kind !== "table" && !used.has(block)) // the index table is navigation
    .map(introductionText)
    .join("\n\n");
  return {
    plan: { title: title.text, subtitle: subtitle?.text ?? null, issuer: paragraphText(issuer), introduction },
    strategy: strategyAxes(blocks),
  };
}

function introductionText(block: Paragraph | List): string {
  if (block.kind === "list") return block.items.map((item) => `- ${item.text}`).join("\n");
  return boldText(block) ?? paragraphText(block);
}

/** The strategy list "- (1) Buona governance*" declares the axes. */
function strategyAxes(blocks: Block[]): AxisHeading[] {
  const axes: AxisHeading[] = [];
  for (const block of blocks) {
    if (block.kind !== "list") continue;
    for (const item of block.items) {
      const heading = axisHeadingOf({ kind: "paragraph", line: item.line, lines: [item.text] });
      if (!heading) continue;
      if (axes.some((axis) => axis.number === heading.number)) {
        fail("duplicateAxis", item.line, { number: heading.number, section: sectionNames.strategy });
      }
      axes.push(heading);
    }
  }
  return axes;
}

// ─── Risultati attesi ────────────────────────────────────────────────────────

function parseResults(blocks: Block[], sectionLine: number): ResultsAxis[] {
  return groupByAxis(blocks, sectionLine, sectionNames.results).map(({ heading, blocks: body }) => {
    const intro: string[] = [];
    const bullets: string[] = [];
    for (const block of body) {
      if (block.kind === "table") fail("unexpectedTable", block.line, { section: sectionNames.results });
      if (block.kind === "list") bullets.push(...block.items.map((item) => item.text));
      else if (bullets.length > 0) fail("textAfterBullets", block.line);
      else intro.push(paragraphText(block));
    }
    return { ...heading, resultsIntro: intro.join("\n\n"), resultsBullets: bullets };
  });
}

// ─── Misure organizzative e finanziarie ──────────────────────────────────────

function parseMeasures(blocks: Block[], sectionLine: number): MeasuresAxis[] {
  return groupByAxis(blocks, sectionLine, sectionNames.measures).map(({ heading, blocks: body }) => {
    const intro: string[] = [];
    const measures: ParsedMeasure[] = [];
    let pending: Paragraph | undefined;
    // A paragraph is a measure only if its table follows; an introduction ends with ":".
    const settlePending = () => {
      if (!pending) return;
      if (measures.length > 0 || !paragraphText(pending).endsWith(":")) fail("measureWithoutTable", pending.line);
      intro.push(paragraphText(pending));
      pending = undefined;
    };
    for (const block of body) {
      if (block.kind === "list") fail("unexpectedList", block.line, { section: sectionNames.measures });
      if (block.kind === "paragraph") {
        settlePending();
        pending = block;
      } else {
        if (!pending) fail("tableWithoutMeasure", block.line);
        measures.push(toMeasure(`${heading.number}.${measures.length + 1}`, pending, block));
        pending = undefined;
      }
    }
    settlePending();
    return { ...heading, measuresIntro: intro.join("\n\n"), measures };
  });
}

function toMeasure(code: string, paragraph: Paragraph, table: Table): ParsedMeasure {
  const fields = readTable(table);
  const timing = fields.data.value;
  return {
    code,
    line: paragraph.line,
    text: paragraphText(paragraph),
    timing,
    ...(timing ? interpretTiming(timing, fields.data.line) : { startsOn: null, endsOn: null }),
    budgetCents: interpretBudget(fields.budget.value, fields.budget.line),
    fundingSource: fields.fonte.value,
    department: fields.dipartimento.value,
  };
}

/** A cell's value, null when left to be decided (empty or "da definire"). */
type Cell = { value: string | null; line: number };

function cellValue(text: string): string | null {
  const value = text.trim();
  return value === "" || toBeDecided.test(value) ? null : value;
}

/** Reads the "Label: value" cells of a measure's table; header and separator rows are empty. */
function readTable(table: Table): Record<TableFieldKey, Cell> {
  const cells = new Map<TableFieldKey, Cell>();
  for (const row of table.rows) {
    for (const cell of row.text.replace(/^\|/u, "").replace(/\|$/u, "").split("|").map((part) => part.trim())) {
      if (cell === "" || /^:?-+:?$/u.test(cell)) continue;
      const match = /^([^:]+):(.*)$/u.exec(cell);
      const key = match?.[1]?.trim().toLowerCase() as TableFieldKey | undefined;
      if (!match || !key || !Object.hasOwn(tableFields, key)) fail("unknownTableCell", row.line, { cell });
      if (cells.has(key)) fail("duplicateTableField", row.line, { field: tableFields[key] });
      cells.set(key, { value: cellValue(match[2] ?? ""), line: row.line });
    }
  }
  const keys = Object.keys(tableFields) as TableFieldKey[];
  const missing = keys.find((key) => !cells.has(key));
  if (missing) fail("missingTableField", table.line, { field: tableFields[missing] });
  return Object.fromEntries(cells) as Record<TableFieldKey, Cell>;
}

function interpretTiming(timing: string, line: number): Pick<ParsedMeasure, "startsOn" | "endsOn"> {
  try {
    return parseTiming(timing);
  } catch (error) {
    if (!(error instanceof InvalidTimingError)) throw error;
    fail(error.reason === "reversedRange" ? "reversedDateRange" : "invalidDate", line, { value: timing });
  }
}

/**
 * Besides an empty cell or "da definire", any zero amount means "to be decided"
 * (null): the template writes 0.00€ in every measure, so a zero proves nothing.
 * A decided zero cost is written in words ("costo zero", "nessun costo") → 0.
 */
function interpretBudget(value: string | null, line: number): bigint | null {
  if (value === null) return null;
  if (budgetZeroCost.test(value)) return 0n;
  try {
    const cents = parseEuroAmountToCents(value);
    return cents === 0n ? null : cents;
  } catch (error) {
    if (!(error instanceof InvalidEuroAmountError)) throw error;
    fail("invalidBudget", line, { value });
  }
}

// ─── Axes across sections ────────────────────────────────────────────────────

/**
 * Every axis must appear in Risultati and in Misure, and in the strategy list
 * when the document has one; the strategy list (else Risultati) gives the order
 * and the title, which the headings must repeat.
 */
function matchAxes(strategy: AxisHeading[], results: ResultsAxis[], measures: MeasuresAxis[]): ParsedAxis[] {
  const declared = strategy.length > 0 ? strategy : results;
  const byNumber = <T extends AxisHeading>(list: T[]) => new Map(list.map((axis) => [axis.number, axis]));
  const declaredAxes = byNumber<AxisHeading>(declared);
  const resultsAxes = byNumber(results);
  const measuresAxes = byNumber(measures);

  for (const axis of [...results, ...measures]) {
    const declaredAxis = declaredAxes.get(axis.number);
    if (declaredAxis) checkTitle(axis, declaredAxis);
    else if (strategy.length > 0) fail("axisNotInStrategy", axis.line, axisParams(axis, sectionNames.strategy));
  }
  for (const axis of results) {
    if (!measuresAxes.has(axis.number)) fail("axisMissing", axis.line, axisParams(axis, sectionNames.measures));
  }
  for (const axis of [...measures, ...strategy]) {
    if (!resultsAxes.has(axis.number)) fail("axisMissing", axis.line, axisParams(axis, sectionNames.results));
  }
  return declared.map(({ number, title }) => {
    const result = resultsAxes.get(number) as ResultsAxis;
    const measure = measuresAxes.get(number) as MeasuresAxis;
    return {
      number,
      line: result.line,
      title,
      resultsIntro: result.resultsIntro,
      resultsBullets: result.resultsBullets,
      measuresIntro: measure.measuresIntro,
      measures: measure.measures,
    };
  });
}

function checkTitle(axis: AxisHeading, declared: AxisHeading): void {
  if (normalized(declared.title) !== normalized(axis.title)) {
    fail("axisTitleMismatch", axis.line, { number: axis.number, title: axis.title, expected: declared.title });
  }
}

function axisParams(axis: AxisHeading, section: string): MessageParams {
  return { number: axis.number, title: axis.title, section };
}
