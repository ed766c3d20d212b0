// Copies the Bootstrap Italia fonts and icon sprite into public/vendor so they
// are served from our own origin (no CDN: works offline and under a strict CSP).
import fs from "node:fs";
import path from "node:path";

const root = path.dirname(path.dirname(new URL(import.meta.url).pathname));
const source = path.join(root, "node_modules/bootstrap-italia/dist");
const target = path.join(root, "public/vendor/bootstrap-italia");

fs.mkdirSync(path.join(target, "fonts"), { recursive: true });
fs.mkdirSync(path.join(target, "svg"), { recursive: true });
fs.copyFileSync(path.join(source, "svg/sprites.svg"), path.join(target, "svg/sprites.svg"));
for (const family of ["Titillium_Web", "Lora", "Roboto_Mono"]) {
  for (const file of fs.readdirSync(path.join(source, "fonts", family))) {
    if (file.endsWith(".woff2")) fs.copyFileSync(path.join(source, "fonts", family, file), path.join(target, "fonts", file));
  }
}
