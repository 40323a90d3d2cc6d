import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'
import { pwa } from './build/pwa.ts'

// Relative base: the built site works from any sub-path (GitHub Pages, any static host).
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss(), pwa()],
  worker: { format: 'es' },
  // Pre-bundle the heavy lazy libraries so the dev server doesn't reload the page on first use.
  optimizeDeps: {
    include: [
      'pdfjs-dist', 'tesseract.js',
      // The MCP client (connectMcpServer), loaded on first use.
      '@modelcontextprotocol/sdk/client/index.js', '@modelcontextprotocol/sdk/client/streamableHttp.js', '@modelcontextprotocol/sdk/client/auth.js',
    ],
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
    rollupOptions: {
      // The service worker is its own entry, at the site root so its scope covers the app.
      input: { index: 'index.html', sw: 'src/sw/service-worker.ts' },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'sw' ? 'sw.js' : 'assets/[name]-[hash].js'),
        codeSplitting: {
          groups: [
            // zod and the module that turns its JIT off share one chunk, so the switch runs as soon
            // as zod does, before any other chunk can use it: the JIT's eval probe is a CSP violation.
            { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]zod-jitless\.ts$/, priority: 2 },
            // Everything the page needs to start, in one file: left to itself the bundler cuts the
            // modules that lazy chunks share into a dozen small files, each gzipped on its own
            // (about 10 KB more to download up front).
            { name: 'app', tags: ['$initial'], test: (id: string) => !/[\\/]src[\\/]sw[\\/]/.test(id), priority: 1 },
          ],
        },
      },
    },
  },
  server: { port: 5173 },
  preview: { port: 4173 },
})
