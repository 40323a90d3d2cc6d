// runs/history-store.ts against real IndexedDB in Chromium. Each test has a fresh browser
// context, so a fresh, empty 'lanes' database.
import { test, expect } from './fixtures.ts'

test('put, get, list, search, rename and delete', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const s = await import('/src/runs/samples.ts')
    const store = await h.openHistory()
    if (!store.available) throw store.error
    const city = s.sampleCityRecord()
    const many = { ...s.sampleManyToolsRecord(4), id: 'many', createdAt: '2026-11-21T13:00:00.000Z', config: { ...s.sampleCityRecord().config, provider: 'openai', model: 'gpt-4o-mini', executor: 'sequential' } }
    store.put(city)
    store.put(many)
    await store.flush()
    const got = await store.get(city.id)
    const all = await store.list()
    const byModel = await store.list({ search: 'GPT-4O' })
    const byPrompt = await store.list({ search: 'seattle' })
    await store.rename(city.id, 'Seattle trio')
    const renamed = await store.list({ search: 'trio' })
    await store.delete('many')
    const afterDelete = await store.list()
    const missing = await store.get('many')
    store.close()
    return { same: JSON.stringify(got) === JSON.stringify(city), all, byModel: byModel.map((r) => r.id), byPrompt: byPrompt.map((r) => r.id), renamed, afterDelete: afterDelete.map((r) => r.id), missing: missing === undefined }
  })
  expect(result.same).toBe(true)
  expect(result.all.map((r) => r.id)).toEqual(['many', 'sample-city'])
  expect(result.all[1]).toMatchObject({ title: "What's the weather, time, and population in Seattle?", status: 'done', provider: 'local', model: 'lanes-local', executor: 'concurrent', createdAt: '2026-11-21T12:00:00.000Z' })
  expect(result.all[1]!.makespanMs).toBeGreaterThan(2000)
  expect(result.byModel).toEqual(['many'])
  expect(result.byPrompt).toEqual(['sample-city'])
  expect(result.renamed.map((r) => r.title)).toEqual(['Seattle trio'])
  expect(result.afterDelete).toEqual(['sample-city'])
  expect(result.missing).toBe(true)
})

test('coalesces writes of a streaming run into one, until flush or run-end', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const r = await import('/src/runs/record.ts')
    const s = await import('/src/runs/samples.ts')
    const { watchPuts } = await import('/e2e/modules/idb-puts.ts')
    let puts = 0
    const restore = watchPuts(() => { puts++ })
    const store = await h.openHistory({ writeDelayMs: 60_000 })
    const reader = await h.openHistory()
    if (!store.available || !reader.available) throw new Error('no history')
    const sample = s.sampleCityRecord()
    const record = r.newRecord(sample.config, sample.input, { id: 'live' })
    const events = sample.events
    for (const event of events.slice(0, -1)) { r.appendEvent(record, event); store.put(record) }
    const fromOwn = (await store.get('live'))?.events.length
    const beforeFlush = await reader.get('live')
    await store.flush()
    const afterFlush = (await reader.get('live'))?.events.length
    const putsAfterFlush = puts
    r.appendEvent(record, events.at(-1)!)
    store.put(record) // run-end: written at once, no timer
    await new Promise((resolve) => setTimeout(resolve, 0))
    await store.flush()
    const done = await reader.get('live')
    restore()
    return { fromOwn, beforeFlush: beforeFlush === undefined, afterFlush, putsAfterFlush, puts, status: done?.status, total: events.length, doneEvents: done?.events.length }
  })
  expect(result.fromOwn).toBe(result.total - 1)
  expect(result.beforeFlush).toBe(true)
  expect(result.afterFlush).toBe(result.total - 1)
  // One save = the changed event chunk + the run header (history-chunks.ts).
  expect(result.putsAfterFlush).toBe(2)
  expect(result.puts).toBe(4)
  expect(result.status).toBe('done')
  expect(result.doneEvents).toBe(result.total)
})

test('a run still running at reload is marked interrupted', async ({ page }) => {
  await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const s = await import('/src/runs/samples.ts')
    const store = await h.openHistory()
    if (!store.available) throw store.error
    const running = { ...s.sampleCityRecord(), id: 'cut-off', status: 'running' as const }
    store.put(running)
    store.put(s.sampleManyToolsRecord(2))
    await store.flush()
  })
  await page.reload()
  const statuses = await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const store = await h.openHistory()
    if (!store.available) throw store.error
    return Object.fromEntries((await store.list()).map((r) => [r.id, r.status]))
  })
  expect(statuses).toEqual({ 'cut-off': 'interrupted', 'sample-tools-2': 'done' })
})

