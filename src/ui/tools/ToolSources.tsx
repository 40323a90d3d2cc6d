import type { ReactNode } from 'react'
import { CustomTools } from './CustomTools.tsx'
import { ToolServers } from './ToolServers.tsx'

/** The user's own tools, in the settings' Tools group (its own chunk, loaded after the page). */
export function ToolSources(): ReactNode {
  return (
    <div className="space-y-4 border-t border-zinc-200 pt-3 dark:border-zinc-800">
      <ToolServers />
      <CustomTools />
    </div>
  )
}
