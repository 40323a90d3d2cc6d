import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import { clearServerHeaders, serverSecretsStore } from '../../state/server-secrets.ts'
import { connectServer, removeServer, setServerPolicy, toggleServerTool, type ApprovalPolicy, type ToolServer } from '../../state/tool-servers.ts'

const STATUS: Record<ToolServer['status'], { text: string; style: string }> = {
  connecting: { text: 'connecting…', style: 'bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200' },
  connected: { text: 'connected', style: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-200' },
  error: { text: 'not connected', style: 'bg-rose-100 text-rose-800 dark:bg-rose-900/50 dark:text-rose-200' },
}

const POLICIES: { value: ApprovalPolicy; label: string }[] = [
  { value: 'run', label: 'Run' },
  { value: 'ask', label: 'Ask each time' },
  { value: 'never', label: 'Never' },
]

/** One MCP server: who it is, its status or why it failed, its approval policy and its tools. */
export function ServerCard({ server }: { server: ToolServer }): ReactNode {
  const secret = useStore(serverSecretsStore, (s) => (s.headers[server.id] ? (s.remembered[server.id] ? 'on this device' : 'for this session') : undefined))
  const status = STATUS[server.status]
  return (
    <article aria-label={`Server ${server.name}`} className="space-y-2 rounded border border-zinc-200 p-2 text-xs dark:border-zinc-800" data-server-status={server.status}>
      <header className="flex flex-wrap items-center gap-2">
        <span className="text-sm font-medium">{server.name}</span>
        {server.version && <span className="text-zinc-500 dark:text-zinc-400">v{server.version}</span>}
        <span className={`rounded px-1.5 py-0.5 ${status.style}`} data-testid="server-status">{status.text}</span>
      </header>
      <code className="block break-all text-zinc-600 dark:text-zinc-400">{server.url}</code>
      {server.error && <p role="alert" className="whitespace-pre-line text-rose-700 dark:text-rose-300">{server.error}</p>}
      {secret && (
        <p className="text-zinc-500 dark:text-zinc-400">
          Headers saved {secret}. <button type="button" className="underline" onClick={() => clearServerHeaders(server.id)}>Forget them</button>
        </p>
      )}
      <label className="flex items-center gap-2">
        <span className="font-medium">Approval</span>
        <select aria-label={`Approval for ${server.name}`} value={server.policy} onChange={(e) => setServerPolicy(server.id, e.target.value as ApprovalPolicy)} className="rounded border border-zinc-300 bg-white px-1 py-0.5 dark:border-zinc-700 dark:bg-zinc-900">
          {POLICIES.map((p) => <option key={p.value} value={p.value}>{p.label}</option>)}
        </select>
      </label>
      {server.tools.length > 0 && (
        // A big server lists dozens of tools: folded past a handful, so the settings stay short.
        <details open={server.tools.length <= 6}>
        <summary className="cursor-pointer font-medium">Tools ({server.tools.length - server.disabledTools.filter((n) => server.tools.some((t) => t.name === n)).length} of {server.tools.length} on)</summary>
        <ul className="mt-1 space-y-1" aria-label={`Tools of ${server.name}`}>
          {server.tools.map((tool) => (
            <li key={tool.name} className="rounded border border-zinc-100 p-1.5 dark:border-zinc-800">
              <label className="flex items-center gap-2">
                <input type="checkbox" role="switch" checked={!server.disabledTools.includes(tool.name)} onChange={() => toggleServerTool(server.id, tool.name)} aria-label={`Enable ${tool.name}`} />
                <span className="font-mono font-medium">{tool.name}</span>
              </label>
              {tool.description && <p className="mt-1 text-zinc-600 dark:text-zinc-400">{tool.description}</p>}
              <details className="mt-1">
                <summary className="cursor-pointer text-zinc-500 dark:text-zinc-400">Schema</summary>
                <pre className="mt-1 overflow-x-auto rounded bg-zinc-100 p-1 dark:bg-zinc-900">{JSON.stringify(tool.inputSchema, null, 2)}</pre>
              </details>
            </li>
          ))}
        </ul>
        </details>
      )}
      <div className="flex gap-2">
        <button type="button" onClick={() => void connectServer(server.id)} disabled={server.status === 'connecting'} className="rounded border border-zinc-300 px-2 py-0.5 disabled:opacity-50 dark:border-zinc-700">Reconnect</button>
        <button type="button" onClick={() => removeServer(server.id)} className="rounded border border-zinc-300 px-2 py-0.5 text-rose-700 dark:border-zinc-700 dark:text-rose-300">Remove</button>
      </div>
    </article>
  )
}
