// Module hooks that let the conformance CLI run on Node 20. Its bundle imports `globSync` from
// fs, which Node 22 added; the client scenarios never call it (only `tier-check` does), so the
// named import is swapped for a stub that says so if it is ever reached.

interface LoadResult { format?: string; source?: string | ArrayBuffer | Uint8Array; shortCircuit?: boolean }
type NextLoad = (url: string, context: object) => Promise<LoadResult>

const CONFORMANCE = '/@modelcontextprotocol/conformance/dist/'

/** Node's `load` hook: rewrites the one import of the conformance bundle that Node 20 lacks. */
export async function load(url: string, context: object, nextLoad: NextLoad): Promise<LoadResult> {
  const result = await nextLoad(url, context)
  if (!url.includes(CONFORMANCE) || result.source === undefined) return result
  const text = typeof result.source === 'string' ? result.source : new TextDecoder().decode(result.source)
  const patched = text.replace(
    /import\{([^}]*?)globSync as (\w+),([^}]*)\}from"fs";/,
    (_match, before: string, local: string, after: string) =>
      `import{${before}${after}}from"fs";const ${local}=()=>{throw new Error("globSync needs Node 22 (tier-check only)")};`,
  )
  return { ...result, source: patched }
}
