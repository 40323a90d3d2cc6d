import { useState, type ReactNode } from 'react'
import { setPageRange, type Attachment } from '../../state/attachments.ts'

const MAX_PAGES = 100

/** A PDF's page thumbnails and its page range: read only some pages, or a long PDF in parts. */
export function PdfPages({ item }: { item: Attachment }): ReactNode {
  const pages = item.pages ?? 0
  const [first, setFirst] = useState(item.pageRange?.first ?? 1)
  const [last, setLast] = useState(item.pageRange?.last ?? Math.min(pages, MAX_PAGES))
  const [busy, setBusy] = useState(false)
  if (pages < 1) return null
  const valid = first >= 1 && last >= first && last <= pages && last - first + 1 <= MAX_PAGES
  const apply = async (): Promise<void> => {
    setBusy(true)
    try {
      await setPageRange(item.id, first, last)
    } finally {
      setBusy(false)
    }
  }
  const thumbs = item.pageThumbnails ?? []
  return (
    <div className="mt-1 space-y-1">
      {thumbs.length > 1 && (
        <ul className="flex gap-1 overflow-x-auto" aria-label={`Pages of ${item.name}`}>
          {thumbs.slice(0, 12).map((src, i) => (
            <li key={i}><img src={src} alt={`Page ${(item.pageRange?.first ?? 1) + i}`} className="h-10 w-auto rounded border border-zinc-200 dark:border-zinc-700" /></li>
          ))}
          {thumbs.length > 12 && <li className="self-center text-zinc-500 dark:text-zinc-400">+{thumbs.length - 12}</li>}
        </ul>
      )}
      <form className="flex flex-wrap items-center gap-1" onSubmit={(e) => { e.preventDefault(); if (valid) void apply() }}>
        <label className="flex items-center gap-1">Pages <input type="number" min={1} max={pages} value={first} onChange={(e) => setFirst(Number(e.target.value))} aria-label={`First page of ${item.name}`} className="w-14 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900" /></label>
        <label className="flex items-center gap-1">to <input type="number" min={1} max={pages} value={last} onChange={(e) => setLast(Number(e.target.value))} aria-label={`Last page of ${item.name}`} className="w-14 rounded border border-zinc-300 px-1 dark:border-zinc-700 dark:bg-zinc-900" /></label>
        <button type="submit" disabled={!valid || busy} className="rounded border border-zinc-300 px-2 disabled:opacity-50 dark:border-zinc-700">{busy ? 'Reading…' : 'Read these pages'}</button>
        {!valid && <span className="text-rose-700 dark:text-rose-300">1–{pages}, at most {MAX_PAGES} pages</span>}
      </form>
    </div>
  )
}
