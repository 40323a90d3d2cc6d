// Web Storage that never throws: private modes, disabled storage and full quotas all degrade to
// memory, and the caller can ask whether the last write stuck.

export interface SafeStorage {
  get(key: string): string | undefined
  set(key: string, value: string): boolean
  remove(key: string): void
}

function wrap(pick: () => Storage | undefined): SafeStorage {
  const memory = new Map<string, string>()
  const area = (): Storage | undefined => {
    try {
      return pick()
    } catch {
      return undefined
    }
  }
  return {
    get(key) {
      try {
        return area()?.getItem(key) ?? memory.get(key)
      } catch {
        return memory.get(key)
      }
    },
    set(key, value) {
      memory.set(key, value)
      try {
        const storage = area()
        if (!storage) return false
        storage.setItem(key, value)
        return true
      } catch {
        return false
      }
    },
    remove(key) {
      memory.delete(key)
      try {
        area()?.removeItem(key)
      } catch {
        // Nothing to remove from an unavailable store.
      }
    },
  }
}

export const local: SafeStorage = wrap(() => (typeof localStorage === 'undefined' ? undefined : localStorage))
export const session: SafeStorage = wrap(() => (typeof sessionStorage === 'undefined' ? undefined : sessionStorage))
