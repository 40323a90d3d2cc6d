import { createElement, type CSSProperties, type ReactNode } from 'react'
import katex from 'katex'
import 'katex/dist/katex.min.css'

// TeX to React elements, loaded the first time an answer has math. KaTeX builds its output with
// DOM calls into a detached element (no HTML string is parsed, so the page's CSP, which forbids
// inline style attributes in parsed markup, is never tripped), and that tree is rebuilt as React
// elements through an allow-list of KaTeX's own tags and attributes. Anything else is dropped,
// so even a KaTeX bug cannot put a live element or a URL on the page.

const TAGS = new Set([
  'span', 'svg', 'path', 'line', 'g', 'rect',
  'math', 'semantics', 'annotation', 'mrow', 'mi', 'mn', 'mo', 'ms', 'mtext', 'mspace', 'msup', 'msub', 'msubsup',
  'mfrac', 'msqrt', 'mroot', 'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mlabeledtr', 'mstyle',
  'mpadded', 'mphantom', 'menclose', 'merror',
])

/** DOM attribute name → React prop name; attributes not listed here are dropped. */
const ATTRIBUTES: Record<string, string> = {
  class: 'className', 'aria-hidden': 'aria-hidden', width: 'width', height: 'height', viewbox: 'viewBox',
  preserveaspectratio: 'preserveAspectRatio', d: 'd', x: 'x', y: 'y', x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2',
  'stroke-width': 'strokeWidth', encoding: 'encoding', mathvariant: 'mathvariant', stretchy: 'stretchy',
  fence: 'fence', separator: 'separator', lspace: 'lspace', rspace: 'rspace', minsize: 'minsize', maxsize: 'maxsize',
  accent: 'accent', accentunder: 'accentunder', columnalign: 'columnalign', rowspacing: 'rowspacing',
  columnspacing: 'columnspacing', rowlines: 'rowlines', columnlines: 'columnlines', displaystyle: 'displaystyle',
  scriptlevel: 'scriptlevel', linethickness: 'linethickness', notation: 'notation', depth: 'depth',
  voffset: 'voffset', display: 'display', movablelimits: 'movablelimits', symmetric: 'symmetric',
}

/** An inline style as a React style object; declarations that could load or run anything are dropped. */
export function styleObject(css: string): CSSProperties {
  const style: Record<string, string> = {}
  for (const declaration of css.split(';')) {
    const colon = declaration.indexOf(':')
    if (colon < 0) continue
    const name = declaration.slice(0, colon).trim().toLowerCase()
    const value = declaration.slice(colon + 1).trim()
    if (!/^-?[a-z][a-z-]*$/.test(name) || /url\s*\(|expression|javascript:|[\\<>]/i.test(value)) continue
    style[name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = value
  }
  return style
}

function convert(node: Node, key: number): ReactNode {
  if (node.nodeType === 3) return node.nodeValue ?? ''
  if (node.nodeType !== 1) return null
  const element = node as Element
  const tag = element.localName
  const children = Array.from(element.childNodes, (child, i) => convert(child, i))
  // An unknown element is dropped but its text is kept, so the formula stays readable.
  if (!TAGS.has(tag)) return children
  const props: Record<string, unknown> = { key }
  for (const attr of Array.from(element.attributes)) {
    const name = attr.name.toLowerCase()
    if (name === 'style') props['style'] = styleObject(attr.value)
    else if (Object.hasOwn(ATTRIBUTES, name)) props[ATTRIBUTES[name]!] = attr.value
  }
  return createElement(tag, props, ...children)
}

/** TeX as React elements (KaTeX's HTML and MathML), or the error text KaTeX gives. */
export function texToReact(tex: string, display: boolean): ReactNode {
  // trust: false (no \href, \url, \includegraphics), and limits so a hostile macro cannot hang.
  const host = document.createElement('span')
  katex.render(tex, host, { displayMode: display, throwOnError: false, output: 'htmlAndMathml', trust: false, strict: 'ignore', maxSize: 100, maxExpand: 1000 })
  return Array.from(host.childNodes, (child, i) => convert(child, i))
}
