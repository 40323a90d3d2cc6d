import { memo, useEffect, useState, type ReactNode } from 'react'

// Math, drawn by KaTeX once it has loaded (it and its fonts load only when an answer has math);
// until then, and while a block is still streaming, the TeX source shows as code.

type Katex = typeof import('./katex-tree.ts')
let katexModule: Katex | undefined
let katexLoad: Promise<Katex> | undefined

function loadKatex(): Promise<Katex> {
  katexLoad ??= import('./katex-tree.ts').then((mod) => (katexModule = mod))
  return katexLoad
}

/** Inline (`$x$`) or display (`$$x$$`) math. */
export const MathTex = memo(function MathTex({ tex, display, complete }: { tex: string; display: boolean; complete: boolean }): ReactNode {
  const [, setLoaded] = useState(false)
  const ready = complete && katexModule !== undefined
  useEffect(() => {
    if (!complete || katexModule) return
    let live = true
    void loadKatex().then(() => live && setLoaded(true), () => undefined)
    return () => {
      live = false
    }
  }, [complete])
  const className = display ? 'block overflow-x-auto overflow-y-hidden py-1 text-center' : undefined
  if (ready) return <span data-math={display ? 'display' : 'inline'} className={className}>{katexModule?.texToReact(tex, display)}</span>
  return (
    <span data-math={display ? 'display' : 'inline'} className={className}>
      <code className="text-[0.9em]">{tex}</code>
    </span>
  )
})
