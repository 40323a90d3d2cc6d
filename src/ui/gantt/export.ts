// Exports of the chart: a standalone SVG (computed styles inlined, so it needs no stylesheet),
// a PNG drawn from that SVG on a canvas, and the spans as CSV. Downloads use an anchor with a
// download attribute and an object URL: nothing leaves the machine.
export { spansToCsv } from './csv.ts'

const SVG_NS = 'http://www.w3.org/2000/svg'

/** The presentation properties worth inlining: what utility classes set on SVG elements. */
const STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display',
] as const

/** Attributes that only make sense in the live page. */
const LIVE_ATTRS = ['class', 'tabindex', 'aria-hidden', 'aria-label', 'data-active']

/**
 * A standalone SVG document of `svg`: xmlns, size and viewBox set, every element's computed
 * presentation styles inlined and classes dropped, so it renders the same anywhere.
 */
export function ganttToSvgString(svg: SVGSVGElement): string {
  const clone = svg.cloneNode(true)
  if (!(clone instanceof SVGSVGElement)) throw new TypeError('expected an <svg> element')
  const originals = [svg, ...Array.from(svg.querySelectorAll('*'))]
  const copies = [clone, ...Array.from(clone.querySelectorAll('*'))]
  const view = svg.ownerDocument.defaultView
  originals.forEach((original, i) => {
    const copy = copies[i]
    if (!copy || !view) return
    const computed = view.getComputedStyle(original)
    const style: string[] = []
    for (const prop of STYLE_PROPS) {
      const value = computed.getPropertyValue(prop)
      if (value !== '') style.push(`${prop}:${value}`)
    }
    if (style.length > 0) copy.setAttribute('style', style.join(';'))
    for (const attr of LIVE_ATTRS) copy.removeAttribute(attr)
    // Animations would freeze mid-way in a still image anyway.
    if (copy.localName === 'animate' || copy.localName === 'animateTransform') copy.remove()
  })
  const box = svg.getBoundingClientRect()
  const width = Math.max(1, Math.round(svg.width.baseVal.value || box.width))
  const height = Math.max(1, Math.round(svg.height.baseVal.value || box.height))
  clone.setAttribute('xmlns', SVG_NS)
  clone.setAttribute('width', String(width))
  clone.setAttribute('height', String(height))
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`)
  const background = view ? backgroundOf(svg, view) : '#ffffff'
  const rect = svg.ownerDocument.createElementNS(SVG_NS, 'rect')
  rect.setAttribute('width', '100%')
  rect.setAttribute('height', '100%')
  rect.setAttribute('fill', background)
  clone.insertBefore(rect, clone.firstChild)
  return '<?xml version="1.0" encoding="UTF-8"?>\n' + new XMLSerializer().serializeToString(clone)
}

/** The first opaque background behind `el`, so exports keep the light or dark theme. */
function backgroundOf(el: Element, view: Window): string {
  for (let node: Element | null = el; node; node = node.parentElement) {
    const color = view.getComputedStyle(node).backgroundColor
    if (color && color !== 'transparent' && !/rgba\(.*,\s*0\)$/.test(color)) return color
  }
  return '#ffffff'
}

/** A PNG of the chart at `scale` × its CSS size, drawn from the standalone SVG on a canvas. */
export async function toPngBlob(svg: SVGSVGElement, scale = 2): Promise<Blob> {
  const text = ganttToSvgString(svg)
  const width = Number(/width="(\d+)"/.exec(text)?.[1] ?? svg.clientWidth)
  const height = Number(/height="(\d+)"/.exec(text)?.[1] ?? svg.clientHeight)
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }))
  try {
    const image = new Image()
    image.decoding = 'async'
    image.src = url
    await image.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.ceil(width * scale)
    canvas.height = Math.ceil(height * scale)
    const context = canvas.getContext('2d')
    if (!context) throw new Error('canvas 2D context unavailable')
    context.scale(scale, scale)
    context.drawImage(image, 0, 0, width, height)
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png')
    })
  } finally {
    URL.revokeObjectURL(url)
  }
}

export { downloadBlob } from './download.ts'
