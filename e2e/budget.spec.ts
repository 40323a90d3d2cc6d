import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { expect, test } from '@playwright/test'
import { initialScripts } from '../bench/page.bench.ts'

// Issue 21/22: what the page downloads before it can start stays within 150 KB gzip. The bench
// reports the figure beside its peers; this keeps a change that breaks it from landing. A size,
// not a time: it does not flake.
test('initial JS of the built page is at most 150 KB gzip', () => {
  const html = readFileSync('dist/index.html', 'utf8')
  const scripts = initialScripts(html)
  const sizes = scripts.map((path) => ({ path, kb: gzipSync(readFileSync(`dist/${path.replace(/^\.?\//, '')}`)).length / 1024 }))
  const total = sizes.reduce((sum, s) => sum + s.kb, 0)
  expect(total, sizes.map((s) => `${s.path} ${s.kb.toFixed(1)} KB`).join(', ')).toBeLessThanOrEqual(150)
})
