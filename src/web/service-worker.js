// Rapport's service worker: keeps the app's shell (the page, its scripts, styles and icons) so the
// app opens without a connection and says it is offline. The build fills in the list of files.
// API requests are never touched: they go to the server as usual, and fail when it is out of reach.

const SHELL_FILES = self.__SHELL_FILES__;
const CACHE = `rapport-shell-${self.__BUILD_ID__}`;
const SHELL = '/';
const STATIC = /^\/(assets|icons)\/|^\/manifest\.webmanifest$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll([SHELL, ...SHELL_FILES]))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('rapport-shell-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

/** The kept page, marked so the app shows that it is offline. */
async function offlineShell() {
  const kept = await caches.match(SHELL);
  if (!kept) return Response.error();
  const html = (await kept.text()).replace('<head>', '<head><meta name="rapport-offline" content="1">');
  const headers = new Headers(kept.headers);
  headers.delete('content-length');
  return new Response(html, { status: 200, headers });
}

async function keptOrFetched(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok) {
    const copy = response.clone();
    caches.open(CACHE).then((cache) => cache.put(request, copy));
  }
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith('/api/')) return;
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => offlineShell()));
  } else if (STATIC.test(url.pathname)) {
    event.respondWith(keptOrFetched(request));
  }
});
