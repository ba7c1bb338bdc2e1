/*
 * Hiwar search, in the reader's browser. The index was normalised at build time by
 * scripts/hiwar/searchtext.py; the same rules are applied here to the query, on its way to
 * Material's search worker, so what the reader typed stays as typed in the search box.
 * Then results from the reader's own edition come first, and words that matched only
 * through normalisation (إسرائيل for اسرائيل, الكاظمي for كاظمي) are highlighted too.
 */
(function () {
  "use strict";

  var TASHKEEL = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;
  var LETTERS = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ی": "ي", "ى": "ي", "ک": "ك", "ۀ": "ه", "ة": "ه", "ؤ": "و", "ئ": "ي"
  };
  var DIGITS = "٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
  var TOKEN = /[\p{L}\p{N}]+/gu;
  var ARTICLE_PREFIX = /^(?:وبال|وال|فال|بال|كال|لل|ال)(?=[\p{L}\p{N}]{2,})/u;
  var ENGLISH_ARTICLE = /(^|[^a-z])al-(?=[a-z])/g;
  var CLITIC = /^[وفبكل](?=[\u0600-\u06ff]{3,})/;
  var ENGLISH_SUFFIX = /(?:ations|ation|ings|ing|ions|ion|ies|ied|es|ed|s)$/;
  var QUERY = 2; /* Material's message type for a search query */

  function fold(text) {
    text = text.normalize("NFKC").replace(TASHKEEL, "").replace(/\u0640/g, "");
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text[i];
      var digit = DIGITS.indexOf(ch);
      out += LETTERS[ch] || (digit >= 0 ? String(digit % 10) : ch);
    }
    return out.toLowerCase();
  }

  function englishStem(word) {
    var stem = word.replace(ENGLISH_SUFFIX, "");
    return stem.length >= 4 ? stem : word;
  }

  /* The query as the index spells it, one term per word (mirrors query_terms in searchtext.py). */
  function queryTerms(query) {
    var words = fold(query).replace(ENGLISH_ARTICLE, "$1").match(TOKEN) || [];
    return words.map(function (word) {
      return /^[\x00-\x7f]+$/.test(word) ? englishStem(word) : word.replace(ARTICLE_PREFIX, "");
    });
  }

  /* The forms a result word is indexed under (as index_tokens in searchtext.py), for highlighting. */
  function forms(word) {
    var folded = fold(word).replace(ENGLISH_ARTICLE, "$1");
    var clitic = folded.replace(CLITIC, "");
    return [folded, folded.replace(ARTICLE_PREFIX, ""), clitic, clitic.replace(ARTICLE_PREFIX, "")];
  }

  window.hiwarSearch = { fold: fold, queryTerms: queryTerms };

  /* 1. Normalise the query on its way to the worker (a Worker, or the offline iframe shim). */
  var terms = [];
  [window.Worker, window.IFrameWorker].forEach(function (Kind) {
    if (!Kind || !Kind.prototype.postMessage || Kind.prototype.postMessage.hiwar) return;
    var post = Kind.prototype.postMessage;
    var wrapped = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        terms = queryTerms(message.data);
        arguments[0] = { type: QUERY, data: terms.join(" ") };
      }
      return post.apply(this, arguments);
    };
    wrapped.hiwar = true;
    Kind.prototype.postMessage = wrapped;
  });

  /* 2. The reader's edition first; 3. highlight matches found through normalisation. */
  var config = JSON.parse((document.getElementById("__config") || {}).textContent || "{}");
  var root = new URL((config.base || ".") + "/", location.href).href;
  var ownEnglish = document.documentElement.lang === "en";

  function isEnglish(item) {
    var link = item.querySelector("a[href]");
    return !!link && link.href.indexOf(root) === 0 && link.href.slice(root.length).indexOf("en/") === 0;
  }

  function reorder(list) {
    var items = Array.prototype.slice.call(list.children);
    var own = items.filter(function (item) { return isEnglish(item) === ownEnglish; });
    var other = items.filter(function (item) { return isEnglish(item) !== ownEnglish; });
    own.concat(other).forEach(function (item, index) {
      if (list.children[index] !== item) list.insertBefore(item, list.children[index] || null);
    });
  }

  function highlight(element) {
    if (!terms.length) return;
    var walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        return node.parentNode.closest("mark") ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
      }
    });
    var nodes = [];
    while (walker.nextNode()) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var text = node.nodeValue, last = 0, parts = [], match;
      TOKEN.lastIndex = 0;
      while ((match = TOKEN.exec(text))) {
        var candidates = forms(match[0]);
        var hit = terms.some(function (term) {
          return term && candidates.some(function (form) { return form.indexOf(term) === 0; });
        });
        if (!hit) continue;
        parts.push(document.createTextNode(text.slice(last, match.index)));
        var mark = document.createElement("mark");
        mark.textContent = match[0];
        parts.push(mark);
        last = match.index + match[0].length;
      }
      if (!parts.length) return;
      parts.push(document.createTextNode(text.slice(last)));
      var fragment = document.createDocumentFragment();
      parts.forEach(function (part) { fragment.appendChild(part); });
      node.parentNode.replaceChild(fragment, node);
    });
  }

  var busy = false;
  var observer = new MutationObserver(function () {
    var list = document.querySelector(".md-search-result__list");
    if (!list || busy) return;
    busy = true;
    reorder(list);
    Array.prototype.forEach.call(list.querySelectorAll("article"), highlight);
    observer.takeRecords();
    busy = false;
  });
  document.addEventListener("DOMContentLoaded", function () {
    var output = document.querySelector(".md-search-result");
    if (output) observer.observe(output, { childList: true, subtree: true });
  });
  var ready = document.querySelector(".md-search-result");
  if (ready) observer.observe(ready, { childList: true, subtree: true });
})();
