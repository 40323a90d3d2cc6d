import './zod-jitless.ts'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import { warmAgentWorker } from './state/agent-client.ts'
import { App } from './ui/App.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('Lanes: #root is missing from index.html')
// Benchmark hooks load only for bench/page.bench.ts (?bench=1), never for users.
if (new URLSearchParams(window.location.search).has('bench')) void import('./ui/bench-hooks.ts').then((m) => m.installBenchHooks())

// Offline support: the service worker caches the app once it has loaded (built site only).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => console.warn('Lanes: offline support is unavailable:', error instanceof Error ? error.message : error))
    // The OCR engine and its data (~7 MB) are cached at the first idle moment, so OCR works offline.
    void navigator.serviceWorker.ready.then((registration) => {
      const warm = (): void => registration.active?.postMessage({ type: 'lanes-warm' })
      if (typeof requestIdleCallback === 'function') requestIdleCallback(warm, { timeout: 10_000 })
      else setTimeout(warm, 2000)
    })
  })
}

// The agent worker loads while the page is idle, so the first Run does not wait for it.
if (typeof requestIdleCallback === 'function') requestIdleCallback(() => warmAgentWorker(), { timeout: 3000 })

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
