/*
 * Hiwar's service worker (made by scripts/hiwar/site/webapp: the build writes its version and lists into CONFIG).
 *
 * - The shell (stylesheets, scripts, fonts, icons, each edition's home and offline pages, the lists of each
 *   edition's files) is kept from the start and served from the cache.
 * - Pages and every other file of the site (search index files, reference files) come from the network while there
 *   is one, and each one a reader opens is kept; without a network, or when the network keeps a saved page waiting,
 *   the kept copy is served; a page never kept gets the offline page of its edition, in its language.
 * - The "Save for offline" button (hiwar-app.js) fills the same cache with every file of an edition.
 * - Cache names end with the build's version: the worker of a new build deletes the old caches, after carrying over
 *   the files the new build left as they were (same digest in both builds' lists).
 */
"use strict";

const CONFIG = /*CONFIG*/null;
const ROOT = new URL("./", self.location.href);  // this file sits at the site root
const SHELL = CONFIG.caches.shell + CONFIG.version;
const PAGES = CONFIG.caches.pages + CONFIG.version;
const SHELL_URLS = new Set(CONFIG.shell.map((path) => new URL(path, ROOT).href));
const PATIENCE = 4000;  // ms the network may keep a saved page waiting
const LOOKUP = {ignoreVary: true};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const shell = await caches.open(SHELL);
    await shell.addAll(CONFIG.shell.map((path) => new Request(new URL(path, ROOT).href, {cache: "no-cache"})));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const ours = (await caches.keys()).filter((name) => Object.values(CONFIG.caches).some((p) => name.startsWith(p)));
    const old = ours.filter((name) => name !== SHELL && name !== PAGES);
    await carryOver(old);
    await Promise.all(old.map((name) => caches.delete(name)));
    await self.clients.claim();
    await keepOpenPages();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || request.headers.has(CONFIG.save_header)) return;
  const url = new URL(request.url);
  url.hash = "";
  if (!url.href.startsWith(ROOT.href)) return;  // another site, or a part of this host outside the site
  if (request.mode === "navigate") {
    event.respondWith(page(event, url));
  } else if (SHELL_URLS.has(url.href)) {
    event.respondWith(shellFile(event));
  } else {
    event.respondWith(networkFirst(event));
  }
});

/* ---- answering ---- */

async function page(event, url) {
  const network = fetch(event.request).then((response) => {
    keep(event, response.redirected ? response.url : url.href, response);
    return response;
  });
  try {
    return await patiently(network, url);
  } catch (offline) {
    return (await saved(url)) || (await offlinePage(url));
  }
}

/* The network's answer; but when it keeps a page waiting for PATIENCE and a copy is saved, the copy. */
function patiently(network, url) {
  return new Promise((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(async () => {
      const copy = await saved(url);
      if (copy && !settled) { settled = true; resolve(copy); }
    }, PATIENCE);
    network.then(
      (response) => { clearTimeout(timer); if (!settled) { settled = true; resolve(response); } },
      (error) => { clearTimeout(timer); if (!settled) { settled = true; reject(error); } });
  });
}

async function saved(url) {
  const copy = await caches.match(url.href, LOOKUP);
  if (copy) return copy;
  // A folder's page asked for without its final "/": send the reader to the saved page's address.
  if (!url.pathname.endsWith("/") && !url.pathname.split("/").pop().includes(".")) {
    const folder = new URL(url.href);
    folder.pathname += "/";
    if (await caches.match(folder.href, LOOKUP)) return Response.redirect(folder.href, 301);
  }
  return undefined;
}

async function offlinePage(url) {
  const edition = CONFIG.editions.find((e) => url.href.startsWith(new URL(e.prefix, ROOT).href));
  const copy = edition && (await caches.match(new URL(edition.offline, ROOT).href, LOOKUP));
  if (!copy) return Response.error();
  return new Response(copy.body, {status: 503, statusText: "Offline", headers: copy.headers});
}

async function shellFile(event) {
  const copy = await caches.match(event.request, LOOKUP);
  if (copy) return copy;
  const response = await fetch(event.request);
  keep(event, event.request.url, response, SHELL);
  return response;
}

async function networkFirst(event) {
  try {
    const response = await fetch(event.request);
    keep(event, event.request.url, response);
    return response;
  } catch (offline) {
    const copy = await caches.match(event.request, LOOKUP);
    if (copy) return copy;
    throw offline;
  }
}

function keep(event, key, response, cacheName = PAGES) {
  if (!response.ok || response.type !== "basic") return;
  const copy = response.clone();
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.put(key, response.redirected ? new Response(await copy.blob(), {headers: copy.headers}) : copy);
  })());
}

/* ---- a new build ---- */

/* url → digest of every file in the lists a build's shell cache holds. */
async function digests(shellName) {
  const found = new Map();
  if (!(await caches.has(shellName))) return found;
  const shell = await caches.open(shellName);
  for (const edition of CONFIG.editions) {
    const copy = await shell.match(new URL(edition.list, ROOT).href, LOOKUP);
    if (!copy) continue;
    try {
      for (const [path, , digest] of (await copy.json()).files) found.set(new URL(path, ROOT).href, digest);
    } catch (unreadable) { /* a list this worker cannot read: nothing of that build is carried over */ }
  }
  return found;
}

async function carryOver(old) {
  const now = await digests(SHELL);
  const pages = await caches.open(PAGES);
  for (const name of old.filter((n) => n.startsWith(CONFIG.caches.pages))) {
    const before = await digests(CONFIG.caches.shell + name.slice(CONFIG.caches.pages.length));
    const from = await caches.open(name);
    for (const request of await from.keys()) {
      const digest = before.get(request.url);
      if (!digest || digest !== now.get(request.url) || (await pages.match(request, LOOKUP))) continue;
      const copy = await from.match(request, LOOKUP);
      if (copy) await pages.put(request, copy);
    }
  }
}

/* The pages open when this worker starts were loaded before it could keep them: keep them now. */
async function keepOpenPages() {
  const pages = await caches.open(PAGES);
  for (const client of await self.clients.matchAll({type: "window"})) {
    const url = new URL(client.url);
    url.hash = "";
    if (!url.href.startsWith(ROOT.href) || (await caches.match(url.href, LOOKUP))) continue;
    try {
      const response = await fetch(url.href, {cache: "no-cache"});
      if (response.ok && response.type === "basic" && !response.redirected) await pages.put(url.href, response);
    } catch (offline) { /* kept the next time it is opened */ }
  }
}
