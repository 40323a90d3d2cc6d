// The layer rule of design.md, checked on resolved paths: every relative import (static, re-export
// or dynamic) is resolved against the importing file, so no spelling of a path ('../core/agent.ts',
// '../../ui/../core/agent.ts', a re-export through a sibling) gets around it. Package imports are
// checked too: the SDKs belong to the layers that wrap them.
import path from 'node:path'

const SRC = path.resolve(import.meta.dirname, '..', 'src')

/**
 * What each layer may import from src/, by top folder. `type` means type-only imports; a list of
 * files means only those files of the folder.
 */
const RUNS_IMPURE = ['idb.ts', 'history-store.ts', 'history-chunks.ts', 'history-io.ts', 'bench.ts']
const LAYERS = {
  core: { allow: ['core'] },
  providers: { allow: ['core', 'providers'] },
  media: { allow: ['core', 'media'] },
  tools: { allow: ['core', 'tools'] },
  runs: { allow: ['core', 'runs'] },
  // '(root)' is src/zod-jitless.ts, the zod setting the agent worker must load first.
  state: { allow: ['core', 'providers', 'media', 'tools', 'runs', 'state', '(root)'] },
  // ui talks to state; it may read core's types and the pure projections of runs, nothing else.
  ui: { allow: ['ui', 'state', 'runs'], typeOnly: ['core'], runsPure: true },
}

/**
 * Deprecated re-exports kept for one version (README changelog), the only imports against the
 * grain. Each names its file, its target, and the version that removes it.
 */
const EXCEPTIONS = [
  { from: 'core/index.ts', to: 'providers/text-tool-calls.ts', until: '0.3.0' },
]

/** Packages only some layers may import: the SDKs live behind the layers that wrap them. */
const PACKAGES = {
  core: { only: ['zod'] },
  runs: { deny: ['openai', '@anthropic-ai/sdk', '@modelcontextprotocol/sdk', 'react', 'react-dom'] },
  ui: { deny: ['openai', '@anthropic-ai/sdk', '@modelcontextprotocol/sdk', 'pdfjs-dist', 'tesseract.js'] },
  state: { deny: ['openai', '@anthropic-ai/sdk', '@modelcontextprotocol/sdk'] },
}

function layerOf(file) {
  const rel = path.relative(SRC, file)
  if (rel.startsWith('..') || path.isAbsolute(rel)) return undefined
  const [top, ...rest] = rel.split(path.sep)
  return { top: rest.length ? top : '(root)', rest: rest.join('/'), rel: rel.split(path.sep).join('/') }
}

function packageName(specifier) {
  const parts = specifier.split('/')
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]
}

function isTypeOnly(node) {
  if (node.importKind === 'type' || node.exportKind === 'type') return true
  const specifiers = node.specifiers ?? []
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type')
}

/** Why `from` may not import `to`, or undefined when it may. */
function verdict(from, to, typeOnly) {
  const rules = LAYERS[from.top]
  if (!rules || from.top === to.top) return undefined
  if (EXCEPTIONS.some((e) => e.from === from.rel && e.to === to.rel)) return undefined
  if (rules.allow.includes(to.top)) return undefined
  if (rules.typeOnly?.includes(to.top)) {
    if (!typeOnly) return `src/${from.top} may import only types from src/${to.top}`
    return undefined
  }
  return `src/${from.top} may not import src/${to.top}`
}

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports point down the layers of design.md, checked on resolved paths.' },
    schema: [],
  },
  create(context) {
    const from = layerOf(context.filename)
    if (!from || from.top === '(root)') return {}
    const tests = /(^|\/)__tests__\//.test(from.rel)
    function check(node, source, typeOnly) {
      if (typeof source !== 'string') return
      if (!source.startsWith('.')) {
        const pkg = PACKAGES[from.top]
        if (!pkg || tests) return
        const name = packageName(source)
        if (name.startsWith('node:')) return
        if ((pkg.only && !pkg.only.includes(name)) || pkg.deny?.includes(name)) {
          context.report({ node, message: `Layer rule (design.md): src/${from.top} may not import the package "${name}".` })
        }
        return
      }
      const to = layerOf(path.resolve(path.dirname(context.filename), source))
      if (!to) return
      // ui's pure-projection rule: runs files that touch IndexedDB are state's business.
      if (LAYERS[from.top]?.runsPure && to.top === 'runs' && RUNS_IMPURE.includes(to.rest)) {
        context.report({ node, message: `Layer rule (design.md): src/ui may not import src/runs/${to.rest} (not a pure projection; go through src/state).` })
        return
      }
      // Tests may reach into any lower layer to set up what they test, never up.
      const why = tests ? testVerdict(from, to) : verdict(from, to, typeOnly)
      if (why) context.report({ node, message: `Layer rule (design.md): ${why} (${source} is src/${to.rel}).` })
    }
    return {
      ImportDeclaration: (node) => check(node, node.source.value, isTypeOnly(node)),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, isTypeOnly(node)),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    }
  },
}

const ORDER = ['core', 'providers', 'media', 'tools', 'runs', 'state', 'ui']

function testVerdict(from, to) {
  const rank = (top) => (top === 'core' ? 0 : top === 'state' ? 2 : top === 'ui' ? 3 : 1)
  if (!ORDER.includes(to.top)) return undefined
  return rank(to.top) > rank(from.top) ? `a test of src/${from.top} may not import src/${to.top}` : undefined
}

export default { rules: { imports: rule } }
