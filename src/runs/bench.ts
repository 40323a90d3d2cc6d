// Benchmark helpers (bench/ and tests call these): sizes of representative permalinks.
import { encodePermalink } from './permalink.ts'
import { sampleCityRecord, sampleManyToolsRecord } from './samples.ts'

/** Characters in the permalink fragment of the seed city run and of a 30-tool run. */
export async function benchPermalinkSizes(): Promise<{ city: number; thirtyTools: number }> {
  const city = await encodePermalink(sampleCityRecord())
  const thirtyTools = await encodePermalink(sampleManyToolsRecord(30))
  return { city: city.length, thirtyTools: thirtyTools.length }
}
