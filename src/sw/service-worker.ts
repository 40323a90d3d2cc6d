// The service worker: once the page has loaded, Lanes and its offline model keep working with
// the network cut. Self-contained (no imports): the build injects the precache list and id.

interface ExtendableEventLike extends Event {
  waitUntil(promise: Promise<unknown>): void
}
interface FetchEventLike extends ExtendableEventLike {
  request: Request
  respondWith(response: Promise<Response> | Response): void
}
interface MessageEventLike extends ExtendableEventLike {
  data: unknown
  source: { postMessage(message: unknown): void } | null
}
interface ServiceWorkerScope {
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEventLike) => void): void
  addEventListener(type: 'fetch', listener: (event: FetchEventLike) => void): void
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void
  skipWaiting(): Promise<void>
  clients: { claim(): Promise<void> }
  registration: { scope: string }
}

const scope = self as unknown as ServiceWorkerScope
// Replaced at build time (build/pwa.ts): every file of the build except the large OCR engine
// and data, which the page asks for on its first idle moment ("lanes-warm"), so OCR works offline
// without making install download 7 MB first.
const PRECACHE: string[] = JSON.parse('__LANES_PRECACHE__') as string[]
const LAZY: string[] = JSON.parse('__LANES_LAZY__') as string[]
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

/** Cache the large files not cached yet; a failed download is tried again on the next load. */
async function warm(): Promise<number> {
  const cache = await caches.open(CACHE)
  const missing: string[] = []
  for (const path of LAZY) if (!(await cache.match(path, { ignoreSearch: true, ignoreVary: true }))) missing.push(path)
  await cache.addAll(missing)
  return missing.length
}

scope.addEventListener('message', (event) => {
  if (typeof event.data !== 'object' || event.data === null || (event.data as { type?: unknown }).type !== 'lanes-warm') return
  event.waitUntil(
    warm().then(
      (fetched) => event.source?.postMessage({ type: 'lanes-warm-done', fetched, total: LAZY.length }),
      (error: unknown) => event.source?.postMessage({ type: 'lanes-warm-failed', message: error instanceof Error ? error.message : String(error) }),
    ),
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
    // ignoreSearch: tesseract asks for its language data as `<data file>?/eng.traineddata.gz`.
    caches.match(request, { ignoreVary: true, ignoreSearch: true }).then(
      (hit) =>
        hit ??
        fetch(request).then(async (response) => {
          if (response.ok) await (await caches.open(CACHE)).put(request, response.clone())
          return response
        }),
    ),
  )
})
