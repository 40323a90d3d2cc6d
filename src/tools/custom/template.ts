// Output templates for mock tools: {{city}} is the `city` argument, {{user.name}} a nested one,
// {{args}} all arguments as JSON. Strings go in as they are, other values as JSON, and a missing
// value as nothing, so a template never throws.

const PLACEHOLDER = /\{\{\s*([A-Za-z0-9_$.-]+)\s*\}\}/g

/** The template with every placeholder filled from `args`. */
export function renderTemplate(template: string, args: unknown): string {
  return template.replace(PLACEHOLDER, (_match, path: string) => {
    const value = path === 'args' && !hasKey(args, 'args') ? args : lookup(args, path.split('.'))
    if (value === undefined || value === null) return ''
    if (typeof value === 'string') return value
    return JSON.stringify(value) ?? ''
  })
}

function lookup(value: unknown, path: readonly string[]): unknown {
  let current = value
  for (const key of path) {
    if (!hasKey(current, key)) return undefined
    current = (current as Record<string, unknown>)[key]
  }
  return current
}

function hasKey(value: unknown, key: string): boolean {
  return typeof value === 'object' && value !== null && Object.prototype.hasOwnProperty.call(value, key)
}
