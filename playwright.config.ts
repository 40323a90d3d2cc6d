import { existsSync } from 'node:fs'
import { defineConfig } from '@playwright/test'

// Debian's Chromium when the machine has it (CI installs it); Playwright's own browser otherwise.
const systemChromium = [process.env['CHROMIUM_PATH'], '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (path): path is string => typeof path === 'string' && path !== '' && existsSync(path),
)

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: process.env['CI'] ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env['CI'] ? [['list']] : [['list']],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      ...(systemChromium ? { executablePath: systemChromium } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    },
  },
  projects: [
    // The built site, driven as a user would.
    { name: 'app', testIgnore: 'modules/**', use: { browserName: 'chromium', baseURL: 'http://127.0.0.1:4173' } },
    // Browser-only modules (pdfjs, OCR, IndexedDB) imported straight from the dev server and
    // tested in real Chromium: `await import('/src/media/index.ts')` inside page.evaluate.
    { name: 'modules', testMatch: 'modules/**/*.spec.ts', use: { browserName: 'chromium', baseURL: 'http://127.0.0.1:5174' } },
  ],
  webServer: [
    {
      command: 'npx vite preview --port 4173 --strictPort --host 127.0.0.1',
      url: 'http://127.0.0.1:4173',
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
    {
      command: 'npx vite --port 5174 --strictPort --host 127.0.0.1',
      url: 'http://127.0.0.1:5174/e2e/modules/blank.html',
      reuseExistingServer: !process.env['CI'],
      timeout: 60_000,
    },
  ],
})
