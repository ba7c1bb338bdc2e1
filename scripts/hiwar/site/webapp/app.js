/*
 * Hiwar as an app: registers the service worker (sw.js at the site root), and runs the "Save for offline" button
 * of the home pages (overrides/partials/save-offline.html): the edition's size first, then every file of the
 * edition saved with a progress bar; the button's data-state is idle, saving, saved or error.
 * Only over http(s): from file:// (the offline edition) browsers run no service worker and the button stays hidden.
 */
(function () {
  "use strict";

  var CONFIG = /*CONFIG*/null;
  var script = document.currentScript;
  if (!script || !/^https?:$/.test(location.protocol) || !("serviceWorker" in navigator) || !("caches" in window)) {
    return;
  }
  var root = new URL("../../", script.src);  /* this file is assets/javascripts/ */
  /* After the page has loaded: the worker's first download of the shell never competes with the page's own. */
  function register() {
    navigator.serviceWorker.register(new URL(CONFIG.worker, root).href, {scope: root.href, updateViaCache: "none"})
      .catch(function () { /* no worker (a preview without one): the site works as a plain site */ });
  }
  if (document.readyState === "complete") register(); else window.addEventListener("load", register);

  var box = document.querySelector("[data-hiwar-offline]");
  if (!box) return;
  var button = box.querySelector("#save-offline");
  var progress = box.querySelector("progress");
  var status = box.querySelector("[role=status]");
  var strings = button.dataset;
  var language = document.documentElement.lang;
  var summaryUrl = new URL(box.getAttribute("data-hiwar-offline"), location.href);
  var headers = {};
  headers[CONFIG.save_header] = "1";
  var summary = null;
  var WORKERS = 4;

  function size(bytes) {
    var megabytes = bytes >= 1e6;
    return new Intl.NumberFormat(language, {style: "unit", unit: megabytes ? "megabyte" : "kilobyte",
      maximumFractionDigits: megabytes ? 1 : 0, numberingSystem: "latn"}).format(bytes / (megabytes ? 1e6 : 1e3));
  }

  function percent(fraction) {
    return new Intl.NumberFormat(language, {style: "percent", numberingSystem: "latn"}).format(fraction);
  }

  function show(state, text) {
    button.dataset.state = state;
    button.disabled = state === "saving";
    var sized = summary ? size(summary.bytes) : "";
    button.textContent = (state === "saved" ? strings.saved : strings.saveSize).replace("{size}", sized);
    progress.hidden = state !== "saving";
    status.textContent = text || "";
  }

  function pagesCache(version) { return CONFIG.caches.pages + version; }
  function shellCache(version) { return CONFIG.caches.shell + version; }

  /* Through the worker, which keeps it: offline, the button still tells what is saved. */
  fetch(summaryUrl.href, {cache: "no-cache"})
    .then(function (response) { return response.ok ? response.json() : Promise.reject(response.status); })
    .then(function (found) {
      summary = found;
      box.hidden = false;
      show("idle");
      var listUrl = new URL(summary.list, summaryUrl).href;
      return caches.has(pagesCache(summary.version)).then(function (has) {
        return has && caches.open(pagesCache(summary.version)).then(function (cache) { return cache.match(listUrl); });
      });
    })
    .then(function (mark) { if (mark) show("saved"); })
    .catch(function () { /* no list of the edition's files (a preview): no button */ });

  button.addEventListener("click", function () {
    if (!summary || button.dataset.state === "saving") return;
    save().then(function () { show("saved"); }, function () { show("error", strings.error); });
  });

  function save() {
    show("saving", strings.saving.replace("{percent}", percent(0)));
    progress.value = 0;
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    var listUrl = new URL(summary.list, summaryUrl).href;
    return fetch(listUrl, {cache: "no-cache", headers: headers}).then(function (response) {
      if (!response.ok) throw new Error(listUrl + ": " + response.status);
      return response.clone().json().then(function (listing) {
        return Promise.all([caches.open(pagesCache(listing.version)), caches.open(shellCache(listing.version))])
          .then(function (opened) { return saveFiles(listing, opened[0], opened[1]); })
          .then(function (pages) { return pages.put(listUrl, response); });  /* the mark: this build is saved */
      });
    });
  }

  function saveFiles(listing, pages, shell) {
    var queue = listing.files.slice();
    var total = listing.files.reduce(function (sum, file) { return sum + file[1]; }, 0) || 1;
    var done = 0;

    function advance(bytes) {
      done += bytes;
      progress.value = done / total;
      status.textContent = strings.saving.replace("{percent}", percent(done / total));
    }

    function next() {
      var file = queue.shift();
      if (!file) return Promise.resolve();
      var url = new URL(file[0], root).href;
      if (!url.startsWith(root.href)) return next();  /* only the site's own files */
      return Promise.all([pages.match(url, {ignoreVary: true}), shell.match(url, {ignoreVary: true})])
        .then(function (kept) {
          if (kept[0] || kept[1]) return null;
          return fetch(url, {cache: "no-cache", headers: headers}).then(function (response) {
            if (!response.ok || response.redirected) throw new Error(url + ": " + response.status);
            return pages.put(url, response);
          });
        })
        .then(function () { advance(file[1]); return next(); });
    }

    var workers = [];
    for (var n = 0; n < WORKERS; n++) workers.push(next());
    return Promise.all(workers).then(function () { return pages; });
  }
})();
