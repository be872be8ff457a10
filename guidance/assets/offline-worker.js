// Keeps the guidance readable with no signal (decision 0016). The build writes this file with its
// own id in BUILD, so a new build is a new worker. Installing, it saves the build's essential
// pages, every file they load and the search index (offline.json lists them) into one cache named
// after the build, and the pages a reader had kept from the last build, fetched again; only when
// every file has arrived does it take over and delete the old set. A failed or partial download
// fails the install: the reader keeps the old set, whole. Online, pages come from the network;
// with no network, from the set. Pages only for the public are never kept unless a reader asks.
"use strict";
const BUILD = "%BUILD%";
const FALLBACK = "%FALLBACK%"; // the page for a page that was not saved
const SET = "guidance-" + BUILD;
const ASKED = "guidance-asked"; // public pages a reader chose to keep; "Exit this page" clears it too
const STATE = "state.json"; // in SET: when it was saved, and whether the reader has heard of it
const SCOPE = self.registration.scope;
const PATIENCE = 6000; // ms a page may take online before the saved copy is shown instead
const served = new Set(); // pages (by client) that came from the set

self.addEventListener("install", (event) => {
  // A file that fails to arrive fails the install: the half-saved set goes, the old one stays.
  const failed = (error) => caches.delete(SET).then(() => Promise.reject(error));
  event.waitUntil(saveSet().then(() => self.skipWaiting(), failed));
});

self.addEventListener("activate", (event) => event.waitUntil(takeOver()));

async function saveSet() {
  const response = await fetch(new URL("offline.json", SCOPE), { cache: "no-store" });
  const listing = await response.json();
  if (listing.build !== BUILD) throw new Error("a new build is being published: the next visit saves it");
  const previous = (await caches.keys()).filter((name) => name.startsWith("guidance-") && name !== SET && name !== ASKED);
  const kept = await keptPages(previous, listing.files);
  await caches.delete(SET); // what an earlier, failed try left
  const set = await caches.open(SET);
  await inTurn(listing.files.map((file) => new URL(file, SCOPE).href), (url) => save(set, url));
  await inTurn(kept, (url) => save(set, url).catch(() => undefined)); // gone from this build: not kept
  const state = { build: BUILD, saved: new Date().toISOString(), published: listing.published,
    changes: new URL(listing.changes, SCOPE).href, updated: previous.length > 0, told: false };
  await set.put(STATE, Response.json(state));
}

// The pages a reader opened and the last set kept, besides those this build saves anyway.
async function keptPages(previous, files) {
  const listed = new Set(files.map((file) => new URL(file, SCOPE).href));
  const pages = [];
  for (const name of previous) {
    const cache = await caches.open(name);
    for (const request of await cache.keys()) {
      if (request.url.startsWith(SCOPE) && !listed.has(request.url) && request.url.endsWith("/")) pages.push(request.url);
    }
  }
  return pages;
}

async function save(cache, url) {
  const response = await fetch(url, { cache: "reload" });
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  if (isPage(response) && !ofThisBuild(await response.clone().text())) throw new Error(`${url} is of another build`);
  await cache.put(url, response);
}

// Six downloads at a time; the first failure fails the whole.
async function inTurn(urls, action) {
  let next = 0;
  const worker = async () => {
    while (next < urls.length) await action(urls[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(6, urls.length) }, worker));
}

async function takeOver() {
  const set = await caches.open(SET);
  if (!(await set.match(STATE))) return;
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith("guidance") && n !== SET && n !== ASKED).map((n) => caches.delete(n)));
  await self.clients.claim();
  const clients = await self.clients.matchAll({ type: "window" });
  for (const client of clients) client.postMessage(await tell());
}

// What a page says about the set: when it was saved, and once, that the guidance has changed.
async function tell(clientId) {
  const set = await caches.open(SET);
  const kept = await set.match(STATE);
  if (!kept) return { build: BUILD, saved: null };
  const state = await kept.json();
  const news = { ...state, fromSet: served.has(clientId) };
  if (state.updated && !state.told) await set.put(STATE, Response.json({ ...state, told: true }));
  else news.updated = false;
  return news;
}

self.addEventListener("message", (event) => {
  const reply = event.ports[0];
  const ask = event.data || {};
  let answer;
  if (ask.ask === "state") answer = tell(event.source && event.source.id);
  else if (ask.keep) answer = keepAsked(ask.keep);
  else return;
  event.waitUntil(answer.then((a) => reply && reply.postMessage(a)).catch(() => reply && reply.postMessage({ failed: true })));
});

async function keepAsked(url) {
  if (new URL(url).origin !== self.location.origin) throw new Error("not this site");
  await save(await caches.open(ASKED), url);
  return { kept: url };
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (url.href === new URL("offline.json", SCOPE).href) return; // always the published one
  event.respondWith(answer(event));
});

async function answer(event) {
  const request = event.request;
  const page = request.mode === "navigate";
  // A page that came from the set takes its files from the set too: never one build's page with
  // another's script. Pages are asked of the host each time (no-cache): the browser's own cache may
  // hold a newer build's page, which with no signal it would otherwise give as fresh.
  if (!page && served.has(event.clientId)) {
    const saved = await fromSet(request);
    if (saved) return saved;
  }
  const online = fetch(page ? new Request(request, { cache: "no-cache" }) : request);
  try {
    const response = await (page ? soonOrSaved(online, request) : online);
    if (page && response.ok && !response.fromSet) event.waitUntil(keepVisited(request.url, response.clone()));
    if (response.fromSet) served.add(event.resultingClientId);
    return response.fromSet ? response.fromSet : response;
  } catch (offline) {
    const saved = await fromSet(request);
    if (saved) {
      if (page) served.add(event.resultingClientId);
      return saved;
    }
    // Sent to the page that says so (at its own address, so that its links and files are found),
    // which offers the page asked for again.
    const fallback = new URL(FALLBACK, SCOPE);
    if (page && (await caches.match(fallback.href, { cacheName: SET }))) {
      fallback.searchParams.set("from", request.url);
      return Response.redirect(fallback.href, 302);
    }
    throw offline;
  }
}

// A page from the network, or its saved copy if the network is slower than PATIENCE (a doorstep
// with one bar of signal); the network's answer still comes, and is used for the next visit.
async function soonOrSaved(online, request) {
  const saved = await fromSet(request);
  if (!saved) return online;
  const late = new Promise((resolve) => setTimeout(() => resolve({ fromSet: saved }), PATIENCE));
  return Promise.race([online, late]);
}

async function fromSet(request) {
  for (const cacheName of [SET, ASKED]) { // caches.match does not make a cache that is not there
    const found = await caches.match(request, { cacheName, ignoreSearch: true, ignoreVary: true });
    if (found) return found;
  }
  return undefined;
}

// A practitioner page opened online joins the set, if it is of the set's build and not only for
// the public; a page of a newer build means one is published: the browser is asked to look.
async function keepVisited(url, response) {
  if (!isPage(response)) return;
  const html = await response.clone().text();
  if (!ofThisBuild(html)) return self.registration.update();
  if (html.includes('<meta name="guidance-offline" content="ask">')) return;
  const set = await caches.open(SET);
  if (await set.match(STATE)) await set.put(url, response);
}

function isPage(response) {
  return (response.headers.get("content-type") || "").startsWith("text/html");
}

function ofThisBuild(html) {
  return html.includes(`<meta name="guidance-build" content="${BUILD}">`);
}
