// The lesson's challenge: download files concurrently, process each with progress, write a report.
import { z } from 'zod'
import { defineTool, type Tool, type ToolProgress } from '../core/index.ts'
import { elapsedSeconds } from './sleep.ts'
import type { ToolEnv } from './types.ts'

/** process_file(name): five steps of 0.2 s, each with a fraction. */
export function processFileTool(env: ToolEnv): Tool {
  const steps = ['Parsing', 'Cleaning', 'Extracting fields', 'Validating', 'Indexing']
  return defineTool({
    name: 'process_file',
    description: 'Process a downloaded file (parse, clean, extract, validate, index) with progress updates.',
    input: z.object({ name: z.string().min(1).describe('The downloaded file name') }),
    async *run({ name }, ctx): AsyncGenerator<ToolProgress, string, void> {
      const start = env.now()
      for (const [i, step] of steps.entries()) {
        await env.wait(200, ctx.signal)
        yield { message: `${step} ${name}`, fraction: (i + 1) / steps.length }
      }
      const records = 100 + (hash(name) % 900)
      return `✓ Processed ${name}: ${records} records in ${elapsedSeconds(env, start)}s`
    },
  })
}

/** write_report(summary): 0.5 s, writes summary_report.md. */
export function writeReportTool(env: ToolEnv): Tool {
  return defineTool({
    name: 'write_report',
    description: 'Write a summary report from the processing results.',
    input: z.object({ summary: z.string().min(1).describe('The summary to write (Markdown)') }),
    async run({ summary }, ctx) {
      await env.wait(500, ctx.signal)
      const lines = summary.split('\n').filter((line) => line.trim() !== '').length
      return `✓ Report written to summary_report.md (${lines} lines, ${summary.length} characters)`
    },
  })
}

/** A small stable hash so each file gets its own, repeatable record count. */
function hash(text: string): number {
  let h = 0
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) >>> 0
  return h
}
