// Header values (tokens) must never reach the model, a run record or a message, even when a
// server quotes them back. Every text an MCP tool produces passes through this.

const MIN_SECRET = 6
const MASK = '***'

/** A function that replaces every header value (and a bearer token on its own) with ***. */
export function makeRedactor(headers: Record<string, string> | undefined): (text: string) => string {
  const secrets = new Set<string>()
  for (const value of Object.values(headers ?? {})) {
    const trimmed = value.trim()
    if (trimmed.length >= MIN_SECRET) secrets.add(trimmed)
    const token = /^(?:bearer|basic|token)\s+(.+)$/i.exec(trimmed)?.[1]
    if (token !== undefined && token.length >= MIN_SECRET) secrets.add(token)
  }
  if (secrets.size === 0) return (text) => text
  // Longest first, so a whole "Bearer x" goes before its bare token.
  const ordered = [...secrets].sort((a, b) => b.length - a.length)
  return (text) => {
    // A replacement can join with its neighbours into a new occurrence, so repeat until none is
    // left; MASK is shorter than any secret, so every pass shortens the text and this ends.
    let result = text
    while (ordered.some((secret) => result.includes(secret))) {
      for (const secret of ordered) result = result.split(secret).join(MASK)
    }
    return result
  }
}
