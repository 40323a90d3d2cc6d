import type { ReactNode } from 'react'
import { PROVIDERS } from '../../state/model-factory.ts'
import { updateSettings } from '../../state/settings.ts'
import { useSettings } from '../hooks.ts'
import { NumberField, inputClass } from './Field.tsx'

/** Retries, the fallback provider and the idle timeout of a live provider. */
export function ResilienceFields(): ReactNode {
  const provider = useSettings((s) => s.provider)
  const retries = useSettings((s) => s.retries)
  const fallback = useSettings((s) => s.fallbackProvider)
  const idle = useSettings((s) => s.idleTimeoutS)
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-2 gap-2">
        <NumberField label="Retries" value={retries} min={0} max={6} onChange={(v) => updateSettings({ retries: Math.max(0, Math.min(6, Math.round(v))) })} hint="429, 5xx, network" />
        <NumberField label="Idle timeout (s)" value={idle} min={1} max={600} onChange={(v) => updateSettings({ idleTimeoutS: Math.max(1, v) })} hint="no data for this long" />
      </div>
      <label className="block text-sm font-medium">
        Fall back to
        <select className={inputClass} value={fallback} onChange={(e) => updateSettings({ fallbackProvider: e.target.value })}>
          <option value="">Nothing (show the error)</option>
          {PROVIDERS.filter((p) => p.id !== provider).map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
        <span className="text-xs font-normal text-zinc-500 dark:text-zinc-400">Used after the retries, before the first token; it uses its own model, base URL and key.</span>
      </label>
    </div>
  )
}
