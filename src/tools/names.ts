// Tool names the providers accept. OpenAI and Anthropic both require ^[a-zA-Z0-9_-]{1,64}$, and
// a model cannot tell two tools of one name apart, so names from MCP servers and the tool editor
// are made valid and unique here; the original stays on the tool for display.
import type { Tool } from '../core/index.ts'

export const TOOL_NAME_PATTERN = /^[a-zA-Z0-9_-]{1,64}$/
const MAX = 64

/** A tool that was renamed to fit: `originalName` is what its author called it. */
export type RenamedTool = Tool & { readonly originalName: string }

/** The original name of a tool, or its name when it was never renamed. */
export function originalNameOf(tool: Tool): string {
  const original = (tool as Partial<RenamedTool>).originalName
  return typeof original === 'string' ? original : tool.name
}

/** One name made valid: other characters become `_`, cut to 64; an empty name becomes `tool`. */
export function validToolName(name: string): string {
  // NFKD first so accented letters keep their base letter (é -> e + a mark that becomes nothing).
  const replaced = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-zA-Z0-9_-]/g, '_').slice(0, MAX)
  return replaced === '' ? 'tool' : replaced
}

/**
 * Valid names for `names`, in order, unique among themselves and against `taken` (compared
 * without case: some providers and most models treat `Search` and `search` as one). A name that
 * is already valid and free is kept as it is; a clash gets `_2`, `_3`…, cut so it still fits.
 */
export function uniqueToolNames(names: readonly string[], taken: Iterable<string> = []): string[] {
  const used = new Set<string>()
  for (const name of taken) used.add(name.toLowerCase())
  return names.map((name) => {
    const base = validToolName(name)
    let candidate = base
    for (let n = 2; used.has(candidate.toLowerCase()); n++) {
      const suffix = `_${n}`
      candidate = base.slice(0, MAX - suffix.length) + suffix
    }
    used.add(candidate.toLowerCase())
    return candidate
  })
}

/** The tool under another name, with the spec the model sees renamed too. */
export function renameTool(tool: Tool, name: string): Tool {
  if (name === tool.name) return tool
  const renamed: RenamedTool = {
    name,
    description: tool.description,
    input: tool.input,
    spec: { ...tool.spec, name },
    run: (args, ctx) => tool.run(args, ctx),
    originalName: originalNameOf(tool),
    ...(tool.timeoutMs !== undefined ? { timeoutMs: tool.timeoutMs } : {}),
  }
  return renamed
}

/**
 * Several tool sets as one list the model can use: every name valid and unique, the first set
 * keeping its names where it can (pass the demo pack first).
 */
export function mergeToolSets(...sets: readonly (readonly Tool[])[]): Tool[] {
  const tools = sets.flat()
  const names = uniqueToolNames(tools.map((tool) => tool.name))
  return tools.map((tool, index) => renameTool(tool, names[index] ?? tool.name))
}
