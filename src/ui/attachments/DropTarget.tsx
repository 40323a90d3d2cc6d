import { useEffect, useState, type ReactNode } from 'react'
import { addFiles } from '../../state/attachments.ts'

/** Drop files anywhere on the page (a target appears while dragging); paste images too. */
export function DropTarget(): ReactNode {
  const [dragging, setDragging] = useState(false)
  useEffect(() => {
    let depth = 0
    const hasFiles = (e: DragEvent): boolean => [...(e.dataTransfer?.types ?? [])].includes('Files')
    const enter = (e: DragEvent): void => {
      if (!hasFiles(e)) return
      depth++
      setDragging(true)
    }
    const leave = (): void => {
      depth = Math.max(0, depth - 1)
      if (depth === 0) setDragging(false)
    }
    const over = (e: DragEvent): void => {
      if (hasFiles(e)) e.preventDefault()
    }
    const drop = (e: DragEvent): void => {
      const files = [...(e.dataTransfer?.files ?? [])]
      depth = 0
      setDragging(false)
      if (!files.length) return
      e.preventDefault()
      // A trace file (recognised by content) is imported; other files are attached.
      // The trace code loads with the first drop, not with the page.
      void import('../../state/traces.ts').then(({ addDroppedFiles }) => addDroppedFiles(files))
    }
    const paste = (e: ClipboardEvent): void => {
      const files = [...(e.clipboardData?.files ?? [])]
      if (!files.length) return
      e.preventDefault()
      void addFiles(files.map((f, i) => (f.name && f.name !== 'image.png' ? f : new File([f], `pasted-${Date.now()}-${i}.${f.type.split('/')[1] ?? 'png'}`, { type: f.type }))))
    }
    // One signal removes every listener on unmount.
    const listening = new AbortController()
    const { signal } = listening
    window.addEventListener('dragenter', enter, { signal })
    window.addEventListener('dragleave', leave, { signal })
    window.addEventListener('dragover', over, { signal })
    window.addEventListener('drop', drop, { signal })
    window.addEventListener('paste', paste, { signal })
    return () => listening.abort()
  }, [])
  if (!dragging) return null
  return (
    <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-sky-500/10 backdrop-blur-[1px]" data-testid="drop-target">
      <div className="rounded-2xl border-2 border-dashed border-sky-500 bg-white/90 px-10 py-8 text-lg font-semibold text-sky-800 dark:bg-zinc-900/90 dark:text-sky-200">
        Drop images or PDFs to attach them, or a trace to open it
      </div>
    </div>
  )
}
