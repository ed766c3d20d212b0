/**
 * `node tests/support/pdf-text.mjs file.pdf` prints what a reader (and a screen reader) gets from a
 * PDF, as JSON: {pages, text (one string per page), outline (bookmark titles), markInfo, lang, title,
 * roles (the structure tree's element types per page)}. pdfjs-dist is ESM only: the tests run it
 * in a child process.
 */
import { readFile } from "node:fs/promises";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const file = process.argv[2];
if (!file) {
  console.error("usage: node tests/support/pdf-text.mjs file.pdf");
  process.exit(2);
}
const data = new Uint8Array(await readFile(file));
const pdf = await getDocument({ data, useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;

const collectRoles = (node, roles) => {
  if (!node) return;
  if (node.role) roles.add(node.role);
  for (const child of node.children ?? []) collectRoles(child, roles);
};

const text = [];
const roles = [];
for (let number = 1; number <= pdf.numPages; number++) {
  const page = await pdf.getPage(number);
  const content = await page.getTextContent();
  text.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  const pageRoles = new Set();
  collectRoles(await page.getStructTree(), pageRoles);
  roles.push([...pageRoles].sort());
}
const outline = ((await pdf.getOutline()) ?? []).map((item) => item.title);
const { info } = await pdf.getMetadata();
const markInfo = await pdf.getMarkInfo();
process.stdout.write(JSON.stringify({ pages: pdf.numPages, text, outline, markInfo, lang: info.Language ?? null, title: info.Title ?? null, author: info.Author ?? null, roles }));
await pdf.destroy();