test('export, clear, import gives the same history; attachments are stored by hash', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const s = await import('/src/runs/samples.ts')
    const store = await h.openHistory()
    if (!store.available) throw store.error
    const city = s.sampleCityRecord()
    city.input.attachments.push({ name: 'r.png', mediaType: 'image/png', size: 3, hash: 'a'.repeat(64) })
    store.put(city)
    store.put(s.sampleManyToolsRecord(3))
    await store.putAttachment('a'.repeat(64), new Blob([new Uint8Array([1, 2, 3])], { type: 'image/png' }))
    const blob = await store.getAttachment('a'.repeat(64))
    const bytes = blob ? [...new Uint8Array(await blob.arrayBuffer())] : []
    const before = await store.list()
    const records = await Promise.all(before.map(async (row) => (await store.get(row.id))!))
    const file = h.exportHistory(records)
    await store.clear()
    const cleared = await store.list()
    const attachmentAfterClear = await store.getAttachment('a'.repeat(64))
    const imported = h.importHistory(file)
    for (const record of imported.records) store.put(record)
    const after = await store.list()
    await store.putAttachment('a'.repeat(64), new Blob([new Uint8Array([9])]))
    await store.delete(city.id)
    const attachmentAfterDelete = await store.getAttachment('a'.repeat(64))
    return { bytes, type: blob?.type, before, cleared: cleared.length, attachmentAfterClear: attachmentAfterClear === undefined, skipped: imported.skipped, after, attachmentAfterDelete: attachmentAfterDelete === undefined }
  })
  expect(result.bytes).toEqual([1, 2, 3])
  expect(result.type).toBe('image/png')
  expect(result.cleared).toBe(0)
  expect(result.attachmentAfterClear).toBe(true)
  expect(result.skipped).toEqual([])
  expect(result.after).toEqual(result.before)
  expect(result.attachmentAfterDelete).toBe(true)
})

test('a full quota becomes a typed error, and the store keeps working', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const s = await import('/src/runs/samples.ts')
    const reported: string[] = []
    const store = await h.openHistory({ onError: (error) => reported.push(error.reason) })
    if (!store.available) throw store.error
    const { watchPuts } = await import('/e2e/modules/idb-puts.ts')
    const restore = watchPuts(() => { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError') })
    store.put(s.sampleCityRecord())
    let flushError: { name: string; reason: string; message: string } | undefined
    try {
      await store.flush()
    } catch (error) {
      if (error instanceof h.HistoryError) flushError = { name: error.name, reason: error.reason, message: error.message }
    }
    let attachmentError = ''
    await store.putAttachment('b'.repeat(64), new Blob(['x'])).catch((error: unknown) => { attachmentError = error instanceof h.HistoryError ? error.reason : 'untyped' })
    restore()
    store.put(s.sampleCityRecord())
    await store.flush()
    return { reported, flushError, attachmentError, listed: (await store.list()).length }
  })
  expect(result.flushError).toMatchObject({ name: 'HistoryError', reason: 'quota' })
  expect(result.flushError?.message).toMatch(/storage is full/)
  expect(result.reported).toEqual(['quota'])
  expect(result.attachmentError).toBe('quota')
  expect(result.listed).toBe(1)
})

test('a long run is saved in chunks: each save writes only the chunks that changed', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const c = await import('/src/runs/history-chunks.ts')
    const r = await import('/src/runs/record.ts')
    const s = await import('/src/runs/samples.ts')
    const { watchPuts } = await import('/e2e/modules/idb-puts.ts')
    const cloned: number[] = []
    const restore = watchPuts((name, value) => {
      if (name === 'events') cloned.push((value as { packed?: { count: number } }).packed?.count ?? 0)
    })
    const store = await h.openHistory({ writeDelayMs: 60_000 })
    if (!store.available) throw new Error('no history')
    const sample = s.sampleCityRecord()
    const record = r.newRecord(sample.config, sample.input, { id: 'long' })
    const delta = sample.events.find((e) => e.type === 'text-delta')!
    const total = c.CHUNK_SIZE * 3 + 10
    for (let i = 0; i < total; i++) {
      r.appendEvent(record, { ...delta, t: i })
      store.put(record)
      if (i % 1000 === 999) await store.flush() // a save every 1,000 events
    }
    await store.flush()
    restore()
    const back = await store.get('long')
    return { cloned: cloned.reduce((a, b) => a + b, 0), saves: cloned.length, total, back: back?.events.length, lastT: back?.events.at(-1)?.t }
  })
  expect(result.back).toBe(result.total)
  expect(result.lastT).toBe(result.total - 1)
  // Linear: every event is cloned about once or twice, never once per save.
  expect(result.cloned).toBeLessThan(result.total * 2)
})

