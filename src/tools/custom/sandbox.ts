// What a code tool's worker takes away before it runs the user's code: the origin's storage
// (IndexedDB, Cache Storage, the origin-private file system, cookies, locks), every channel out
// of the worker (fetch, XHR, sockets, BroadcastChannel to the page's other contexts, nested
// workers, postMessage) and script loading. Keys never enter the worker at all; this makes sure
// the code cannot reach what the page stored either. A worker has no DOM and no other realm to
// borrow these from, so deleting them from the global's prototype chain removes them for good.
// Dynamic import() cannot be taken away; it loads modules into this same locked-down realm.

/** Globals a code tool may not use. */
export const BLOCKED_GLOBALS = [
  'indexedDB', 'caches', 'cookieStore', 'localStorage', 'sessionStorage',
  'fetch', 'XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'EventSource', 'WebTransport',
  'BroadcastChannel', 'Worker', 'SharedWorker', 'importScripts', 'postMessage',
  'requestFileSystem', 'webkitRequestFileSystem', 'webkitRequestFileSystemSync', 'webkitResolveLocalFileSystemURL',
] as const

/** Parts of `navigator` that reach the origin's storage or other contexts. */
export const BLOCKED_NAVIGATOR = ['storage', 'locks', 'serviceWorker', 'permissions'] as const

/** Remove a property from an object and everything it inherits from, up to (not including) `stop`. */
function remove(root: object, key: string, stop: readonly object[]): void {
  for (let target: object | null = root; target !== null && !stop.includes(target); target = Object.getPrototypeOf(target) as object | null) {
    if (Object.prototype.hasOwnProperty.call(target, key)) Reflect.deleteProperty(target, key)
  }
  // Anything that would not delete is shadowed by a frozen undefined.
  if (key in root) Object.defineProperty(root, key, { value: undefined, writable: false, configurable: false })
}

/** Lock down a worker's global scope. Call it once, before the user's code is compiled. */
export function lockDown(scope: object): void {
  // EventTarget and Object are shared with AbortSignal and every object: never touch them.
  const stop = [Object.prototype, EventTarget.prototype]
  for (const key of BLOCKED_GLOBALS) remove(scope, key, stop)
  const navigator = (scope as { navigator?: object }).navigator
  if (navigator) for (const key of BLOCKED_NAVIGATOR) remove(navigator, key, [Object.prototype])
}
