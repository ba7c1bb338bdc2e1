/*
 * Hiwar search: the query module, the only code that reads the index (hiwar.site.search writes it).
 * The spelling rules below are knowledge/search_rules.yml, embedded when the site is built.
 * Nothing is loaded until the reader turns to the search box; index files are scripts that hand
 * their data to hiwarSearchIndex(), so they load from file:// as they do over http.
 */
(function () {
  "use strict";

  var RULES = /*RULES*/null;
  var CLASSES = /*CLASSES*/null;
  var POSTINGS = /*POSTINGS*/null;  /* postings.py's alphabet and weight bits */

  /* ---- Spelling rules: the same functions as knowledge/searchtext.py ---- */
  var MARKS = new RegExp(CLASSES.removed, "gu");
  var LETTERS = RULES.fold.letters;
  var DIGITS = {};
  RULES.fold.digits.forEach(function (set) { Array.from(set).forEach(function (d, i) { DIGITS[d] = String(i); }); });
  var TOKEN = /[\p{L}\p{N}]+/gu;
  var WORD_AS_WRITTEN = new RegExp("(?:[\\p{L}\\p{N}]|" + CLASSES.word_marks + ")+", "gu");

  function escaped(text) { return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }
  function length(text) { return Array.from(text).length; }  /* in code points, as Python counts */

  function fold(text) {
    text = text.normalize(RULES.fold.unicode).replace(MARKS, "");
    var out = "";
    for (var ch of text) out += LETTERS[ch] || DIGITS[ch] || ch;
    return RULES.fold.lower_case ? out.toLowerCase() : out;
  }

  /* One language's analysis (search_rules.yml, languages:); a language without rules does nothing to a word. */
  function Analysis(lang) {
    var rules = (lang && RULES.languages[lang]) || {};
    var script = CLASSES.scripts[lang];
    this.articlePrefixes = rules.article_prefixes || [];
    this.articleMinRest = rules.article_min_rest || 0;
    var cliticMinRest = rules.clitic_min_rest == null ? 1 : rules.clitic_min_rest;
    this.cliticBefore = rules.clitics && rules.clitics.length && script ?
      new RegExp("^[" + rules.clitics.join("") + "](?=" + script + "{" + cliticMinRest + ",})", "u") : null;
    this.hyphenArticle = rules.article ? new RegExp("(?<![a-z])" + escaped(rules.article) + "(?=[a-z])", "g") : null;
    this.suffixes = rules.suffixes || [];
    this.minStem = rules.min_stem || 0;
    this.forms = new Map();  /* index forms by word: an archive's words recur */
  }
  Analysis.prototype.withoutArticle = function (word) {
    for (var i = 0; i < this.articlePrefixes.length; i++) {
      var prefix = this.articlePrefixes[i];
      if (word.startsWith(prefix) && length(word) - length(prefix) >= this.articleMinRest) return word.slice(prefix.length);
    }
    return word;
  };
  Analysis.prototype.stem = function (word) {
    for (var i = 0; i < this.suffixes.length; i++) {
      if (word.endsWith(this.suffixes[i])) {
        var stem = word.slice(0, word.length - this.suffixes[i].length);
        return length(stem) >= this.minStem ? stem : word;
      }
    }
    return word;
  };
  Analysis.prototype.indexForms = function (word) {
    var forms = this.forms.get(word);
    if (!forms) {
      var clitic = this.cliticBefore ? word.replace(this.cliticBefore, "") : word;
      forms = Array.from(new Set([word, this.withoutArticle(word), clitic, this.withoutArticle(clitic)]));
      this.forms.set(word, forms);
    }
    return forms;
  };
  Analysis.prototype.queryTerm = function (word) { return this.stem(this.withoutArticle(word)); };

  var ANALYSES = {}, FOLDING_ONLY = new Analysis(null);
  Object.keys(RULES.languages).forEach(function (lang) { ANALYSES[lang] = new Analysis(lang); });
  /* The languages whose words are known by their script wherever they appear, by language code as in Python. */
  var SCRIPTS = Object.keys(CLASSES.scripts).sort().map(function (lang) {
    return [lang, new RegExp(CLASSES.scripts[lang], "u")];
  });

  /* The analysis of the words of a text in `lang` that no script claims. */
  function textAnalysis(lang) {
    var rules = Object.prototype.hasOwnProperty.call(RULES.languages, lang) ? RULES.languages[lang] : null;
    if (!rules) return FOLDING_ONLY;
    if (rules.script) return Object.prototype.hasOwnProperty.call(ANALYSES, rules.other_scripts) ?
      ANALYSES[rules.other_scripts] : FOLDING_ONLY;
    return ANALYSES[lang];
  }

  function wordAnalysis(word, lang) {
    for (var i = 0; i < SCRIPTS.length; i++) if (SCRIPTS[i][1].test(word)) return ANALYSES[SCRIPTS[i][0]];
    return textAnalysis(lang);
  }

  function words(text, lang) {
    var folded = fold(text), article = textAnalysis(lang).hyphenArticle;
    return (article ? folded.replace(article, "") : folded).match(TOKEN) || [];
  }

  function indexForms(word, lang) { return wordAnalysis(word, lang).indexForms(word); }

  function indexTokens(text, lang) {
    var tokens = [];
    words(text, lang).forEach(function (word) { tokens.push.apply(tokens, indexForms(word, lang)); });
    return tokens;
  }

  /* The query typed in the edition of `lang`, as the index spells it. */
  function queryTerms(query, lang) {
    return words(query, lang).map(function (word) { return wordAnalysis(word, lang).queryTerm(word); });
  }

  function isPrefix(term) { return length(term) >= RULES.matching.prefix_from; }
  function matches(term, token) { return token === term || (isPrefix(term) && token.startsWith(term)); }

  function highlightForms(word, lang) { return indexTokens(word, lang); }
  function writtenWords(text) { return text.match(WORD_AS_WRITTEN) || []; }

  /* Where the words of a text in `lang` that the terms find are, as [start, end] in UTF-16 units. */
  /* `limit`: stop after that many (an excerpt needs the first only, not a scan of the whole text). */
  function markedWords(text, terms, lang, limit) {
    var spans = [], found;
    WORD_AS_WRITTEN.lastIndex = 0;
    while ((found = WORD_AS_WRITTEN.exec(text))) {
      var forms = highlightForms(found[0], lang);
      var hit = terms.some(function (term) {
        return term && forms.some(function (form) { return matches(term, form); });
      });
      if (hit && spans.push([found.index, found.index + found[0].length]) === limit) break;
    }
    return spans;
  }

  var rules = {fold: fold, queryTerms: queryTerms, indexTokens: indexTokens, indexForms: indexForms,
               highlightForms: highlightForms, writtenWords: writtenWords, markedWords: markedWords, matches: matches};

  /* ---- The index: script files that call hiwarSearchIndex(key, data) ---- */
  var script = typeof document !== "undefined" && document.currentScript;
  var root = script ? new URL("../../", script.src) : null;  /* this file is assets/javascripts/ */
  var loaded = {}, waiting = {};

  window.hiwarSearchIndex = function (key, data) {
    loaded[key] = data;
    if (waiting[key]) waiting[key].resolve(data);
  };

  function load(key) {
    if (key in loaded) return Promise.resolve(loaded[key]);
    if (!waiting[key]) {
      var entry = waiting[key] = {};
      entry.promise = new Promise(function (resolve, reject) {
        entry.resolve = resolve;
        var tag = document.createElement("script");
        tag.src = new URL("search/" + key + ".js", root).href;
        tag.onload = function () { if (!(key in loaded)) reject(new Error("search: " + key + " held no data")); };
        tag.onerror = function () { delete waiting[key]; reject(new Error("search: " + key + " did not load")); };
        document.head.appendChild(tag);
      });
    }
    return waiting[key].promise;
  }

  function bisect(list, value) {  /* the number of items <= value, in sorted list */
    var low = 0, high = list.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (list[middle] <= value) low = middle + 1; else high = middle;
    }
    return low;
  }

  /* The chunks a term's words may be in: the one it falls in, and the next ones while they start with it.
     A term that begins more words than PREFIX_CHUNKS chunks hold (الح… while the reader is still typing
     الحكومة) finds only the words of its first chunk until it is longer: a keystroke never fetches
     a large part of the index. */
  var PREFIX_CHUNKS = 6;
  function chunksFor(manifest, term) {
    var first = Math.max(0, bisect(manifest.chunks, term) - 1), found = [first];
    if (isPrefix(term)) {
      for (var n = first + 1; n < manifest.chunks.length && manifest.chunks[n].startsWith(term); n++) found.push(n);
    }
    return found.slice(0, PREFIX_CHUNKS);
  }

  var DIGIT = {};
  Array.from(POSTINGS.alphabet).forEach(function (ch, i) { DIGIT[ch] = i; });
  var WEIGHTS = Math.pow(2, POSTINGS.weight_bits);  /* a posting is gap * WEIGHTS + weight */

  /* postings.py's format: per document, the gap << WEIGHT_BITS | weight, 5 bits a character. */
  function decode(text, visit) {
    var previous = -1, value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = DIGIT[text[i]];
      value += (digit & 31) * Math.pow(2, shift);
      if (digit >= 32) { shift += 5; continue; }
      var number = previous + 1 + Math.floor(value / WEIGHTS);
      visit(number, value % WEIGHTS);
      previous = number; value = 0; shift = 0;
    }
  }

  /* Title above text; a word found whole above a word the term only begins. The count's step is the weight's
     bits below IN_TITLE. */
  function score(weight, whole) {
    return ((weight & POSTINGS.in_title ? 8 : 0) + 1 + (weight & (POSTINGS.in_title - 1))) * (whole ? 1 : 0.5);
  }

  /* Every document that holds every term, ranked: own edition, then boost tier, then score. */
  function search(query, language) {
    var terms = queryTerms(query, language).filter(Boolean);
    if (!terms.length) return Promise.resolve({terms: terms, results: []});
    return load("manifest").then(function (manifest) {
      return Promise.all(terms.map(function (term) {
        return Promise.all(chunksFor(manifest, term).map(function (n) { return load("words/" + n); }))
          .then(function (chunks) {
            var scores = new Map();
            chunks.forEach(function (chunk) {
              for (var i = Math.max(0, bisect(chunk.w, term) - 1); i < chunk.w.length; i++) {
                var word = chunk.w[i];
                if (word < term) continue;
                if (!matches(term, word)) { if (word > term && !word.startsWith(term)) break; continue; }
                decode(chunk.p[i], function (number, weight) {
                  var value = score(weight, word === term);
                  if (!(scores.get(number) >= value)) scores.set(number, value);
                });
              }
            });
            return scores;
          });
      })).then(function (perTerm) {
        perTerm.sort(function (a, b) { return a.size - b.size; });
        var own = manifest.languages.indexOf(language), results = [];
        var code = manifest.documents;
        perTerm[0].forEach(function (value, number) {
          for (var t = 1; t < perTerm.length; t++) {
            if (!perTerm[t].has(number)) return;
            value += perTerm[t].get(number);
          }
          results.push({number: number, score: value, own: DIGIT[code[2 * number]] === own ? 0 : 1,
                        tier: DIGIT[code[2 * number + 1]]});
        });
        results.sort(function (a, b) {
          return a.own - b.own || a.tier - b.tier || b.score - a.score || a.number - b.number;
        });
        return {terms: terms, results: results};
      });
    });
  }

  function page(number) { return load("pages/" + number); }

  /* A page's address from here: from file://, a folder's index.html. */
  function address(url) {
    var target = new URL(url, root);
    if (target.protocol === "file:" && target.pathname.endsWith("/")) target.pathname += "index.html";
    return target.href;
  }

  window.hiwarSearch = {rules: rules, search: search, page: page, address: address, load: load};
})();
