import path from "node:path";
import type { Readable } from "node:stream";
import PDFDocument from "pdfkit";
import { formatDate } from "@/lib/i18n/format";
import type { Locale } from "@/lib/i18n/locales";
import { createTranslator } from "@/lib/i18n/translate";
import type { Db } from "@/lib/plan/plan-read";
import { getPublishedRoundReport } from "./get-round-report";
import { type ReportBlock, type ReportContent, type ReportTable, reportContent } from "./report-content";

/**
 * The round's summary report as an accessible PDF: tagged (structure tree with Document, H1–H3, P,
 * L/LI, Table/TR/TH/TD; page numbers marked as artifacts), its language and title in the catalogue
 * and shown in the title bar, Titillium Web embedded, a table of contents on page 2 (filled in once
 * the sections are laid out) and the same sections as bookmarks. NOT_FOUND before the report is public.
 */

const FONT_DIR = path.join(process.cwd(), "node_modules", "bootstrap-italia", "dist", "fonts", "Titillium_Web");
const FONTS = {
  regular: "titillium-web-v10-latin-ext_latin-regular.ttf",
  italic: "titillium-web-v10-latin-ext_latin-italic.ttf",
  semibold: "titillium-web-v10-latin-ext_latin-600.ttf",
  bold: "titillium-web-v10-latin-ext_latin-700.ttf",
} as const;
type FontName = keyof typeof FONTS;

const PDF_LANG: Record<Locale, string> = { it: "it-IT", en: "en-GB" };
/** What people wrote is in Italian whatever the report's language. */
const USER_TEXT_LANG = "it-IT";
const MARGIN = 56;
const TEXT_COLOR = "#1a1a1a";
const MUTED_COLOR = "#4d4d4d";
const RULE_COLOR = "#8a8a8a";

export interface RoundReportPdf {
  fileName: string;
  /** The PDF's bytes, produced as they are read. */
  stream: Readable;
}

export async function renderRoundReportPdf(db: Db, roundId: string, locale: Locale, now: Date = new Date()): Promise<RoundReportPdf> {
  const report = await getPublishedRoundReport(db, roundId, now);
  const stream = renderReportContent(reportContent(report, locale), now);
  return { fileName: `${locale === "it" ? "rapporto" : "report"}-${report.round.id}-${locale}.pdf`, stream };
}

/** Characters the embedded font lacks, replaced by ones it has (Intl writes narrow no-break spaces). */
const pdfText = (text: string) => text.replace(/[\u202f\u2009]/g, "\u00a0");

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