test('a fast stream is written as it goes, so the save at its end packs one chunk', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const s = await import('/src/runs/samples.ts')
    const r = await import('/src/runs/record.ts')
    const c = await import('/src/runs/history-chunks.ts')
    const writes: number[][] = []
    let current: number[] = []
    const { watchPuts } = await import('/e2e/modules/idb-puts.ts')
    const restore = watchPuts((name, value) => {
      if (name === 'events') current.push((value as { packed?: { count: number } }).packed?.count ?? 0)
      if (name === 'runs') { writes.push(current); current = [] }
    })
    // The timer never fires in this test: every write before the end is an eager one.
    const store = await h.openHistory({ writeDelayMs: 60_000 })
    if (!store.available) throw new Error('no history')
    const sample = s.sampleCityRecord()
    const record = { ...r.newRecord(sample.config, sample.input, { id: 'flood' }), status: 'running' as const }
    const delta = sample.events.find((e) => e.type === 'text-delta')!
    const total = c.CHUNK_SIZE * 10 + 7
    for (let i = 0; i < total; i++) {
      r.appendEvent(record, { ...delta, t: i })
      store.put(record)
    }
    const beforeEnd = writes.length
    store.put({ ...record, status: 'done' })
    await store.flush()
    restore()
    const back = await store.get('flood')
    return { beforeEnd, last: writes.at(-1), total, back: back?.events.length, chunk: c.CHUNK_SIZE }
  })
  expect(result.beforeEnd).toBe(2) // at 10,000 and 20,000 events, with no timer and no flush
  expect(result.last).toEqual([7]) // the end writes the tail, not 11 chunks
  expect(result.back).toBe(result.total)
})

test('batches that arrive packed are stored as they came; a failed write is redone from the start without duplicates', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const p = await import('/src/runs/packed-events.ts')
    const r = await import('/src/runs/record.ts')
    const s = await import('/src/runs/samples.ts')
    const l = await import('/src/runs/live-events.ts')
    const stored: unknown[] = []
    let failNext = false
    const { watchPuts } = await import('/e2e/modules/idb-puts.ts')
    const restore = watchPuts((name, value) => {
      if (name !== 'events') return
      if (failNext) { failNext = false; throw new DOMException('disk full', 'QuotaExceededError') }
      stored.push((value as { packed?: unknown }).packed)
    })
    const errors: string[] = []
    const store = await h.openHistory({ writeDelayMs: 60_000, onError: (error) => errors.push(error.reason) })
    if (!store.available) throw new Error('no history')
    const sample = s.sampleManyToolsRecord(20)
    const record = { ...r.newRecord(sample.config, sample.input, { id: 'packed' }), status: 'running' as 'running' | 'done' }
    const batches: ReturnType<typeof p.packEvents>[] = []
    // Batches of 9 arrive packed; every third event comes alone (as a run's closing events would).
    for (let at = 0; at < sample.events.length;) {
      if (at % 3 === 0) { r.appendEvent(record, sample.events[at]!); store.put(record); at++; continue }
      const batch = p.packEvents(sample.events, at, Math.min(sample.events.length, at + 9))
      l.appendPacked(record, batch) // kept packed in the record, as the page keeps a streaming run
      batches.push(batch)
      store.put(record, batch)
      at += batch.count
    }
    await store.flush()
    const firstSave = stored.length
    // A write that fails makes the next save write the whole run again.
    const more = p.packEvents(sample.events, 0, 4)
    l.appendPacked(record, more)
    failNext = true
    store.put(record, more)
    await store.flush().catch(() => undefined)
    record.status = 'done'
    store.put(record)
    await store.flush()
    restore()
    const back = await store.get('packed')
    const expected = [...sample.events, ...sample.events.slice(0, 4)]
    return { firstSave, errors, backEqual: JSON.stringify(back?.events) === JSON.stringify(expected), recordEqual: JSON.stringify(record.events) === JSON.stringify(expected), count: back?.events.length, total: expected.length }
  })
  expect(result.firstSave).toBe(1) // all of it under one chunk's size: one merged chunk
  expect(result.errors).toEqual(['quota'])
  expect(result.count).toBe(result.total)
  expect(result.backEqual).toBe(true)
  expect(result.recordEqual).toBe(true)
})

