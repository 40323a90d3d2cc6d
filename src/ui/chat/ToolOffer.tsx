import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import { startRun } from '../../state/run-controller.ts'
import { acceptToolOffer, toolOfferStore } from '../../state/tool-offer.ts'
import { useRuns, useSettings } from '../hooks.ts'

/** After an answer that needed switched-off tools: which pack has them, and a one-click re-run. */
export function ToolOffer(): ReactNode {
  const offer = useStore(toolOfferStore, (s) => s.offer)
  const packId = useSettings((s) => s.toolPack)
  const busy = useRuns((s) => s.busy)
  if (!offer) return null
  const one = offer.tools.length === 1
  const names = offer.tools.join(', ')
  const where = offer.packId === packId ? `${one ? 'is' : 'are'} switched off in this pack.` : `${one ? 'is' : 'are'} in the “${offer.packLabel}” tool pack.`
  return (
    <div role="status" data-testid="tool-offer" className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100">
      <p className="flex-1"><span className="font-mono">{names}</span> {where}</p>
      <button type="button" disabled={busy} onClick={() => void startRun(acceptToolOffer(offer))} className="rounded-lg bg-amber-600 px-3 py-1.5 text-sm font-semibold text-white hover:bg-amber-700 disabled:opacity-50">
        Turn on and re-run
      </button>
    </div>
  )
}
