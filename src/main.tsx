import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import './index.css'
import { App } from './ui/App.tsx'

const root = document.getElementById('root')
if (!root) throw new Error('Lanes: #root is missing from index.html')
// Benchmark hooks load only for bench/page.bench.ts (?bench=1), never for users.
if (new URLSearchParams(window.location.search).has('bench')) void import('./ui/bench-hooks.ts').then((m) => m.installBenchHooks())

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
