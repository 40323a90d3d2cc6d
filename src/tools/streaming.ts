// Lesson 5, part 1: async tools that stream progress with yield.
import { z } from 'zod'
import { defineTool, type Tool, type ToolProgress } from '../core/index.ts'
import { elapsedSeconds } from './sleep.ts'
import type { ToolEnv } from './types.ts'

/** process_dataset(records): 0.1 s per record, a progress line every 10 records. */
export function processDatasetTool(env: ToolEnv): Tool {
  return defineTool({
    name: 'process_dataset',
    description: 'Process records with progress updates.',
    input: z.object({ records: z.number().int().min(1).max(1_000_000).describe('How many records to process') }),
    async *run({ records }, ctx): AsyncGenerator<ToolProgress, string, void> {
      const start = env.now()
      for (let i = 1; i <= records; i++) {
        await env.wait(100, ctx.signal)
        if (i % 10 === 0) yield `Processed ${i}/${records} records in ${elapsedSeconds(env, start)}s`
      }
      const done = `✓ Completed ${records} records in ${elapsedSeconds(env, start)}s`
      yield done
      return done
    },
  })
}

/** download_file(url, size_mb = 10): ten chunks, 0.2 s apart, each with a fraction. */
export function downloadFileTool(env: ToolEnv): Tool {
  return defineTool({
    name: 'download_file',
    description: 'Simulate downloading a file with progress updates.',
    input: z.object({
      url: z.string().min(1).describe('The URL or file name to download'),
      size_mb: z.number().positive().max(100_000).optional().describe('File size in MB (default 10)'),
    }),
    async *run({ url, size_mb }, ctx): AsyncGenerator<ToolProgress, string, void> {
      const size = size_mb ?? 10
      const chunks = 10
      yield `Starting download: ${url} (${size}MB)`
      for (let i = 1; i <= chunks; i++) {
        await env.wait(200, ctx.signal)
        const fraction = i / chunks
        yield { message: `Downloaded ${((size / chunks) * i).toFixed(1)}MB / ${size}MB (${Math.round(fraction * 100)}%)`, fraction }
      }
      return `✓ Download complete: ${url}`
    },
  })
}
