import type { ReactNode } from 'react'
import { providerEntry } from '../../state/model-factory.ts'
import { updateSettings, type Settings } from '../../state/settings.ts'
import { useSettings } from '../hooks.ts'
import { NumberField, inputClass } from './Field.tsx'

const EFFORTS: { value: Settings['reasoningEffort']; label: string }[] = [
  { value: '', label: "Model's default" },
  { value: 'none', label: 'None' },
  { value: 'minimal', label: 'Minimal' },
  { value: 'low', label: 'Low' },
  { value: 'medium', label: 'Medium' },
  { value: 'high', label: 'High' },
  { value: 'xhigh', label: 'Extra high' },
]

/** The thinking control of providers that have one: Anthropic's budget, OpenAI's reasoning effort; and OpenAI's API. */
export function ThinkingFields(): ReactNode {
  const provider = useSettings((s) => s.provider)
  const budget = useSettings((s) => s.thinkingBudgetTokens)
  const effort = useSettings((s) => s.reasoningEffort)
  const api = useSettings((s) => s.openaiApi)
  const thinking = providerEntry(provider).thinking
  return (
    <>
      {thinking === 'budget' && (
        <NumberField label="Thinking budget (tokens)" term="Extended thinking: the most tokens the model may think for before it answers" value={budget} min={0} step={1024} onChange={(v) => updateSettings({ thinkingBudgetTokens: Math.max(0, Math.round(v)) })} hint="0 = off; at least 1,024 to think" />
      )}
      {thinking === 'effort' && (
        <label className="block text-sm">
          <span className="font-medium" title="How hard a reasoning model thinks before it answers (reasoning_effort)">Reasoning effort</span>
          <select value={effort} onChange={(e) => updateSettings({ reasoningEffort: e.target.value as Settings['reasoningEffort'] })} className={inputClass}>
            {EFFORTS.map((option) => <option key={option.value} value={option.value}>{option.label}</option>)}
          </select>
        </label>
      )}
      {provider === 'openai' && (
        <label className="block text-sm">
          <span className="font-medium">API</span>
          <select value={api} onChange={(e) => updateSettings({ openaiApi: e.target.value === 'chat' ? 'chat' : 'responses' })} className={inputClass}>
            <option value="responses">Responses (recommended; thinking is kept between turns)</option>
            <option value="chat">Chat Completions</option>
          </select>
        </label>
      )}
    </>
  )
}
