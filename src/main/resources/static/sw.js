// Service worker of the PWA shell: caches the static shell and the report form (THANHHOA-S), serves
// pages from the network and falls back to the cached form or the offline page when there is no
// connection. Never caches API answers (reports waiting offline are kept by report-app.js in IndexedDB).
const CACHE = 'tinhso-shell-v3';
// Pages: always asked from the network first (they carry the session's CSRF token), the cache is the fallback.
const PAGES = ['/reports/new'];
const SHELL = ['/offline', '/css/app.css', '/css/reports.css', '/js/app.js', '/js/report-app.js', '/img/emblem.svg',
  '/img/icon-192.png', '/img/icon-512.png', '/manifest.webmanifest',
  '/webjars/bootstrap/css/bootstrap.min.css', '/webjars/bootstrap/js/bootstrap.bundle.min.js',
  '/webjars/htmx.org/dist/htmx.min.js', '/webjars/leaflet/dist/leaflet.css', '/webjars/leaflet/dist/leaflet.js',
  '/webjars/leaflet/dist/images/marker-icon.png', '/webjars/leaflet/dist/images/marker-icon-2x.png',
  '/webjars/leaflet/dist/images/marker-shadow.png'].concat(PAGES);

self.addEventListener('install', event => {
  event.waitUntil(caches.open(CACHE).then(cache => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys().then(keys =>
    Promise.all(keys.filter(key => key !== CACHE).map(key => caches.delete(key)))).then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin || url.pathname.startsWith('/api/')) {
    return;
  }
  if (PAGES.includes(url.pathname)) {
    event.respondWith(fetch(request).then(response => {
      if (response.ok && request.mode === 'navigate') {
        const copy = response.clone();
        caches.open(CACHE).then(cache => cache.put(url.pathname, copy));
      }
      return response;
    }).catch(() => caches.match(url.pathname).then(hit => hit || caches.match('/offline'))));
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(() => caches.match('/offline')));
    return;
  }
  event.respondWith(caches.match(request).then(hit => hit || fetch(request)));
});
