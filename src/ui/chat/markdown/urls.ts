// Which URLs from an answer may become a live link or image. An answer is untrusted text (a model,
// a tool, a prompt injection in a web page a tool read), so the allow-list is short.

const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/**
 * A link target that is http, https or mailto, or has no scheme at all (a relative link stays on
 * this page's own origin). markdown-it has percent-encoded whitespace and control characters, so
 * `java\tscript:` has no scheme here and stays inert.
 */
export function safeHref(url: string): string | undefined {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase()
  if (scheme === undefined) return url
  return scheme === 'http' || scheme === 'https' || scheme === 'mailto' ? url : undefined
}

/**
 * An image source the page may load: relative (this origin) or an inline raster data: URL. A
 * remote image is never fetched (it could carry the conversation out in its URL); it shows as a
 * link instead. The page's CSP (img-src 'self' data: blob:) would block it anyway.
 */
export function safeImageSrc(url: string): string | undefined {
  if (/^data:image\/(png|gif|jpeg|webp);/i.test(url)) return url
  if (url.startsWith('//')) return undefined
  return SCHEME.test(url) ? undefined : url
}

/** A bare-text autolink (linkify) counts only when it looks like GFM's: a scheme, www. or an email. */
export function isGfmAutolinkText(text: string): boolean {
  return /^(https?:\/\/|www\.|mailto:)/i.test(text) || /^[\w.+-]+@[\w-]+(\.[\w-]+)+$/.test(text) && !/[-_]$/.test(text)
}