test('a stream saved batch by batch stores each batch object itself, not a re-packed copy', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const p = await import('/src/runs/packed-events.ts')
    const r = await import('/src/runs/record.ts')
    const s = await import('/src/runs/samples.ts')
    const c = await import('/src/runs/history-chunks.ts')
    const l = await import('/src/runs/live-events.ts')
    const stored: unknown[] = []
    const { watchPuts } = await import('/e2e/modules/idb-puts.ts')
    const restore = watchPuts((name, value) => {
      if (name === 'events') stored.push((value as { packed?: unknown }).packed)
    })
    const store = await h.openHistory({ writeDelayMs: 60_000 })
    if (!store.available) throw new Error('no history')
    const sample = s.sampleCityRecord()
    const delta = sample.events.find((e) => e.type === 'text-delta')!
    const record = { ...r.newRecord(sample.config, sample.input, { id: 'batched' }), status: 'running' as 'running' | 'done' }
    const batches: ReturnType<typeof p.packEvents>[] = []
    let textReads = 0
    for (let b = 0; b < 6; b++) {
      const events = Array.from({ length: c.CHUNK_SIZE }, (_, i) => ({ ...delta, t: b * c.CHUNK_SIZE + i }))
      const batch = p.packEvents(events)
      // Counts reads of its text: IndexedDB's clone reads it once when the batch is stored; unpacking would read it again.
      const text = batch.deltaText
      Object.defineProperty(batch, 'deltaText', { get: () => { textReads++; return text }, enumerable: true })
      l.appendPacked(record, batch)
      batches.push(batch)
      store.put(record, batch) // full batches: written eagerly every 5 of them
    }
    record.status = 'done'
    store.put(record)
    await store.flush()
    const readsWhileSaving = textReads
    restore()
    const back = await store.get('batched')
    return { identical: stored.every((value, i) => value === batches[i]), stored: stored.length, count: back?.events.length, lastT: back?.events.at(-1)?.t, readsWhileSaving, recordCount: record.events.length }
  })
  expect(result.readsWhileSaving).toBe(6) // one clone per batch: the record kept them packed all along
  expect(result.recordCount).toBe(6 * 2000)
  expect(result.stored).toBe(6)
  expect(result.identical).toBe(true)
  expect(result.count).toBe(6 * 2000)
  expect(result.lastT).toBe(6 * 2000 - 1)
})

test('spans handed over after they came (the page\'s idle-time saves) are stored up to the last one given, each as it came', async ({ page }) => {
  const result = await page.evaluate(async () => {
    const h = await import('/src/runs/history-store.ts')
    const p = await import('/src/runs/packed-events.ts')
    const r = await import('/src/runs/record.ts')
    const s = await import('/src/runs/samples.ts')
    const c = await import('/src/runs/history-chunks.ts')
    const l = await import('/src/runs/live-events.ts')
    const stored: unknown[] = []
    const headers: string[] = []
    const { watchPuts } = await import('/e2e/modules/idb-puts.ts')
    const restore = watchPuts((name, value) => {
      if (name === 'events') stored.push((value as { packed?: unknown }).packed)
      if (name === 'runs') headers.push((value as { status: string }).status)
    })
    const store = await h.openHistory({ writeDelayMs: 60_000 })
    if (!store.available) throw new Error('no history')
    const sample = s.sampleCityRecord()
    const delta = sample.events.find((e) => e.type === 'text-delta')!
    const record = { ...r.newRecord(sample.config, sample.input, { id: 'late' }), status: 'running' as 'running' | 'done' }
    // All twelve batches have reached the record; the queue hands over the first six only.
    const batches = Array.from({ length: 12 }, (_, b) => p.packEvents(Array.from({ length: c.CHUNK_SIZE }, (_, i) => ({ ...delta, t: b * c.CHUNK_SIZE + i }))))
    for (const batch of batches) l.appendPacked(record, batch)
    const spans = batches.map((packed, i) => ({ from: i * c.CHUNK_SIZE, packed }))
    store.put(record, spans.slice(0, 6)) // six chunks: past the eager line, written at once
    const afterFirst = stored.length
    record.status = 'done'
    store.put(record, spans.slice(6))
    await store.flush()
    restore()
    const back = await store.get('late')
    return { afterFirst, identical: stored.length === 12 && stored.every((value, i) => value === batches[i]), headers, count: back?.events.length, lastT: back?.events.at(-1)?.t }
  })
  expect(result.afterFirst).toBe(6) // up to the last span given, not the twelve the record holds
  expect(result.identical).toBe(true) // each batch stored as it came: nothing unpacked and packed again
  expect(result.headers).toEqual(['running', 'done'])
  expect(result.count).toBe(12 * 2000)
  expect(result.lastT).toBe(12 * 2000 - 1)
})
