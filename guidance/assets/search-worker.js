// The worker earlier builds registered to keep search working offline. offline-worker.js has taken
// its place: a browser that still has this one gets this file on its next visit, which deletes the
// search cache it kept and unregisters itself.
"use strict";
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.delete("guidance-search").then(() => self.registration.unregister()));
});
