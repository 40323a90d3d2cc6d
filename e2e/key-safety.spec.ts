import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { startMockServer, type MockServer } from './mock-server/node.ts'
import { expect, openApp, test } from './app.ts'

// A canary key goes through runs, share, export and reload; it may appear only in requests to
// its provider's base URL (and in the key slot of the storage the user chose).
const CANARY = 'sk-canary-7f3a9c1e5b2d4f6a8c0e'
let mock: MockServer
test.beforeAll(async () => {
  mock = await startMockServer()
})
test.afterAll(async () => {
  await mock.close()
})

async function dumpIndexedDb(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const dbs = await indexedDB.databases()
    const out: unknown[] = []
    for (const info of dbs) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(info.name!)
        req.onsuccess = () => resolve(req.result)
        req.onerror = () => reject(req.error)
      })
      for (const name of db.objectStoreNames) {
        const all = await new Promise<unknown[]>((resolve) => {
          const req = db.transaction(name).objectStore(name).getAll()
          req.onsuccess = () => resolve(req.result)
        })
        for (const value of all) out.push(value instanceof Blob ? await value.text() : value)
      }
      db.close()
    }
    // Typed arrays and strings all become text here.
    return JSON.stringify(out, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Uint8Array) : v))
  })
}

for (const remember of [false, true]) {
  test(`the canary key appears only where it should (${remember ? 'remembered' : 'this tab only'})`, async ({ page }) => {
    test.setTimeout(90_000)
    const console: string[] = []
    page.on('console', (m) => console.push(m.text()))
    const leaks: string[] = []
    page.on('request', (request) => {
      const text = `${JSON.stringify(request.headers())} ${request.postData() ?? ''} ${request.url()}`
      if (text.includes(CANARY) && !request.url().startsWith(`${mock.url}/v1`)) leaks.push(request.url())
    })
    await openApp(page, { provider: 'openai', models: { openai: 'mock-city' }, baseURLs: { openai: `${mock.url}/v1` }, toolPack: 'city', local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.05 } })
    await page.getByRole('button', { name: 'Keys', exact: true }).click()
    const dialog = page.getByRole('dialog', { name: 'API keys' })
    await dialog.getByLabel('Provider').selectOption('openai')
    await dialog.getByLabel('API key').fill(CANARY)
    if (remember) await dialog.getByLabel('Remember on this device').check()
    await dialog.getByRole('button', { name: 'Save key' }).click()
    await dialog.getByRole('button', { name: 'Close' }).click()

    await page.getByRole('textbox', { name: 'Prompt', exact: true }).fill("What's the weather, time, and population in Seattle?")
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(page.getByTestId('run-status')).toHaveText('Done', { timeout: 30_000 })
    // A failing run too: its error message must not quote the key.
    await page.getByLabel('Model', { exact: true }).fill('fault-401')
    await page.getByRole('button', { name: 'Run', exact: true }).click()
    await expect(page.getByRole('alert').filter({ hasText: 'provider returned an error' })).toBeVisible({ timeout: 30_000 })

    await page.getByRole('button', { name: 'Share', exact: true }).click()
    const box = page.getByRole('textbox', { name: 'Permalink' })
    // The second run re-runs the first message: the link and the export hold both (made asynchronously:
    // the codec loads on first use).
    await expect(box).toHaveValue(/#s=1\./)
    const link = await box.inputValue()
    const download = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export JSON' }).click()
    const exported = await readFile(await (await download).path(), 'utf8')
    await page.getByRole('button', { name: 'Done', exact: true }).click()
    await page.reload()
    await page.getByRole('button', { name: 'History', exact: true }).click()
    await expect(page.getByTestId('history-item')).toHaveCount(1)
    await expect(page.getByTestId('history-item')).toContainText('conversation · 1 message · 1 re-run')

    const storage = await page.evaluate(() => ({ local: { ...localStorage }, session: { ...sessionStorage } }))
    const keySlot = 'lanes.key.openai'
    for (const [area, entries] of Object.entries(storage)) {
      for (const [key, value] of Object.entries(entries)) {
        const allowed = key === keySlot && (area === 'local') === remember
        if (!allowed) expect(value, `${area}Storage[${key}]`).not.toContain(CANARY)
      }
    }
    expect(storage[remember ? 'local' : 'session'][keySlot]).toBe(CANARY)
    expect(page.url()).not.toContain(CANARY)
    expect(decodeURIComponent(link)).not.toContain(CANARY)
    expect(exported).not.toContain(CANARY)
    expect(await dumpIndexedDb(page)).not.toContain(CANARY)
    expect(await page.evaluate(() => document.documentElement.outerHTML + document.body.innerText)).not.toContain(CANARY)
    expect(console.join('\n')).not.toContain(CANARY)
    expect(leaks).toEqual([])
    // And it did reach its provider.
    expect(JSON.stringify(mock.requests().map((r) => r.headers))).toContain(CANARY)
  })
}
