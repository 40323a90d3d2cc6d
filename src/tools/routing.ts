// selectools' routing mode: classify a request into sales, support or billing. In routing-only
// runs these are chosen but never run; when they do run they open a (simulated) ticket.
import { z } from 'zod'
import { defineTool, type Tool } from '../core/index.ts'
import type { ToolEnv } from './types.ts'

const routeInput = z.object({
  request: z.string().min(1).describe("The customer's request, in their words"),
  topic: z.string().optional().describe('A short topic, e.g. "bill", "pricing", "login"'),
})

/** sales_tool, support_tool and billing_tool: 0.3 s each when they run. */
export function routingTools(env: ToolEnv): Tool[] {
  const route = (name: string, team: string, prefix: string, description: string): Tool =>
    defineTool({
      name,
      description,
      input: routeInput,
      async run({ request, topic }, ctx) {
        await env.wait(300, ctx.signal)
        const about = topic ? ` about "${topic}"` : ''
        return `Forwarded to ${team}${about}: ticket ${prefix}-1042 opened for "${request}"`
      },
    })
  return [
    route('sales_tool', 'sales', 'S', 'Route to sales: buying, pricing, plans, quotes, upgrades and demos.'),
    route('support_tool', 'support', 'T', 'Route to support: technical problems, errors, login and how-to questions.'),
    route('billing_tool', 'billing', 'B', 'Route to billing: bills, invoices, charges, refunds and payments.'),
  ]
}
