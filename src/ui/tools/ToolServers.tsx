import { useEffect, useState, type ReactNode } from 'react'
import { useStore } from 'zustand'
import { headersFromInput } from '../../state/server-secrets.ts'
import { addServer, reconnectServers, toolServersStore } from '../../state/tool-servers.ts'
import { CheckField, inputClass } from '../settings/Field.tsx'
import { ServerCard } from './ServerCard.tsx'

/** MCP servers: add one by URL (with an optional token or headers), then each one's card. */
export function ToolServers(): ReactNode {
  const servers = useStore(toolServersStore, (s) => s.servers)
  const [url, setUrl] = useState('')
  const [token, setToken] = useState('')
  const [headers, setHeaders] = useState('')
  const [remember, setRemember] = useState(false)
  const [error, setError] = useState<string | undefined>()
  // Saved servers reconnect when the page loads (once), so their status and tools are current.
  useEffect(() => reconnectServers(), [])

  const submit = (): void => {
    const parsed = headersFromInput(token, headers)
    if (!parsed.ok) return setError(parsed.error)
    if (!url.trim()) return setError('Enter the server’s URL, e.g. https://tools.example.com/mcp.')
    setError(undefined)
    void addServer(url, parsed.headers, remember)
    setUrl('')
    setToken('')
    setHeaders('')
  }

  return (
    <section aria-label="Tool servers" className="space-y-2">
      <h3 className="text-sm font-medium">Tool servers</h3>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">MCP servers over Streamable HTTP, reached from this page (https, or a server on localhost).</p>
      {/* Not a <form>: the page's one submit button is the composer's Run. */}
      <div role="group" aria-label="Add a tool server" className="space-y-2 rounded border border-zinc-200 p-2 dark:border-zinc-800">
        <label className="block text-sm">
          <span className="font-medium">Server URL</span>
          <input type="url" className={inputClass} value={url} onChange={(e) => setUrl(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') submit() }} placeholder="https://tools.example.com/mcp" spellCheck={false} autoComplete="off" />
        </label>
        <details>
          <summary className="cursor-pointer text-xs text-zinc-500 dark:text-zinc-400">Token or headers (optional)</summary>
          <label className="mt-1 block text-sm">
            <span className="font-medium">Bearer token</span>
            <input type="password" className={inputClass} value={token} onChange={(e) => setToken(e.target.value)} autoComplete="off" />
          </label>
          <label className="mt-1 block text-sm">
            <span className="font-medium">Headers</span>
            <textarea className={`${inputClass} font-mono`} rows={2} value={headers} onChange={(e) => setHeaders(e.target.value)} placeholder="X-Api-Key: …" spellCheck={false} />
          </label>
          <div className="mt-1"><CheckField label="Remember on this device" checked={remember} onChange={setRemember} hint="Off: kept for this tab’s session only. Never in links, exports or history." /></div>
        </details>
        {error && <p role="alert" className="text-xs text-rose-700 dark:text-rose-300">{error}</p>}
        <button type="button" onClick={submit} className="rounded bg-sky-700 px-2.5 py-1 text-sm font-medium text-white hover:bg-sky-800">Add server</button>
      </div>
      <ul className="space-y-2" aria-label="Servers">
        {servers.map((server) => <li key={server.id}><ServerCard server={server} /></li>)}
      </ul>
    </section>
  )
}
