import type { LanguageFn } from 'highlight.js'
import { createLowlight } from 'lowlight'
import './highlight.css'

// Syntax highlighting, loaded the first time an answer has a finished code block with a language
// we know. lowlight runs highlight.js's grammars and returns a token tree (hast), which becomes
// React spans: no HTML string is ever parsed. Each grammar is its own small chunk, from this site.

type Loader = () => Promise<{ default: LanguageFn }>

const GRAMMARS: Record<string, Loader> = {
  bash: () => import('highlight.js/lib/languages/bash'),
  c: () => import('highlight.js/lib/languages/c'),
  cpp: () => import('highlight.js/lib/languages/cpp'),
  csharp: () => import('highlight.js/lib/languages/csharp'),
  css: () => import('highlight.js/lib/languages/css'),
  diff: () => import('highlight.js/lib/languages/diff'),
  go: () => import('highlight.js/lib/languages/go'),
  java: () => import('highlight.js/lib/languages/java'),
  javascript: () => import('highlight.js/lib/languages/javascript'),
  json: () => import('highlight.js/lib/languages/json'),
  kotlin: () => import('highlight.js/lib/languages/kotlin'),
  markdown: () => import('highlight.js/lib/languages/markdown'),
  php: () => import('highlight.js/lib/languages/php'),
  python: () => import('highlight.js/lib/languages/python'),
  ruby: () => import('highlight.js/lib/languages/ruby'),
  rust: () => import('highlight.js/lib/languages/rust'),
  sql: () => import('highlight.js/lib/languages/sql'),
  swift: () => import('highlight.js/lib/languages/swift'),
  typescript: () => import('highlight.js/lib/languages/typescript'),
  xml: () => import('highlight.js/lib/languages/xml'),
  yaml: () => import('highlight.js/lib/languages/yaml'),
}

const ALIASES: Record<string, string> = {
  js: 'javascript', jsx: 'javascript', mjs: 'javascript', cjs: 'javascript', node: 'javascript',
  ts: 'typescript', tsx: 'typescript', py: 'python', python3: 'python',
  sh: 'bash', shell: 'bash', zsh: 'bash', console: 'bash',
  html: 'xml', svg: 'xml', xhtml: 'xml', yml: 'yaml', md: 'markdown',
  'c++': 'cpp', cc: 'cpp', h: 'c', hpp: 'cpp', cs: 'csharp', 'c#': 'csharp',
  rs: 'rust', golang: 'go', rb: 'ruby', kt: 'kotlin', patch: 'diff', jsonc: 'json', postgres: 'sql',
}

/** The grammar name for a fence's language label, or undefined when we have none for it. */
export function grammarFor(lang: string): string | undefined {
  const name = lang.toLowerCase()
  const resolved = ALIASES[name] ?? name
  return Object.hasOwn(GRAMMARS, resolved) ? resolved : undefined
}

const lowlight = createLowlight()
const loading = new Map<string, Promise<void>>()

/** Load (once) the grammar for `name`, a name from grammarFor. */
export function loadGrammar(name: string): Promise<void> {
  let promise = loading.get(name)
  if (!promise) {
    const load = GRAMMARS[name]
    promise = load ? load().then((mod) => lowlight.register(name, mod.default)) : Promise.resolve()
    loading.set(name, promise)
  }
  return promise
}

/** A highlighted span tree: text, or a span with highlight.js's classes around its children. */
export type HighlightNode = string | { className: string; children: HighlightNode[] }

interface HastText { type: 'text'; value: string }
interface HastElement { type: 'element'; properties?: { className?: unknown }; children: HastChild[] }
type HastChild = HastText | HastElement | { type: 'comment' }

function convert(nodes: readonly HastChild[]): HighlightNode[] {
  const out: HighlightNode[] = []
  for (const node of nodes) {
    if (node.type === 'text') out.push(node.value)
    else if (node.type === 'element') {
      const names = node.properties?.className
      const className = Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string' && /^hljs-[\w-]+$/.test(n)).join(' ') : ''
      out.push({ className, children: convert(node.children) })
    }
  }
  return out
}

/** Highlight `code` with a loaded grammar; undefined when the grammar is not registered. */
export function highlightCode(name: string, code: string): HighlightNode[] | undefined {
  if (!lowlight.registered(name)) return undefined
  return convert(lowlight.highlight(name, code).children as HastChild[])
}
