import { expect, openApp, pickScenario, test } from './app.ts'

// 200 consecutive offline runs in one page: the heap after GC grows by less than 20 MB, and no
// timers or window/document listeners are left behind.
const RUNS = 200

test('soak: 200 offline runs in one page', async ({ page }) => {
  test.setTimeout(300_000)
  await page.addInitScript(() => {
    const timers = new Set<unknown>()
    const nativeSetTimeout = window.setTimeout.bind(window)
    const nativeClearTimeout = window.clearTimeout.bind(window)
    const nativeSetInterval = window.setInterval.bind(window)
    const nativeClearInterval = window.clearInterval.bind(window)
    window.setTimeout = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id: number = nativeSetTimeout((...a: unknown[]) => {
        timers.delete(id)
        if (typeof handler === 'function') (handler as (...x: unknown[]) => void)(...a)
      }, ms, ...args)
      timers.add(id)
      return id
    }) as typeof window.setTimeout
    window.clearTimeout = ((id?: number) => {
      timers.delete(id)
      nativeClearTimeout(id)
    }) as typeof window.clearTimeout
    window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = nativeSetInterval(handler, ms, ...args)
      timers.add(id)
      return id
    }) as typeof window.setInterval
    window.clearInterval = ((id?: number) => {
      timers.delete(id)
      nativeClearInterval(id)
    }) as typeof window.clearInterval
    let listeners = 0
    const add = EventTarget.prototype.addEventListener
    const remove = EventTarget.prototype.removeEventListener
    EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
      const options = typeof args[2] === 'object' ? args[2] : undefined
      if ((this === window || this === document) && !options?.once) {
        listeners++
        // A listener added with a signal is removed by aborting it, not by removeEventListener.
        options?.signal?.addEventListener('abort', () => listeners--, { once: true })
      }
      return add.apply(this, args)
    }
    EventTarget.prototype.removeEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['removeEventListener']>) {
      if (this === window || this === document) listeners--
      return remove.apply(this, args)
    }
    Object.assign(window, { __soak: () => ({ timers: timers.size, listeners }) })
  })
  await openApp(page, { local: { ttftMs: 0, tokensPerSecond: 0, toolSpeed: 0.01 } })
  await pickScenario(page, 'fetch-concurrent')
  const cdp = await page.context().newCDPSession(page)
  const heapMb = async (): Promise<number> => {
    await cdp.send('HeapProfiler.collectGarbage')
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    return usedSize / 1024 / 1024
  }
  const counts = (): Promise<{ timers: number; listeners: number }> => page.evaluate(() => (window as unknown as { __soak: () => { timers: number; listeners: number } }).__soak())
  const run = page.getByRole('button', { name: 'Run', exact: true })
  const status = page.getByTestId('run-status')
  const runOnce = async (): Promise<void> => {
    await run.click()
    await expect(status).toHaveText('Done', { timeout: 20_000 })
    await expect(run).toBeEnabled()
  }

  for (let i = 0; i < 10; i++) await runOnce() // warm up: lazy chunks, JIT, history open
  await page.waitForTimeout(600) // let the last history write and its timer finish
  const before = { heap: await heapMb(), ...(await counts()) }
  for (let i = 10; i < RUNS; i++) await runOnce()
  await page.waitForTimeout(600)
  const after = { heap: await heapMb(), ...(await counts()) }
  console.log(`soak: heap ${before.heap.toFixed(1)} MB → ${after.heap.toFixed(1)} MB after ${RUNS} runs (+${(after.heap - before.heap).toFixed(1)} MB); timers ${before.timers} → ${after.timers}; listeners ${before.listeners} → ${after.listeners}`)
  expect(after.heap - before.heap).toBeLessThan(20)
  expect(after.timers).toBeLessThanOrEqual(before.timers)
  expect(after.listeners).toBeLessThanOrEqual(before.listeners)
  await page.getByRole('button', { name: 'History', exact: true }).click()
  // The same prompt each time: one message and its re-runs, every one saved, in one History row.
  await expect(page.getByTestId('history-item')).toHaveCount(1)
  await expect(page.getByTestId('history-item')).toContainText(`conversation · 1 message · ${RUNS - 1} re-runs`)
})
