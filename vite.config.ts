import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import tailwindcss from '@tailwindcss/vite'

// Relative base: the built site works from any sub-path (GitHub Pages, any static host).
export default defineConfig({
  base: './',
  plugins: [react(), tailwindcss()],
  worker: { format: 'es' },
  // Pre-bundle the heavy lazy libraries so the dev server doesn't reload the page on first use.
  optimizeDeps: { include: ['pdfjs-dist', 'tesseract.js'] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2048,
  },
  server: { port: 5173 },
  preview: { port: 4173 },
})
