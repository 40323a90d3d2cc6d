// The page's Content-Security-Policy lets it reach MCP servers over https and on this machine,
// and checkServerUrl refuses exactly the URLs the policy would block (so the user gets a reason
// instead of an opaque network error).
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { CONTENT_SECURITY_POLICY } from '../../../../build/pwa.ts'
import { checkServerUrl } from '../errors.ts'

const directive = (name: string): string[] =>
  CONTENT_SECURITY_POLICY.split(';').map((part) => part.trim().split(/\s+/)).find(([key]) => key === name)?.slice(1) ?? []

/** Whether connect-src allows a URL (the source expressions this policy uses). */
function connectAllows(url: URL): boolean {
  return directive('connect-src').some((source) => {
    if (source === 'https:') return url.protocol === 'https:'
    const match = /^(https?):\/\/([^:]+):\*$/.exec(source)
    return match !== null && url.protocol === `${match[1]}:` && url.hostname === match[2]
  })
}

describe('CSP and MCP server URLs', () => {
  it('connect-src allows https and local http servers; scripts still may not eval', () => {
    expect(directive('connect-src')).toEqual(expect.arrayContaining(['https:', 'http://localhost:*', 'http://127.0.0.1:*']))
    expect(directive('script-src')).not.toContain("'unsafe-eval'")
    expect(directive('connect-src')).not.toContain('http:')
    expect(directive('connect-src')).not.toContain('*')
  })

  it('checkServerUrl accepts a URL exactly when connect-src allows it', () => {
    const host = fc.constantFrom('localhost', '127.0.0.1', 'example.com', 'mcp.internal', '10.0.0.5')
    const scheme = fc.constantFrom('http', 'https')
    fc.assert(fc.property(scheme, host, fc.integer({ min: 1, max: 65535 }), fc.webPath(), (protocol, hostname, port, path) => {
      const text = `${protocol}://${hostname}:${port}${path}`
      expect(checkServerUrl(text) === undefined).toBe(connectAllows(new URL(text)))
    }))
  })
})
