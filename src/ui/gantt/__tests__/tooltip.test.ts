import { describe, expect, it } from 'vitest'
import { barStatus } from '../colors.ts'
import { argsText, truncate } from '../GanttTooltip.tsx'
import { span } from './fixtures.ts'

describe('tooltip text', () => {
  it('shows arguments as compact JSON and survives values JSON cannot hold', () => {
    expect(argsText({ city: 'Lisbon', days: 3 })).toBe('{"city":"Lisbon","days":3}')
    expect(argsText('raw {not json')).toBe('raw {not json')
    expect(argsText(undefined)).toBe('')
    const cyclic: Record<string, unknown> = {}
    cyclic['self'] = cyclic
    expect(argsText(cyclic)).toBe('[object Object]')
  })
  it('truncates long text with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…')
    expect(truncate('abc', 4)).toBe('abc')
  })
})

describe('barStatus', () => {
  it('colours running first, then failures, then model or ok', () => {
    expect(barStatus(span({ run: 'r', name: 'x', startMs: 0, endMs: 1, running: true, status: 'error' }))).toBe('running')
    expect(barStatus(span({ run: 'r', name: 'x', startMs: 0, endMs: 1, status: 'timeout' }))).toBe('timeout')
    expect(barStatus(span({ run: 'r', name: 'x', startMs: 0, endMs: 1, kind: 'model' }))).toBe('model')
    expect(barStatus(span({ run: 'r', name: 'x', startMs: 0, endMs: 1, status: 'routed' }))).toBe('ok')
  })
})
