// Keeps search working with the network gone. The search page asks this worker to keep the
// search index (pagefind/offline.json lists its files) when the whole index is small; on a large
// site it keeps only what searches have fetched. Pages and assets are fetched from the network
// first, so readers always get the latest guidance when they are online, and the kept copy when not.
"use strict";
const CACHE = "guidance-search";
const KEEP_WHOLE_INDEX_BELOW = 3 * 1024 * 1024; // bytes, uncompressed

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));

self.addEventListener("message", (event) => {
  const reply = event.ports[0];
  event.waitUntil(
    keep(event.data.keep)
      .then((state) => reply && reply.postMessage(state))
      .catch(() => reply && reply.postMessage("unavailable")),
  );
});

async function keep(listing) {
  const response = await fetch(listing, { cache: "no-cache" });
  const { bytes, files } = await response.json();
  if (bytes > KEEP_WHOLE_INDEX_BELOW) return "partial";
  const cache = await caches.open(CACHE);
  const base = new URL("..", listing);
  await cache.addAll(files.map((file) => new URL(file, base).href));
  return "ready";
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(fromNetworkThenKept(request));
});

async function fromNetworkThenKept(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) cache.put(request, response.clone());
    return response;
  } catch (offline) {
    const kept = await cache.match(request, { ignoreSearch: true });
    if (kept) return kept;
    throw offline;
  }
}
