import { lazy, Suspense, type ReactNode } from 'react'
import { updateSettings, settingsStore } from '../../state/settings.ts'
import { useSettings } from '../hooks.ts'
import { ExecutorPicker } from './ExecutorPicker.tsx'
import { CheckField, NumberField, inputClass } from './Field.tsx'
import { ProviderFields } from './ProviderFields.tsx'
import { ResilienceFields } from './ResilienceFields.tsx'
import { ThinkingFields } from './ThinkingFields.tsx'
import { ToolPackPicker } from './ToolPackPicker.tsx'

// MCP servers and tools made in the page: their own chunk, so the first script stays in budget.
const ToolSources = lazy(() => import('../tools/ToolSources.tsx').then((m) => ({ default: m.ToolSources })))

/**
 * Settings grouped by what a user decides: the model, the tools, how tool calls run. Knobs most
 * runs never need (retries, time limits, routing, image sizes) are folded under Advanced.
 */
export function SettingsPanel({ onOpenKeys, onClose }: { onOpenKeys: () => void; onClose: () => void }): ReactNode {
  const provider = useSettings((s) => s.provider)
  const system = useSettings((s) => s.system)
  const maxTurns = useSettings((s) => s.maxTurns)
  const routingOnly = useSettings((s) => s.routingOnly)
  const toolTimeoutMs = useSettings((s) => s.toolTimeoutMs)
  const local = useSettings((s) => s.local)
  const keepOriginal = useSettings((s) => s.keepOriginalImages)
  const setLocal = (patch: Partial<typeof local>): void => updateSettings({ local: { ...settingsStore.getState().local, ...patch } })
  return (
    <div id="settings" className="space-y-5" aria-label="Settings">
      <div className="flex items-center justify-between lg:hidden">
        <h2 className="text-base font-semibold">Settings</h2>
        <button type="button" onClick={onClose} className="rounded-lg border border-zinc-300 px-2.5 py-1 text-sm dark:border-zinc-700">Done</button>
      </div>
      <Section title="Model">
        <ProviderFields onOpenKeys={onOpenKeys} />
        <ThinkingFields />
        {provider === 'local' && (
          <div className="grid grid-cols-3 gap-2">
            <NumberField label="First token (ms)" term="Time to first token (TTFT): how long the model thinks before it writes" value={local.ttftMs} min={0} step={50} onChange={(v) => setLocal({ ttftMs: Math.max(0, v) })} />
            <NumberField label="Tokens/s" term="How fast the model writes, in tokens per second" value={local.tokensPerSecond} min={0} step={10} onChange={(v) => setLocal({ tokensPerSecond: Math.max(0, v) })} hint="0 = instant" />
            <NumberField label="Tool time ×" term="Scales the tools' delays: 1 is the lesson's timing, 0.5 runs every tool twice as fast" value={local.toolSpeed} min={0.01} step={0.1} onChange={(v) => setLocal({ toolSpeed: Math.max(0.01, v) })} hint="1 = lesson" />
          </div>
        )}
      </Section>
      <Section title="Tools">
        <ToolPackPicker />
        <Suspense fallback={null}><ToolSources /></Suspense>
        <label className="block text-sm">
          <span className="font-medium">System prompt</span>
          <textarea aria-label="System prompt" value={system} rows={3} onChange={(e) => updateSettings({ system: e.target.value })} className={inputClass} />
        </label>
      </Section>
      <Section title="Execution">
        <ExecutorPicker />
        <NumberField label="Max turns" term="The most model calls in one run; the run stops there and says so" value={maxTurns} min={1} max={50} onChange={(v) => updateSettings({ maxTurns: Math.max(1, Math.round(v)) })} />
      </Section>
      <details className="group rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
        <summary className="cursor-pointer text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Advanced</summary>
        <div className="mt-3 space-y-4">
          {provider !== 'local' && <Section title="Retries and fallback"><ResilienceFields /></Section>}
          <NumberField label="Tool time limit (s)" term="A tool still running after this is cancelled and reported as a timeout" value={toolTimeoutMs / 1000} min={0} step={0.5} onChange={(v) => updateSettings({ toolTimeoutMs: Math.max(0, v * 1000) })} hint="0 = none" />
          <CheckField label="Routing only" checked={routingOnly} onChange={(v) => updateSettings({ routingOnly: v })} hint="One model call: report the chosen tool and its arguments, run nothing." />
          <CheckField label="Keep original images" checked={keepOriginal} onChange={(v) => updateSettings({ keepOriginalImages: v })} hint="Off: images are downscaled to 1568 px on the long edge." />
        </div>
      </details>
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
