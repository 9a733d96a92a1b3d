// The service worker: after the first visit the whole app (page, code, content, styles, icons) is served
// from the cache, so it opens and works with the network off. The build writes the list of files and
// a version derived from their contents (src/web/postbuild.py); every file but this one and the page has
// a content hash in its name, so a new release is a new list and a new cache.
//
// Updates never interrupt: a new worker installs in the background and waits; it takes over on the next
// visit, when no tab of the old version is open (the page shows a banner meanwhile). The old cache is
// deleted only once the new worker is active.
const VERSION = "__VERSION__";
const FILES = __FILES__;
// One cache per release and per place the app is served from (its scope), so a copy under a sub-path of
// the same origin keeps its own cache when this one updates.
const PREFIX = "dva-" + self.registration.scope + " ";
const CACHE = PREFIX + VERSION;
// Caches of releases from before the scope was part of the name: "dva-" and the version alone.
const UNSCOPED = /^dva-[0-9a-f]{16}$/;

// A file named by a hash of its bytes (the code, its glue, the content files) never changes under its
// name: one an earlier release cached is copied over instead of downloaded again, so a release that
// changed only the content costs a returning learner only the changed content files; and one the page
// has just downloaded (on a first visit: the code, the content index, the questions and explanations,
// ~480 KB) is taken from the browser's HTTP cache, even if stale, instead of a second time from the
// network. The rest (the page, the manifest, the icons) is always downloaded afresh. The content files'
// hashes have 16 hex digits; trunk's for the code drop leading zeros (one build in sixteen had 15, and its
// code was then downloaded again on every release).
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => Promise.all(FILES.map(async (f) => {
    const hashed = HASHED.test(f);
    const kept = hashed ? await caches.match(f) : undefined;
    return kept ? c.put(f, kept) : c.add(new Request(f, { cache: hashed ? "force-cache" : "reload" }));
  }))));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k !== CACHE && (k.startsWith(PREFIX) || UNSCOPED.test(k)))
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  const url = new URL(req.url);
  if (req.method !== "GET" || url.origin !== self.location.origin) return;
  // A load of the app's page is always the cached page of this version (the app routes by hash, so there
  // is one page); a page elsewhere under this scope (another site in a sub-folder) is not this app's.
  const page = new URL("./", self.registration.scope).pathname;
  if (req.mode === "navigate" && url.pathname !== page && url.pathname !== page + "index.html") return;
  const key = req.mode === "navigate" ? "./" : req;
  event.respondWith(
    caches.open(CACHE)
      .then((c) => c.match(key, { ignoreSearch: req.mode === "navigate" }))
      .then((hit) => hit || fetch(req)),
  );
});
