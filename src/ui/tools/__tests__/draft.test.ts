// The tool editor's working copy: a definition becomes a draft and back unchanged, and a bad
// draft says what to fix.
import { describe, expect, it } from 'vitest'
import type { CustomToolDefinition } from '../../../state/custom-tools.ts'
import { definitionOf, draftFields, draftOf, newDraft } from '../draft.ts'

const mock: CustomToolDefinition = {
  name: 'api_fast', description: 'Answers fast.', enabled: true, timeoutMs: 1500,
  inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
  impl: { kind: 'mock', delay: { kind: 'random', minMs: 200, maxMs: 900 }, steps: ['one', 'two {{city}}'], output: '{{city}} ok', failureRate: 0.25, failureMessage: 'Busy' },
}
const { timeoutMs: _limit, ...untimed } = mock
const code: CustomToolDefinition = { ...untimed, name: 'doubler', impl: { kind: 'code', body: 'return args.n * 2' } }

describe('the editor’s draft', () => {
  it('a mock and a code tool go to a draft and back unchanged', () => {
    expect(definitionOf(draftOf(mock))).toEqual({ ok: true, tool: mock })
    expect(definitionOf(draftOf(code))).toEqual({ ok: true, tool: code })
  })

  it('shows simple schemas as fields and richer ones as JSON only', () => {
    expect(draftFields(draftOf(mock))).toEqual([{ name: 'city', type: 'string', required: true, description: '' }])
    expect(draftFields({ ...newDraft(), schemaText: '{"type":"object","properties":{"tags":{"type":"array"}}}' })).toBeUndefined()
  })

  it('says what to fix: no name, a schema that is not JSON or not an object', () => {
    expect(definitionOf({ ...newDraft(), name: ' ' })).toEqual({ ok: false, error: expect.stringMatching(/name/) })
    expect(definitionOf({ ...newDraft(), name: 'x', schemaText: '{oops' })).toEqual({ ok: false, error: expect.stringMatching(/not JSON/) })
    expect(definitionOf({ ...newDraft(), name: 'x', schemaText: '[]' })).toEqual({ ok: false, error: expect.stringMatching(/JSON object/) })
  })
})
