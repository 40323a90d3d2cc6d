import type { ReactNode } from 'react'
import { removeAttachment, type Attachment } from '../../state/attachments.ts'
import { formatBytes } from '../format.ts'
import { PdfPages } from './PdfPages.tsx'
import { useAttachments } from '../hooks.ts'

/** The files going with the next message: thumbnail, name, size, pages, and a remove button. */
export function AttachmentsPanel(): ReactNode {
  const items = useAttachments((s) => s.items)
  const pending = useAttachments((s) => s.pending)
  if (!items.length && !pending.length) return null
  return (
    <section role="region" aria-label="Attachments" className="rounded-lg border border-zinc-200 p-2 dark:border-zinc-800">
      <ul className="flex flex-wrap gap-2">
        {items.map((item) => <Item key={item.id} item={item} />)}
        {pending.map((name, i) => (
          <li key={`pending-${i}`} className="flex w-56 items-center gap-2 rounded-md bg-zinc-50 p-2 text-xs dark:bg-zinc-900" aria-busy="true">
            <span className="h-10 w-10 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" /> Reading {name}…
          </li>
        ))}
      </ul>
    </section>
  )
}

function Item({ item }: { item: Attachment }): ReactNode {
  const failed = item.status === 'error'
  return (
    <li className={`flex w-72 gap-2 rounded-md p-2 text-xs ${failed ? 'bg-rose-50 dark:bg-rose-950/40' : 'bg-zinc-50 dark:bg-zinc-900'}`} data-testid="attachment" data-status={item.status}>
      {item.thumbnail ? <img src={item.thumbnail} alt="" className="h-12 w-12 shrink-0 rounded border border-zinc-200 object-cover dark:border-zinc-700" /> : <span className="flex h-12 w-12 shrink-0 items-center justify-center rounded bg-zinc-200 dark:bg-zinc-800">{item.kind === 'pdf' ? 'PDF' : 'IMG'}</span>}
      <div className="min-w-0 flex-1">
        <div className="truncate font-medium" title={item.name}>{item.name}</div>
        <div className="text-zinc-500 dark:text-zinc-400">
          {formatBytes(item.size)}
          {item.pages !== undefined && ` · ${item.pages} page${item.pages === 1 ? '' : 's'}`}
          {!failed && item.sentBytes !== item.size && ` · sends ${formatBytes(item.sentBytes)}`}
          {item.width !== undefined && ` · ${item.width}×${item.height}`}
        </div>
        {failed && <p role="alert" className="mt-1 text-rose-800 dark:text-rose-200" data-testid="attachment-error">{item.error}</p>}
        {item.kind === 'pdf' && item.pages !== undefined && item.pages > 1 && <PdfPages key={item.id} item={item} />}
      </div>
      <button type="button" onClick={() => removeAttachment(item.id)} aria-label={`Remove ${item.name}`} className="self-start rounded px-1 text-zinc-500 dark:text-zinc-400 hover:bg-zinc-200 dark:hover:bg-zinc-800">✕</button>
    </li>
  )
}
