// Attune's service worker: precaches exactly the built files, serves them offline.
// The build fills in PRECACHE (every file with its content hash) and CACHE (named from them),
// so any change to any file makes a new worker with a new cache.
const CACHE = "{{cache}}";
const PRECACHE = {{precache}};
const PREFIX = "attune-";

self.addEventListener("install", (event) => {
  // Install only once every file is cached. 'no-cache' revalidates with the server, so a file the
  // page has just fetched costs a "not modified" answer, not a second download, and nothing stale gets in.
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      cache.addAll(PRECACHE.map((entry) => new Request(entry.url, { cache: "no-cache" })))
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  // The page's "Reload" button: the waiting worker takes over, then the page reloads.
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    // Every route is the one page: serve it from the cache, whatever the path or hash.
    event.respondWith(
      caches.open(CACHE).then((cache) => cache.match("./")).then((hit) => hit || fetch(request))
    );
    return;
  }
  event.respondWith(
    caches.open(CACHE)
      .then((cache) => cache.match(request, { ignoreSearch: true }))
      .then((hit) => hit || fetch(request))
  );
});
