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
  return <MarkdownBlocks blocks={cache.current.blocks} textLength={normalized.length} />
}

/** Parsed blocks of a text of `textLength` characters, drawn in memoized sections (the streaming tests feed it step by step). */
export function MarkdownBlocks({ blocks, textLength }: { blocks: MdBlock[]; textLength: number }): ReactNode {
  const sections: ReactNode[] = []
  for (let first = 0; first < blocks.length; first += SECTION_BLOCKS) {
    const start = blocks[first]!.start
    const end = blocks[first + SECTION_BLOCKS]?.start ?? textLength
    sections.push(<Section key={start} blocks={blocks.slice(first, first + SECTION_BLOCKS)} height={estimatedHeightEm(end - start, Math.min(SECTION_BLOCKS, blocks.length - first))} />)
  }
  return <div className="markdown space-y-3 leading-relaxed break-words">{sections}</div>
}

/**
 * A section's height before it is first drawn, from its length (~90 characters a line of a
 * relaxed 1.625 line height, and the gap between blocks). Off-screen sections are not laid out,
 * so the browser places them by this estimate: a fixed small one (10em, where a section of long
 * paragraphs is ~100em) made it take a dozen sections for "near the screen" and lay them all out
 * in the first frame of a long answer (7-15 ms), and made the scrollbar jump as sections drew.
 */
function estimatedHeightEm(chars: number, blocks: number): number {
  return Math.max(2, Math.round(Math.ceil(chars / 90) * 1.625 + blocks * 0.75))
}

const Section = memo(
  function Section({ blocks, height }: { blocks: MdBlock[]; height: number }): ReactNode {
    // Off-screen sections skip layout and paint: a long answer costs only what is visible.
    return (
      <div className="space-y-3 [content-visibility:auto]" style={{ containIntrinsicSize: `auto ${height}em` }}>
        {blocks.map((block) => <Block key={block.start} block={block} />)}
      </div>
    )
  },
  (before, after) => before.height === after.height && before.blocks.length === after.blocks.length && before.blocks.every((block, i) => block === after.blocks[i]),
)

/** One top-level block; a settled block keeps its object, so it never renders again. */
const Block = memo(function Block({ block }: { block: MdBlock }): ReactNode {
  // A lone element is returned bare, not in an array (no fragment fiber per block).
  const nodes = renderBlocks(block.tokens)
  return nodes.length === 1 ? nodes[0] : nodes
})
