// Lesson 5, part 3: dependent steps (screenshot → compress → email) for the sequential executor.
import { z } from 'zod'
import { defineTool, type Tool } from '../core/index.ts'
import type { ToolEnv } from './types.ts'

/** take_screenshot, compress_file (.png → .zip) and send_email: 0.5 s each. */
export function workflowTools(env: ToolEnv): Tool[] {
  return [
    defineTool({
      name: 'take_screenshot',
      description: 'Take a screenshot and save to file.',
      input: z.object({ filename: z.string().min(1).describe('File to save, e.g. report.png') }),
      async run({ filename }, ctx) {
        await env.wait(500, ctx.signal)
        return `Screenshot saved to ${filename}`
      },
    }),
    defineTool({
      name: 'compress_file',
      description: 'Compress a file to save space.',
      input: z.object({ filename: z.string().min(1).describe('File to compress') }),
      async run({ filename }, ctx) {
        await env.wait(500, ctx.signal)
        return `Compressed ${filename} to ${filename.replace('.png', '.zip')}`
      },
    }),
    defineTool({
      name: 'send_email',
      description: 'Send an email with an attachment.',
      input: z.object({
        recipient: z.string().min(1).describe('Email address'),
        attachment: z.string().min(1).describe('File to attach'),
      }),
      async run({ recipient, attachment }, ctx) {
        await env.wait(500, ctx.signal)
        return `Email sent to ${recipient} with attachment: ${attachment}`
      },
    }),
  ]
}
