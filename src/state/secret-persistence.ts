import { local, session } from './storage.ts'

// Secrets by id (provider keys, MCP server headers) as the browser keeps them: in sessionStorage
// by default, in localStorage only for the ids the user chose to remember ("Remember on this
// device"). Each area holds one entry per id under `prefix` and an index of its ids. Nothing here
// logs or returns a secret anywhere but to its caller.

export interface StoredSecrets {
  /** Id → the secret as stored (a string). */
  values: Record<string, string>
  /** Ids found in localStorage. */
  remembered: Record<string, boolean>
}

/** Every secret under `prefix`, from sessionStorage and then localStorage (which wins). */
export function loadSecrets(prefix: string): StoredSecrets {
  const values: Record<string, string> = {}
  const remembered: Record<string, boolean> = {}
  for (const area of [session, local]) {
    const index = area.get(`${prefix}index`)
    for (const id of index ? index.split(',') : []) {
      const value = area.get(prefix + id)
      if (!value) continue
      values[id] = value
      if (area === local) remembered[id] = true
    }
  }
  return { values, remembered }
}

/** Write each secret to the area its `remembered` flag picks, remove it from the other, and rewrite both indexes. */
export function persistSecrets(prefix: string, secrets: StoredSecrets): void {
  const sessionIds: string[] = []
  const localIds: string[] = []
  for (const [id, value] of Object.entries(secrets.values)) {
    const [keep, drop, ids] = secrets.remembered[id] ? [local, session, localIds] : [session, local, sessionIds]
    keep.set(prefix + id, value)
    drop.remove(prefix + id)
    ids.push(id)
  }
  for (const [area, ids] of [[session, sessionIds], [local, localIds]] as const) {
    if (ids.length) area.set(`${prefix}index`, ids.join(','))
    else area.remove(`${prefix}index`)
  }
}

/** Remove one secret from both areas (the indexes follow with the next persistSecrets). */
export function forgetSecret(prefix: string, id: string): void {
  session.remove(prefix + id)
  local.remove(prefix + id)
}
