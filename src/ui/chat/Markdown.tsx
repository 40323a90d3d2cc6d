import { memo, useRef, type ReactNode } from 'react'
import { emptyBlockCache, normalizeNewlines, splitBlocks, type BlockCache, type MdBlock } from './markdown-blocks.ts'
import { renderBlocks } from './markdown/render.tsx'

// Blocks are drawn in sections of this many: a settled section is one memoized element and one
// content-visibility container, so a frame of a 1,000-paragraph answer reconciles ~80 elements,
// not 1,000, and the browser tracks ~80 visibility states, not 1,000. A section on screen is laid
// out whole, so it is kept near a screenful: 24 made the first frame of a flood lay out 13 KB of
// text to show 4 (12 used 8% less CPU across the page streaming 100k tokens; 8 was no better).
const SECTION_BLOCKS = 12

/**
 * Markdown (CommonMark and GFM, with TeX math) rendered as React elements, never as HTML: text
 * from a model or a tool can't inject markup. The text is parsed incrementally and blocks are
 * memoized, so a streaming answer re-parses and re-renders only its last block per frame.
 */
export function Markdown({ text }: { text: string }): ReactNode {
  const cache = useRef<BlockCache>(emptyBlockCache)
  const normalized = normalizeNewlines(text)
  if (cache.current.text !== normalized) cache.current = splitBlocks(normalized, cache.current)
  return <MarkdownBlocks blocks={cache.current.blocks} />
}

/** Parsed blocks drawn in memoized sections (the streaming tests feed it step by step). */
export function MarkdownBlocks({ blocks }: { blocks: MdBlock[] }): ReactNode {
  const sections: ReactNode[] = []
  for (let first = 0; first < blocks.length; first += SECTION_BLOCKS) {
    sections.push(<Section key={blocks[first]!.start} blocks={blocks.slice(first, first + SECTION_BLOCKS)} />)
  }
  return <div className="markdown space-y-3 leading-relaxed break-words">{sections}</div>
}

const Section = memo(
  function Section({ blocks }: { blocks: MdBlock[] }): ReactNode {
    // Off-screen sections skip layout and paint: a long answer costs only what is visible.
    return (
      <div className="space-y-3 [content-visibility:auto] [contain-intrinsic-size:auto_10em]">
        {blocks.map((block) => <Block key={block.start} block={block} />)}
      </div>
    )
  },
  (before, after) => before.blocks.length === after.blocks.length && before.blocks.every((block, i) => block === after.blocks[i]),
)

/** One top-level block; a settled block keeps its object, so it never renders again. */
const Block = memo(function Block({ block }: { block: MdBlock }): ReactNode {
  // A lone element is returned bare, not in an array (no fragment fiber per block).
  const nodes = renderBlocks(block.tokens)
  return nodes.length === 1 ? nodes[0] : nodes
})
