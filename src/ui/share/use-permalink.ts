import { useEffect } from 'react'
import { openFragment } from '../../state/share.ts'

/** Open a permalink in the URL on load, and whenever the fragment changes. */
export function usePermalinkOnLoad(): void {
  useEffect(() => {
    const open = (): void => void openFragment(window.location.hash)
    open()
    window.addEventListener('hashchange', open)
    return () => window.removeEventListener('hashchange', open)
  }, [])
}
