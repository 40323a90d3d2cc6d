import { keyFor, redactKeys } from './keys.ts'
import { baseURLOf } from './model-factory.ts'
import type { Settings } from './settings.ts'

/** Models offered by the endpoint (GET /models), or a note saying to type one. */
export async function fetchModelList(settings: Settings): Promise<{ models: string[]; note: string }> {
  if (settings.provider === 'local') return { models: ['lanes-local'], note: '' }
  try {
    const { listModels } = await import('../providers/compatible.ts')
    const models = await listModels({ preset: settings.provider, baseURL: baseURLOf(settings), apiKey: keyFor(settings.provider) ?? '' })
    return models.length
      ? { models, note: `${models.length} models from ${baseURLOf(settings)}` }
      : { models, note: 'This endpoint lists no models; type the model name.' }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { models: [], note: `Could not list models (${redactKeys(message)}). Type the model name instead.` }
  }
}
