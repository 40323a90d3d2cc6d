import { memo, useEffect, useState, type ReactNode } from 'react'
import type { HighlightNode } from './highlight.ts'

// A code block: language label, copy button, horizontal scroll (never wrapped), and syntax
// colours once the block is complete and its grammar has loaded (plain text until then, and
// while the fence still streams, so a growing block is not re-highlighted every frame).

type Highlighter = typeof import('./highlight.ts')
let highlighter: Highlighter | undefined
let highlighterLoad: Promise<Highlighter> | undefined

/** Start loading the highlighter (once); resolves with the module. */
function loadHighlighter(): Promise<Highlighter> {
  highlighterLoad ??= import('./highlight.ts').then((mod) => (highlighter = mod))
  return highlighterLoad
}

/** The highlighted tree for `code`, or undefined until the highlighter and grammar are loaded. */
function useHighlight(code: string, lang: string, complete: boolean): HighlightNode[] | undefined {
  const [, setLoaded] = useState(0)
  const grammar = complete && lang ? highlighter?.grammarFor(lang) : undefined
  const nodes = grammar ? highlighter?.highlightCode(grammar, code) : undefined
  const pending = complete && lang !== '' && nodes === undefined
  useEffect(() => {
    if (!pending) return
    let live = true
    void loadHighlighter()
      .then(async (mod) => {
        const name = mod.grammarFor(lang)
        if (name) await mod.loadGrammar(name)
        if (live && name) setLoaded((n) => n + 1)
      })
      .catch(() => undefined) // no colours is a fine way for highlighting to fail
    return () => {
      live = false
    }
  }, [pending, lang])
  return nodes
}

function Spans({ nodes }: { nodes: HighlightNode[] }): ReactNode {
  return nodes.map((node, i) => (typeof node === 'string' ? node : <span key={i} className={node.className}><Spans nodes={node.children} /></span>))
}

type CopyState = 'idle' | 'copied' | 'failed'

function CopyButton({ code, label }: { code: string; label: string }): ReactNode {
  const [state, setState] = useState<CopyState>('idle')
  useEffect(() => {
    if (state === 'idle') return
    const timer = setTimeout(() => setState('idle'), 1500)
    return () => clearTimeout(timer)
  }, [state])
  const copy = (): void => {
    const clipboard = typeof navigator === 'undefined' ? undefined : navigator.clipboard
    if (!clipboard) {
      setState('failed')
      return
    }
    clipboard.writeText(code).then(() => setState('copied'), () => setState('failed'))
  }
  return (
    <button type="button" onClick={copy} aria-label={`Copy ${label} code`} className="rounded px-2 py-0.5 hover:bg-zinc-200 dark:hover:bg-zinc-800">
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}
    </button>
  )
}

/** A fenced or indented code block. */
export const CodeBlock = memo(function CodeBlock({ code, lang, complete }: { code: string; lang: string; complete: boolean }): ReactNode {
  const nodes = useHighlight(code, lang, complete)
  const label = lang || 'text'
  return (
    <div data-md-wrap="" className="overflow-hidden rounded-md border border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
      <div data-md-chrome="" className="flex items-center justify-between border-b border-zinc-200 px-3 py-1 text-xs text-zinc-500 dark:border-zinc-800 dark:text-zinc-400">
        <span>{label}</span>
        <CopyButton code={code} label={label} />
      </div>
      <pre className="overflow-x-auto p-3 text-sm leading-snug">
        <code className={lang ? `language-${lang}` : undefined}>{nodes ? <Spans nodes={nodes} /> : code}</code>
      </pre>
    </div>
  )
})
