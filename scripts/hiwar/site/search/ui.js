/*
 * Hiwar search: the search box of overrides/partials/hiwar-search.html. Results show as the reader types:
 * the reader's own edition first, each with its edition, date and an excerpt around the first match, every
 * word the query found highlighted (also when only folding found it: اسرائيل marks إسرائيل).
 * Keys: ↓/↑ move between the box and the results, Enter opens the first result, Escape closes.
 */
(function () {
  "use strict";

  var PAGE_SIZE = 10;
  var EXCERPT = {before: 60, after: 200};

  function start(box) {
    var strings = JSON.parse(box.querySelector("script[type='application/json']").textContent);
    var toggle = document.getElementById("__search");
    var form = box.querySelector("form");
    var input = box.querySelector("input[type=search]");
    var status = box.querySelector("[role=status]");
    var list = box.querySelector("ol");
    var more = box.querySelector("button.hiwar-search__more");
    var language = document.documentElement.lang;
    var plural = new Intl.PluralRules(language);
    var search = window.hiwarSearch, shown = null, asked = 0, timer = 0;

    function open() { if (toggle && !toggle.checked) toggle.checked = true; search.load("manifest").catch(report); }
    function close() { if (toggle) toggle.checked = false; input.blur(); }
    function report(error) { status.textContent = strings.failed; if (window.console) console.error(error); }

    function count(n) {
      var forms = strings.results;
      return (forms[plural.select(n)] || forms.other).replace("{count}", String(n));
    }

    function marked(text, terms, lang) {  /* text in `lang` with the words the terms find inside <mark> */
      var fragment = document.createDocumentFragment(), last = 0;
      search.rules.markedWords(text, terms, lang).forEach(function (span) {
        fragment.append(text.slice(last, span[0]));
        var mark = document.createElement("mark");
        mark.textContent = text.slice(span[0], span[1]);
        fragment.append(mark);
        last = span[1];
      });
      fragment.append(text.slice(last));
      return fragment;
    }

    function excerpt(text, terms, lang) {  /* around the first word found, cut at spaces */
      var first = search.rules.markedWords(text, terms, lang, 1)[0];
      var from = first ? Math.max(0, first[0] - EXCERPT.before) : 0;
      var to = Math.min(text.length, (first ? first[0] : 0) + EXCERPT.after);
      if (from > 0) from = text.indexOf(" ", from) + 1 || from;
      if (to < text.length) to = text.lastIndexOf(" ", to) > from ? text.lastIndexOf(" ", to) : to;
      return (from > 0 ? "… " : "") + text.slice(from, to) + (to < text.length ? " …" : "");
    }

    function item(page, terms) {
      var link = document.createElement("a");
      link.className = "md-search-result__link";
      link.href = search.address(page.u);
      var body = document.createElement("div");
      body.className = "md-search-result__article md-typeset";
      body.lang = page.l;
      body.dir = "auto";
      var title = document.createElement("div");
      title.className = "hiwar-search__title";
      title.append(marked(page.t, terms, page.l));
      var meta = document.createElement("div");
      meta.className = "hiwar-search__meta";
      meta.lang = language;
      meta.textContent = [strings.editions[page.l] || page.l, page.d].filter(Boolean).join(" · ");
      var text = document.createElement("p");
      text.append(marked(excerpt(page.x, terms, page.l), terms, page.l));
      body.append(title, meta, text);
      link.append(body);
      var entry = document.createElement("li");
      entry.className = "md-search-result__item";
      entry.append(link);
      return entry;
    }

    function showMore(found, number) {
      var batch = found.results.slice(list.children.length, list.children.length + PAGE_SIZE);
      return Promise.all(batch.map(function (result) { return search.page(result.number); })).then(function (pages) {
        if (number !== asked) return;
        pages.forEach(function (page) { list.append(item(page, found.terms)); });
        more.hidden = list.children.length >= found.results.length;
      });
    }

    function run() {
      var number = ++asked, query = input.value;
      if (!query.trim()) {
        list.replaceChildren();
        more.hidden = true;
        status.textContent = "";
        shown = null;
        return Promise.resolve();
      }
      return search.search(query, language).then(function (found) {
        if (number !== asked) return;
        shown = found;
        list.replaceChildren();
        return showMore(found, number).then(function () {  /* announced once the results are there */
          if (number === asked) status.textContent = found.results.length ? count(found.results.length) : strings.none;
        });
      }).catch(report);
    }

    function focusables() { return [input].concat(Array.from(list.querySelectorAll("a")), more.hidden ? [] : [more]); }

    function move(event, step) {
      var items = focusables(), at = items.indexOf(document.activeElement);
      if (at < 0) return;
      event.preventDefault();
      items[Math.min(items.length - 1, Math.max(0, at + step))].focus();
    }

    input.addEventListener("focus", open);
    form.addEventListener("pointerenter", function () { search.load("manifest").catch(report); });
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 80); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      run().then(function () {
        var first = list.querySelector("a");
        if (first) location.href = first.href;
      });
    });
    form.addEventListener("reset", function () { setTimeout(run, 0); input.focus(); });
    more.addEventListener("click", function () { if (shown) showMore(shown, asked); });
    box.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") move(event, 1);
      else if (event.key === "ArrowUp") move(event, -1);
      else if (event.key === "Escape") { event.preventDefault(); close(); }
    });
    if (toggle) {
      toggle.addEventListener("change", function () { if (toggle.checked) input.focus(); else input.blur(); });
    }
    var linked = new URLSearchParams(location.search).get("q");  /* a link to a search: ?q=… */
    if (linked) { input.value = linked; open(); run(); }
  }

  if (typeof document === "undefined") return;  /* Node, in the rules' parity test */
  function ready() { document.querySelectorAll("[data-hiwar-search]").forEach(start); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready); else ready();
})();
