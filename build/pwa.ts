import { createHash } from 'node:crypto'
import { readdirSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Plugin, ResolvedConfig } from 'vite'

/** Every file under a folder, as paths relative to it with forward slashes. */
function filesUnder(root: string, dir = root): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(root, join(dir, entry.name)) : [relative(root, join(dir, entry.name)).split('\\').join('/')],
  )
}

/**
 * The Content-Security-Policy of the built page: scripts and workers only from this origin, no
 * eval and no inline script ('wasm-unsafe-eval' lets OCR compile its WebAssembly, which is not
 * JavaScript eval), and connections to the providers: any https endpoint, or a local server.
 * Only in the build: the dev server injects inline scripts for hot reload.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:* data: blob:",
  "img-src 'self' data: blob:",
  "style-src 'self'",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ')

/**
 * Large files the service worker caches on the page's first idle moment instead of at install
 * (the OCR engine's wasm core and English data, ~7 MB), so install stays quick. Only the emitted
 * files themselves: the small modules that hold their URLs are chunks and precache with the rest,
 * or OCR could not even start offline.
 */
const LAZY = /(tesseract-core|traineddata)/

/** Adds the CSP meta tag, and fills the service worker's precache list and build id. */
export function pwa(): Plugin {
  let config: ResolvedConfig | undefined
  return {
    name: 'lanes-pwa',
    apply: 'build',
    configResolved(resolved) {
      config = resolved
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' }],
    },
    generateBundle(_options, bundle) {
      const worker = Object.values(bundle).find((file) => file.type === 'chunk' && file.fileName === 'sw.js')
      if (!worker || worker.type !== 'chunk') return
      const publicFiles = config?.publicDir ? filesUnder(config.publicDir) : []
      const lazy = (name: string): boolean => bundle[name]?.type === 'asset' && LAZY.test(name)
      const all = [...Object.keys(bundle), ...publicFiles].filter((name) => name !== 'sw.js' && !name.endsWith('.map')).sort()
      const files = all.filter((name) => !lazy(name))
      const quoted = (names: string[]): string => JSON.stringify(names.map((name) => `./${name}`)).replace(/'/g, "\\'")
      const id = createHash('sha256').update(all.join('\n')).digest('hex').slice(0, 12)
      worker.code = worker.code
        .replace('__LANES_PRECACHE__', quoted(files))
        .replace('__LANES_LAZY__', quoted(all.filter(lazy)))
        .replace('__LANES_BUILD_ID__', id)
    },
  }
}
