import { useEffect } from 'react'

/** Open a permalink in the URL on load, and whenever the fragment changes. */
export function usePermalinkOnLoad(): void {
  useEffect(() => {
    // The link code loads only for a page opened with a link in its fragment.
    const open = (): void => {
      if (/^#[rcs]=/.test(window.location.hash)) void import('../../state/share.ts').then(({ openFragment }) => openFragment(window.location.hash))
    }
    open()
    window.addEventListener('hashchange', open)
    return () => window.removeEventListener('hashchange', open)
  }, [])
}
