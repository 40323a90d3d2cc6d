import type { ReactNode } from 'react'
import { PACKS } from '../../state/catalog.ts'
import { settingsStore, updateSettings } from '../../state/settings.ts'
import { useSettings } from '../hooks.ts'

/** The tool pack, each tool with a switch, its description and its JSON Schema. */
export function ToolPackPicker(): ReactNode {
  const packId = useSettings((s) => s.toolPack)
  const disabled = useSettings((s) => s.disabledTools)
  const pack = PACKS.find((p) => p.id === packId) ?? PACKS[0]
  const toggle = (name: string): void => {
    const current = settingsStore.getState().disabledTools
    updateSettings({ disabledTools: current.includes(name) ? current.filter((n) => n !== name) : [...current, name] })
  }
  return (
    <div className="space-y-2">
      <label className="block text-sm font-medium">
        Tool pack
        <select value={packId} onChange={(e) => updateSettings({ toolPack: e.target.value, disabledTools: [] })} className="mt-1 block w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-700 dark:bg-zinc-900">
          {PACKS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </label>
      {pack && <p className="text-xs text-zinc-500 dark:text-zinc-400">{pack.description}</p>}
      <ul className="space-y-1" aria-label="Tools">
        {pack?.tools.map((tool) => (
          <li key={tool.name} className="rounded border border-zinc-200 p-2 text-xs dark:border-zinc-800">
            <label className="flex items-center gap-2">
              <input type="checkbox" role="switch" checked={!disabled.includes(tool.name)} onChange={() => toggle(tool.name)} aria-label={`Enable ${tool.name}`} />
              <span className="font-mono font-medium">{tool.name}</span>
            </label>
            <p className="mt-1 text-zinc-600 dark:text-zinc-400">{tool.description}</p>
            <details className="mt-1">
              <summary className="cursor-pointer text-zinc-500 dark:text-zinc-400">Schema</summary>
              <pre className="mt-1 overflow-x-auto rounded bg-zinc-100 p-1 dark:bg-zinc-900">{JSON.stringify(tool.inputSchema, null, 2)}</pre>
            </details>
          </li>
        ))}
      </ul>
    </div>
  )
}
