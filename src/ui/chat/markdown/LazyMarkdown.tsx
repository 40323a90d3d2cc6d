import { lazy, Suspense, type ReactNode } from 'react'

// The page loads the Markdown renderer (markdown-it and the React renderer, ~50 KB gzip) on
// demand, not with the first script: the page is usable before it arrives, and it is fetched
// when the browser is first idle, so an answer is normally drawn formatted from its first token.
// Markdown.tsx itself imports everything statically, so it renders synchronously anywhere
// (react-dom/server included).

const load = (): Promise<{ default: typeof import('../Markdown.tsx').Markdown }> => import('../Markdown.tsx').then((m) => ({ default: m.Markdown }))
const Full = lazy(load)

if (typeof window !== 'undefined' && typeof window.requestIdleCallback === 'function') {
  window.requestIdleCallback(() => void load().catch(() => undefined), { timeout: 2_000 })
}

/** The transcript's Markdown: the plain text until the renderer has loaded, then the full one. */
export function LazyMarkdown({ text }: { text: string }): ReactNode {
  return (
    <Suspense fallback={<div className="whitespace-pre-wrap leading-relaxed break-words">{text}</div>}>
      <Full text={text} />
    </Suspense>
  )
}
