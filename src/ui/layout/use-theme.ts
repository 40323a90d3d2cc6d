import { useEffect } from 'react'
import { useSettings } from '../hooks.ts'

/** Apply the theme setting (system, light or dark) to the document. */
export function useTheme(): void {
  const theme = useSettings((s) => s.theme)
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const apply = (): void => {
      const dark = theme === 'dark' || (theme === 'system' && media.matches)
      document.documentElement.classList.toggle('dark', dark)
    }
    apply()
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [theme])
}
