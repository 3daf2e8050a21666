// Build CSP Tracker's front-end files into static/build/ (no bundler).
//
//   npm --prefix frontend ci
//   npm --prefix frontend run build
//
// 1. Compiles scss/app.scss to static/build/css/app.css (compressed, no source map).
// 2. Copies GOV.UK Frontend's and MOJ Frontend's ES module bundles (and their
//    source maps, which the files name in a sourceMappingURL comment, so Django's
//    manifest static storage can find them) to static/build/js/.
// 3. Copies GOV.UK's and MOJ's images to static/build/assets/images/, leaving
//    out their branding (crown, logotypes, favicons, app icons: this is not a
//    GOV.UK or MOJ service) unless the CSS refers to it (the footer styles name
//    govuk-crest.svg, and collectstatic's manifest storage needs every url() to
//    exist). Fonts are left out because we use Arial.
// 4. Checks that every url() in the CSS points at a file that was copied.
//
// static/build/ is deleted and rebuilt each time, so the output depends only on
// the locked package versions and scss/.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as sass from "sass";

const frontendDir = path.dirname(fileURLToPath(import.meta.url));
const outDir = path.resolve(frontendDir, "..", "static", "build");
const modules = path.join(frontendDir, "node_modules");
const govuk = path.join(modules, "govuk-frontend", "dist", "govuk");
const moj = path.join(modules, "@ministryofjustice", "frontend", "moj");

const started = performance.now();

fs.rmSync(outDir, { recursive: true, force: true });
for (const dir of ["css", "js", "assets/images"]) {
  fs.mkdirSync(path.join(outDir, dir), { recursive: true });
}

// 1. Sass
const { css } = sass.compile(path.join(frontendDir, "scss", "app.scss"), {
  loadPaths: [frontendDir],
  style: "compressed",
  sourceMap: false,
  quietDeps: true,
  // MOJ Frontend 11 still calls a deprecated GOV.UK mixin; nothing for us to fix.
  logger: {
    warn(message) {
      if (/`govuk-text-colour` mixin is deprecated/.test(message)) return;
      console.warn(`Sass warning: ${message}`);
    },
  },
});
if (/GDS Transport/i.test(css)) {
  throw new Error("app.css mentions GDS Transport; the font override did not apply");
}
fs.writeFileSync(path.join(outDir, "css", "app.css"), `${css}\n`);

// 2. JavaScript (both files are standalone ES modules exporting initAll)
const jsFiles = [
  path.join(govuk, "govuk-frontend.min.js"),
  path.join(moj, "moj-frontend.min.js"),
];
for (const file of jsFiles) {
  for (const src of [file, `${file}.map`]) {
    fs.cpSync(src, path.join(outDir, "js", path.basename(src)));
  }
}

// 3. Images (GOV.UK first, then MOJ; file names don't overlap)
const urls = [...css.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)]
  .map((match) => match[1])
  .filter((url) => !/^(data:|#)/.test(url));
const referenced = new Set(urls.map((url) => path.basename(url.split(/[?#]/)[0])));
const branding = /^(favicon|govuk-(crest|icon|logotype|opengraph)|moj-(apple-touch|logotype|opengraph))/;
for (const imagesDir of [path.join(govuk, "assets", "images"), path.join(moj, "assets", "images")]) {
  for (const name of fs.readdirSync(imagesDir).sort()) {
    if (!branding.test(name) || referenced.has(name)) {
      fs.cpSync(path.join(imagesDir, name), path.join(outDir, "assets", "images", name));
    }
  }
}

// 4. Every url() in the CSS must resolve inside static/build/
const missing = [];
for (const raw of urls) {
  const target = path.resolve(outDir, "css", raw.split(/[?#]/)[0]);
  if (!fs.existsSync(target)) missing.push(raw);
}
if (missing.length) {
  throw new Error(`app.css refers to files that were not copied: ${[...new Set(missing)].join(", ")}`);
}

const kb = (file) => `${Math.round(fs.statSync(path.join(outDir, file)).size / 1024)} KB`;
const images = fs.readdirSync(path.join(outDir, "assets", "images")).length;
console.log(
  `Built static/build/ in ${Math.round(performance.now() - started)} ms: ` +
    `css/app.css ${kb("css/app.css")}, js/ 2 modules, assets/images/ ${images} files`,
);
