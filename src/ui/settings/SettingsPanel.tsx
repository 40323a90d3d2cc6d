import type { ReactNode } from 'react'
import { updateSettings, settingsStore } from '../../state/settings.ts'
import { useSettings } from '../hooks.ts'
import { ExecutorPicker } from './ExecutorPicker.tsx'
import { CheckField, NumberField, inputClass } from './Field.tsx'
import { ProviderFields } from './ProviderFields.tsx'
import { ResilienceFields } from './ResilienceFields.tsx'
import { ToolPackPicker } from './ToolPackPicker.tsx'

/** Every setting of a run, grouped: model, prompt, tools, execution, offline model, files. */
export function SettingsPanel({ onOpenKeys }: { onOpenKeys: () => void }): ReactNode {
  const provider = useSettings((s) => s.provider)
  const system = useSettings((s) => s.system)
  const maxTurns = useSettings((s) => s.maxTurns)
  const routingOnly = useSettings((s) => s.routingOnly)
  const toolTimeoutMs = useSettings((s) => s.toolTimeoutMs)
  const local = useSettings((s) => s.local)
  const keepOriginal = useSettings((s) => s.keepOriginalImages)
  const setLocal = (patch: Partial<typeof local>): void => updateSettings({ local: { ...settingsStore.getState().local, ...patch } })
  return (
    <div className="space-y-5" aria-label="Settings">
      <Section title="Model"><ProviderFields onOpenKeys={onOpenKeys} /></Section>
      {provider !== 'local' && <Section title="Retries and fallback"><ResilienceFields /></Section>}
      <Section title="System prompt">
        <textarea aria-label="System prompt" value={system} rows={3} onChange={(e) => updateSettings({ system: e.target.value })} className={inputClass} />
      </Section>
      <Section title="Tools"><ToolPackPicker /></Section>
      <Section title="Execution">
        <ExecutorPicker />
        <div className="grid grid-cols-2 gap-2">
          <NumberField label="Max turns" value={maxTurns} min={1} max={50} onChange={(v) => updateSettings({ maxTurns: Math.max(1, Math.round(v)) })} />
          <NumberField label="Tool timeout (s)" value={toolTimeoutMs / 1000} min={0} step={0.5} onChange={(v) => updateSettings({ toolTimeoutMs: Math.max(0, v * 1000) })} hint="0 = none" />
        </div>
        <CheckField label="Routing only" checked={routingOnly} onChange={(v) => updateSettings({ routingOnly: v })} hint="One model call: report the chosen tool and its arguments, run nothing." />
      </Section>
      {provider === 'local' && (
        <Section title="Offline model">
          <div className="grid grid-cols-3 gap-2">
            <NumberField label="TTFT (ms)" value={local.ttftMs} min={0} step={50} onChange={(v) => setLocal({ ttftMs: Math.max(0, v) })} />
            <NumberField label="Tokens/s" value={local.tokensPerSecond} min={0} step={10} onChange={(v) => setLocal({ tokensPerSecond: Math.max(0, v) })} hint="0 = unlimited" />
            <NumberField label="Tool speed" value={local.toolSpeed} min={0.01} step={0.1} onChange={(v) => setLocal({ toolSpeed: Math.max(0.01, v) })} hint="× seed delays" />
          </div>
        </Section>
      )}
      <Section title="Files">
        <CheckField label="Keep original images" checked={keepOriginal} onChange={(v) => updateSettings({ keepOriginalImages: v })} hint="Off: images are downscaled to 1568 px on the long edge." />
      </Section>
    </div>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }): ReactNode {
  return (
    <section className="space-y-2">
      <h2 className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{title}</h2>
      {children}
    </section>
  )
}
