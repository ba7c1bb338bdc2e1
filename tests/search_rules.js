// Runs the search's generated JavaScript in Node, without a browser, for tests/test_search_parity.py:
//   node tests/search_rules.js MODULE.js < cases.json > answers.json
// cases: {"texts": [...], "languages": [...]}; for each language, for each text, what the browser's rules make of it
// read in that language (a document's text in it, a query typed in its edition).
"use strict";
const fs = require("fs");
const vm = require("vm");

const context = {window: {}, URL, Intl, console};
context.window = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(process.argv[2], "utf8"), context, {filename: process.argv[2]});
const rules = context.hiwarSearch.rules;
const cases = JSON.parse(fs.readFileSync(0, "utf8"));
const answers = cases.languages.map((lang) => cases.texts.map((text) => {
  const terms = rules.queryTerms(text, lang);
  const written = rules.writtenWords(text);
  return {
    fold: rules.fold(text),
    query_terms: terms,
    index_tokens: rules.indexTokens(text, lang),
    written_words: written,
    highlight_forms: written.map((word) => rules.highlightForms(word, lang)),
    marked_words: rules.markedWords(text, terms, lang).map(([start, end]) => text.slice(start, end)),
    first_marked_word: rules.markedWords(text, terms, lang, 1).map(([start, end]) => text.slice(start, end)),
  };
}));
process.stdout.write(JSON.stringify(answers));