export function renderReportContent(content: ReportContent, now: Date = new Date()): Readable {
  const t = createTranslator(content.locale);
  const doc: Doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    tagged: true,
    pdfVersion: "1.7",
    lang: PDF_LANG[content.locale],
    displayTitle: true,
    // No standard font is loaded: every text uses the embedded Titillium Web.
    font: null as unknown as string,
    info: { Title: content.title, Author: content.author, Subject: content.subject, Creator: "Consulta" },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, path.join(FONT_DIR, file));
  const userLang = content.locale === "it" ? undefined : USER_TEXT_LANG;
  const width = doc.page.width - 2 * MARGIN;
  const font = (name: FontName, size: number, color = TEXT_COLOR) => doc.font(name).fontSize(size).fillColor(color);

  const root = doc.struct("Document");
  doc.addStructure(root);

  const heading = (parent: Struct, level: 1 | 2 | 3, text: string, options: { lang?: string; destination?: string } = {}) => {
    const size = level === 1 ? 22 : level === 2 ? 16 : 12.5;
    // Keep a heading with the first lines that follow it.
    if (doc.y + size * 4 > doc.page.maxY()) doc.addPage();
    if (level > 1) doc.moveDown(level === 2 ? 0.6 : 0.4);
    const { destination, ...structOptions } = options;
    parent.add(doc.struct(`H${level}`, structOptions, () => font(level === 3 ? "semibold" : "bold", size).text(pdfText(text), MARGIN, doc.y, { width, destination })));
    doc.moveDown(0.25);
  };
  const paragraph = (parent: Struct, text: string, options: { lang?: string; fontName?: FontName; color?: string } = {}) => {
    parent.add(doc.struct("P", options.lang ? { lang: options.lang } : {}, () => font(options.fontName ?? "regular", 10.5, options.color).text(pdfText(text), MARGIN, doc.y, { width })));
    doc.moveDown(0.35);
  };
  const list = (parent: Struct, items: { text: string; label?: string; userText?: boolean }[]) => {
    const element = doc.struct("L");
    parent.add(element);
    const indent = 14;
    for (const item of items) {
      if (doc.y + 30 > doc.page.maxY()) doc.addPage();
      const li = doc.struct("LI");
      element.add(li);
      const top = doc.y;
      li.add(doc.struct("Lbl", {}, () => font("regular", 10.5).text("•", MARGIN, top, { width: indent, lineBreak: false })));
      const body = doc.struct("LBody");
      li.add(body);
      doc.y = top;
      if (item.label) body.add(doc.struct("P", {}, () => font("semibold", 10.5).text(pdfText(item.label!), MARGIN + indent, top, { width: width - indent })));
      if (item.text) {
        const lang = item.userText ? userLang : undefined;
        body.add(doc.struct("P", lang ? { lang } : {}, () => font("regular", 10.5).text(pdfText(item.text), MARGIN + indent, doc.y, { width: width - indent })));
      }
      body.end();
      li.end();
      doc.moveDown(0.2);
    }
    element.end();
    doc.x = MARGIN;
    doc.moveDown(0.3);
  };
  const table = (parent: Struct, data: ReportTable) => {
    if (doc.y + 60 > doc.page.maxY()) doc.addPage();
    paragraph(parent, data.caption, { fontName: "semibold" });
    const columns = data.head.length;
    const first = Math.min(width * 0.34, Math.max(width / columns, 120));
    const rest = (width - first) / Math.max(columns - 1, 1);
    font("regular", 9.5);
    doc.table({
      structParent: parent,
      position: { x: MARGIN, y: doc.y },
      maxWidth: width,
      columnStyles: (index: number) => ({ width: index === 0 ? first : rest, align: { x: index > 0 && data.numeric[index - 1] ? "right" : "left", y: "top" } }),
      defaultStyle: { padding: 4, border: 0.5, borderColor: RULE_COLOR, font: { src: "regular", size: 9.5 } },
      data: [
        data.head.map((text) => ({ text: pdfText(text), type: "TH", scope: "column", font: { src: "semibold", size: 9.5 }, backgroundColor: "#eef1f4" })),
        ...data.rows.map((row) => [{ text: pdfText(row.header), type: "TH", scope: "row", font: { src: "semibold", size: 9.5 } }, ...row.cells.map((text) => ({ text: pdfText(text) }))]),
      ],
    } as unknown as PDFKit.Mixins.TableOptions);
    doc.x = MARGIN;
    doc.moveDown(0.8);
  };
  const block = (parent: Struct, item: ReportBlock) => {
    switch (item.type) {
      case "heading":
        return heading(parent, 3, item.text, item.userText && userLang ? { lang: userLang } : {});
      case "paragraph":
        if (item.label) paragraph(parent, item.label, { fontName: "semibold" });
        return paragraph(parent, item.text, { lang: item.userText ? userLang : undefined, fontName: item.emphasis ? "italic" : "regular", color: item.emphasis ? MUTED_COLOR : TEXT_COLOR });
      case "list":
        return list(parent, item.items);
      case "table":
        return table(parent, item.table);
    }
  };

  // Page 1: title, the consultation at a glance, what the report contains.
  heading(root, 1, content.title);
  paragraph(root, content.intro);
  doc.moveDown(0.4);
  table(root, content.facts);
  paragraph(root, t("reports.pdf.generated", { date: formatDate(now, content.locale) }), { color: MUTED_COLOR });

  // Page 2: the table of contents, written once the sections' pages are known.
  doc.addPage();
  const tocPage = doc.bufferedPageRange().count - 1;
  doc.outline.addItem(t("reports.contents"));
  const toc = doc.struct("Sect");
  root.add(toc);

  const sectionPages: number[] = [];
  content.sections.forEach((section, index) => {
    if (index === 0) doc.addPage();
    const element = doc.struct("Sect");
    root.add(element);
    heading(element, 2, section.title, { destination: `section-${section.id}` });
    sectionPages.push(doc.bufferedPageRange().count - 1);
    doc.outline.addItem(section.title);
    for (const item of section.blocks) block(element, item);
    element.end();
  });

  // The table of contents on page 2: each section with its page number, linked to it.
  doc.switchToPage(tocPage);
  doc.x = MARGIN;
  doc.y = MARGIN;
  heading(toc, 2, t("reports.contents"));
  const tocList = doc.struct("TOC");
  toc.add(tocList);
  content.sections.forEach((section, index) => {
    const page = t("reports.pdf.tocPage", { page: sectionPages[index]! + 1 });
    const label = `${index + 1}. ${section.title}`;
    const top = doc.y;
    tocList.add(
      doc.struct("TOCI", {}, () => {
        font("regular", 12).text(pdfText(label), MARGIN, top, { width: width - 90, goTo: `section-${section.id}` });
        font("regular", 12).text(pdfText(page), MARGIN + width - 90, top, { width: 90, align: "right", goTo: `section-${section.id}` });
      }),
    );
    doc.x = MARGIN;
    doc.moveDown(0.6);
  });
  tocList.end();
  toc.end();
  root.end();

  // Page numbers in every footer, marked as pagination artifacts (not part of the text).
  const pages = doc.bufferedPageRange().count;
  for (let index = 0; index < pages; index++) {
    doc.switchToPage(index);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent("Artifact", { type: "Pagination" });
    font("regular", 9, MUTED_COLOR).text(pdfText(t("reports.pdf.page", { page: index + 1, pages })), MARGIN, doc.page.height - MARGIN / 2 - 6, { width, align: "center", lineBreak: false });
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return doc;
}
