import { useRef, type ReactNode } from 'react'
import { addFiles, addSample } from '../../state/attachments.ts'
import { setNotice } from '../../state/runs.ts'
import { updateSettings } from '../../state/settings.ts'
import { setPrompt } from '../../state/composer.ts'

const ACCEPT = 'image/png,image/jpeg,image/webp,image/gif,application/pdf,.heic,.heif'

/** "Attach files" (a picker) and "Try a sample receipt" (one click, no key needed). */
export function AttachButtons(): ReactNode {
  const input = useRef<HTMLInputElement>(null)
  const trySample = async (): Promise<void> => {
    updateSettings({ system: 'Extract financial data: store, date, line items, totals.', toolPack: 'none' })
    setPrompt('Extract all financial data from this receipt:')
    try {
      await addSample('samples/acme-receipt.png')
    } catch (error) {
      setNotice({ kind: 'error', title: 'The sample receipt could not be loaded', detail: error instanceof Error ? error.message : String(error) })
    }
  }
  return (
    <div className="flex flex-wrap gap-2">
      <input
        ref={input}
        type="file"
        multiple
        accept={ACCEPT}
        className="hidden"
        aria-label="Attach files"
        data-testid="file-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])]
          e.target.value = ''
          if (files.length) void addFiles(files)
        }}
      />
      <button type="button" onClick={() => input.current?.click()} className="rounded-lg border border-zinc-300 px-3 py-2 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Attach files
      </button>
      <button type="button" onClick={() => void trySample()} className="rounded-lg border border-zinc-300 px-3 py-2 text-sm hover:bg-zinc-100 dark:border-zinc-700 dark:hover:bg-zinc-800">
        Try a sample receipt
      </button>
    </div>
  )
}
