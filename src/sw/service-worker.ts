// The service worker: once the page has loaded, Lanes and its offline model keep working with
// the network cut. Self-contained (no imports): the build injects the precache list and id.

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request
  respondWith(response: Promise<Response> | Response): void
}
interface ServiceWorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void> }
  registration: { scope: string }
}

const scope = self as unknown as ServiceWorkerScope
// Replaced at build time (build/pwa.ts): every file of the build except the large OCR data,
// which is cached the first time it is used.
const PRECACHE: string[] = JSON.parse('__LANES_PRECACHE__') as string[]
const CACHE = 'lanes-__LANES_BUILD_ID__'

scope.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(['./', ...PRECACHE]))
      .then(() => scope.skipWaiting()),
  )
})

scope.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith('lanes-') && name !== CACHE).map((name) => caches.delete(name))))
      .then(() => scope.clients.claim()),
  )
})

scope.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET' || new URL(request.url).origin !== new URL(scope.registration.scope).origin) return
  if (request.mode === 'navigate') {
    // Pages: the network first so a new build shows at once; the cached shell when offline.
    event.respondWith(fetch(request).catch(async () => (await caches.match('./', { ignoreSearch: true, ignoreVary: true })) ?? Response.error()))
    return
  }
  // Hashed assets never change: the cache first, then the network (kept for next time).
  event.respondWith(
    // ignoreVary: module scripts are CORS requests (an Origin header) and servers may send
    // Vary: Origin, which would make the precached copies never match.
    caches.match(request, { ignoreVary: true }).then(
      (hit) =>
        hit ??
        fetch(request).then(async (response) => {
          if (response.ok) await (await caches.open(CACHE)).put(request, response.clone())
          return response
        }),
    ),
  )
})
