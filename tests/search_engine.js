// Runs the search's query module in Node against a written index, as the browser would, for
// tests/test_search_index.py:  node tests/search_engine.js SITE < queries.json > answers.json
// SITE holds assets/javascripts/hiwar-search.js and search/; index files are "loaded" by running them,
// as a <script> tag would, and every file loaded is listed with the answer.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const {pathToFileURL, fileURLToPath} = require("url");

const site = path.resolve(process.argv[2]);
const moduleFile = path.join(site, "assets", "javascripts", "hiwar-search.js");
let files = [];
const context = {URL, Intl, console, Promise, setTimeout};
context.window = context;
context.document = {
  currentScript: {src: pathToFileURL(moduleFile).href},
  readyState: "complete",
  querySelectorAll: () => [],
  addEventListener() {},
  createElement: () => ({}),
  head: {
    appendChild(tag) {
      setImmediate(() => {
        const file = fileURLToPath(tag.src);
        if (!fs.existsSync(file)) return tag.onerror(new Error("missing " + file));
        files.push(path.relative(site, file));
        vm.runInContext(fs.readFileSync(file, "utf8"), context, {filename: file});
        tag.onload();
      });
    },
  },
};
vm.createContext(context);
vm.runInContext(fs.readFileSync(moduleFile, "utf8"), context, {filename: moduleFile});
const search = context.hiwarSearch;

async function main() {
  const queries = JSON.parse(fs.readFileSync(0, "utf8"));
  const answers = [];
  for (const {query, lang, pages} of queries) {
    files = [];
    const found = await search.search(query, lang);
    const shown = await Promise.all(found.results.slice(0, pages).map((r) => search.page(r.number)));
    answers.push({
      terms: found.terms,
      results: found.results.map((r) => ({number: r.number, own: r.own === 0, tier: r.tier, score: r.score})),
      pages: shown.map((p) => ({url: p.u, lang: p.l, title: p.t, date: p.d,
                                marked: search.rules.markedWords(p.x, found.terms, p.l).length})),
      files: files.slice(),
    });
  }
  process.stdout.write(JSON.stringify(answers));
}
main().catch((error) => { console.error(error); process.exit(1); });
