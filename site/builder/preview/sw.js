// The preview's service worker (`make preview` serves it as /sw.js): it caches nothing, so a reload always
// shows the newest build. It replaces the site's own worker (a `make serve` on the same port registers
// it) and empties that worker's caches; a page the old worker served from its cache is reloaded.
self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const stale = (await caches.keys()).filter((name) => name.startsWith("attune-"));
    await Promise.all(stale.map((name) => caches.delete(name)));
    await self.clients.claim();
    if (stale.length) {
      for (const client of await self.clients.matchAll({ type: "window" })) client.navigate(client.url);
    }
  })());
});
