import { useState, type ReactNode } from 'react'
import { PROVIDERS, baseURLOf, modelOf, providerEntry } from '../../state/model-factory.ts'
import { fetchModelList } from '../../state/model-list.ts'
import { settingsStore, updateSettings } from '../../state/settings.ts'
import { maskKey } from '../../state/keys.ts'
import { useKeys, useSettings } from '../hooks.ts'
import { CheckField, TextField, inputClass } from './Field.tsx'

/** Provider, model, base URL and key status; compatible-server options. */
export function ProviderFields({ onOpenKeys }: { onOpenKeys: () => void }): ReactNode {
  const provider = useSettings((s) => s.provider)
  const model = useSettings((s) => modelOf(s))
  const baseURL = useSettings((s) => baseURLOf(s))
  const dropStainless = useSettings((s) => s.dropStainlessHeaders)
  const streaming = useSettings((s) => s.streaming)
  const nativeTools = useSettings((s) => s.nativeTools)
  const key = useKeys((s) => s.keys[provider])
  const [models, setModels] = useState<string[]>([])
  const [listNote, setListNote] = useState('')
  const entry = providerEntry(provider)
  const isLocal = provider === 'local'
  const compatible = !isLocal && provider !== 'openai' && provider !== 'anthropic'

  const setModel = (value: string): void => updateSettings({ models: { ...settingsStore.getState().models, [provider]: value } })
  const setBaseURL = (value: string): void => updateSettings({ baseURLs: { ...settingsStore.getState().baseURLs, [provider]: value } })
  const loadModels = async (): Promise<void> => {
    setListNote('Loading models…')
    const result = await fetchModelList(settingsStore.getState())
    setModels(result.models)
    setListNote(result.note)
  }

  return (
    <div className="space-y-3">
      <label className="block text-sm font-medium">
        Provider
        <select value={provider} onChange={(e) => { updateSettings({ provider: e.target.value }); setModels([]); setListNote('') }} className={inputClass}>
          {PROVIDERS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </label>
      {isLocal ? (
        <p className="text-xs text-zinc-500 dark:text-zinc-400">The offline demo model runs in this page: no key, no network. It plays the seed scenarios with real tools and reads attachments (PDF text, OCR of images).</p>
      ) : (
        <>
          <div className="flex items-end gap-2">
            <div className="flex-1"><TextField label="Model" value={model} onChange={setModel} list="model-options" placeholder={entry.defaultModel} /></div>
            <button type="button" onClick={() => void loadModels()} className="mb-0.5 rounded border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700">List models</button>
          </div>
          <datalist id="model-options">{models.map((m) => <option key={m} value={m} />)}</datalist>
          {listNote && <p className="text-xs text-zinc-500 dark:text-zinc-400" role="status">{listNote}</p>}
          <TextField label="Base URL" value={baseURL} onChange={setBaseURL} placeholder={entry.defaultBaseURL} hint="Point it at a proxy, a local server or the mock server (npm run mock-server)." />
          <div className="flex items-center justify-between gap-2 text-sm">
            <span>Key: {key ? <code data-testid="key-mask">{maskKey(key)}</code> : <span className="text-zinc-500 dark:text-zinc-400">{entry.needsKey ? 'not set' : 'not needed'}</span>}</span>
            <button type="button" onClick={onOpenKeys} className="rounded border border-zinc-300 px-2 py-1 text-xs dark:border-zinc-700">Keys…</button>
          </div>
          {compatible && (
            <div className="space-y-2">
              <CheckField label="Drop x-stainless-* headers" checked={dropStainless} onChange={(v) => updateSettings({ dropStainlessHeaders: v })} hint="For servers whose CORS rejects the SDK's extra headers." />
              <CheckField label="Streaming" checked={streaming} onChange={(v) => updateSettings({ streaming: v })} hint="Off for servers without streaming: the answer arrives in one piece." />
              <CheckField label="Native tool calling" checked={nativeTools} onChange={(v) => updateSettings({ nativeTools: v })} hint="Off for models without tools: calls are written as text and parsed." />
            </div>
          )}
        </>
      )}
    </div>
  )
}
