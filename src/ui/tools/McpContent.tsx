import type { ReactNode } from 'react'
import type { McpContentBlock } from '../../state/tool-card.ts'
import { formatBytes } from '../format.ts'

// Raster types only: an SVG could carry links and styles, and the page draws no remote image.
const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'])
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/

function dataUrl(mimeType: string, data: string): string | undefined {
  return IMAGE_TYPES.has(mimeType) && BASE64.test(data) ? `data:${mimeType};base64,${data}` : undefined
}

function Block({ block, tool }: { block: McpContentBlock; tool: string }): ReactNode {
  switch (block.type) {
    case 'image': {
      const src = dataUrl(block.mimeType, block.data)
      return src
        ? <img src={src} alt={`Image from ${tool}`} className="max-h-64 max-w-full rounded border border-zinc-200 bg-white dark:border-zinc-700" />
        : <p>Image ({block.mimeType}, {formatBytes(Math.floor(block.data.length * 0.75))}): not a type this page draws.</p>
    }
    case 'audio':
      // The page's media policy plays only its own files: the clip is kept in the run, not played.
      return <p>Audio ({block.mimeType}, {formatBytes(Math.floor(block.data.length * 0.75))}), kept with the run.</p>
    case 'resource_link':
      return <p>Resource link: <span className="font-medium">{block.name}</span> <code className="break-all">{block.uri}</code>{block.description ? ` — ${block.description}` : ''}</p>
    case 'resource':
      return (
        <div>
          <p>Resource <code className="break-all">{block.resource.uri}</code>{block.resource.mimeType ? ` (${block.resource.mimeType})` : ''}</p>
          {block.resource.text !== undefined && <pre className="mt-1 max-h-32 overflow-auto whitespace-pre-wrap rounded bg-white p-1 dark:bg-zinc-950">{block.resource.text.slice(0, 4000)}</pre>}
        </div>
      )
    default:
      return null
  }
}

/** Non-text content of an MCP result (images, audio, resources), as the tool card shows it. */
export function McpContent({ blocks, structured, tool }: { blocks: readonly McpContentBlock[]; structured?: unknown; tool: string }): ReactNode {
  return (
    <div className="mt-2 space-y-2 text-xs text-zinc-700 dark:text-zinc-300" aria-label={`${tool} content`}>
      {blocks.map((block, i) => <Block key={i} block={block} tool={tool} />)}
      {structured !== undefined && (
        <details>
          <summary className="cursor-pointer text-zinc-500 dark:text-zinc-400">Structured content</summary>
          <pre className="mt-1 max-h-48 overflow-auto rounded bg-white p-1 dark:bg-zinc-950">{JSON.stringify(structured, null, 2)}</pre>
        </details>
      )}
    </div>
  )
}
