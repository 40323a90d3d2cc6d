import { useEffect, useRef, useState, type ReactNode } from 'react'
import { clearKey, maskKey, setKey } from '../../state/keys.ts'
import { PROVIDERS, baseURLOf } from '../../state/model-factory.ts'
import { settingsStore } from '../../state/settings.ts'
import { useKeys, useSettings } from '../hooks.ts'
import { inputClass } from '../settings/Field.tsx'

const KEYED = PROVIDERS.filter((p) => p.id !== 'local')

/** Keys per provider: session-only by default, remembered on request, masked, clearable. */
export function KeysDialog({ open, onClose }: { open: boolean; onClose: () => void }): ReactNode {
  const dialog = useRef<HTMLDialogElement>(null)
  const current = useSettings((s) => s.provider)
  const [provider, setProvider] = useState(current === 'local' ? 'openai' : current)
  const [draft, setDraft] = useState('')
  const [remember, setRemember] = useState(false)
  const keys = useKeys((s) => s.keys)
  const remembered = useKeys((s) => s.remembered)

  useEffect(() => {
    const el = dialog.current
    if (!el) return
    if (open && !el.open) {
      setProvider(current === 'local' ? 'openai' : current)
      setDraft('')
      el.showModal()
    } else if (!open && el.open) el.close()
  }, [open, current])

  const destination = baseURLOf(settingsStore.getState(), provider)
  const save = (): void => {
    if (!draft.trim()) return
    setKey(provider, draft, remember)
    setDraft('')
  }
  return (
    <dialog ref={dialog} onClose={onClose} aria-labelledby="keys-title" className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-950 dark:text-zinc-100">
      <form method="dialog" className="space-y-4 p-5" onSubmit={(e) => { e.preventDefault(); save() }}>
        <h2 id="keys-title" className="text-lg font-semibold">API keys</h2>
        <label className="block text-sm font-medium">
          Provider
          <select className={inputClass} value={provider} onChange={(e) => setProvider(e.target.value)}>
            {KEYED.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
          </select>
        </label>
        <label className="block text-sm font-medium">
          API key
          <input type="password" className={inputClass} value={draft} onChange={(e) => setDraft(e.target.value)} autoComplete="off" spellCheck={false} placeholder={keys[provider] ? maskKey(keys[provider]) : 'Paste your key'} />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
          Remember on this device
        </label>
        <p className="rounded bg-zinc-100 p-2 text-xs text-zinc-700 dark:bg-zinc-900 dark:text-zinc-300" data-testid="key-note">
          Your key stays in this browser and is sent only to <code className="break-all">{destination}</code>. It is kept in this tab’s sessionStorage (gone when the tab closes) unless you tick “Remember on this device”, which keeps it in localStorage. Keys never go into links, exports, history or logs.
        </p>
        <div className="flex flex-wrap gap-2">
          <button type="submit" className="rounded-lg bg-sky-700 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50" disabled={!draft.trim()}>Save key</button>
          <button type="button" className="ml-auto rounded-lg border border-zinc-300 px-3 py-1.5 text-sm dark:border-zinc-700" onClick={onClose}>Close</button>
        </div>
        <ul className="space-y-1 text-sm" aria-label="Saved keys">
          {KEYED.filter((p) => keys[p.id]).map((p) => (
            <li key={p.id} className="flex items-center gap-2">
              <span className="w-28">{p.label}</span>
              <code className="flex-1 truncate">{maskKey(keys[p.id]!)}</code>
              <span className="text-xs text-zinc-500 dark:text-zinc-400">{remembered[p.id] ? 'remembered' : 'this tab only'}</span>
              <button type="button" className="rounded border border-zinc-300 px-2 py-0.5 text-xs dark:border-zinc-700" onClick={() => clearKey(p.id)} aria-label={`Clear ${p.label} key`}>Clear</button>
            </li>
          ))}
        </ul>
      </form>
    </dialog>
  )
}
