// A calculator for exercises, with a small parser instead of eval: tool input comes from a model.
import { z } from 'zod'
import { defineTool, type Tool } from '../core/index.ts'

/** calculator(expression): + - * / % ^, parentheses and decimals. Instant. */
export function calculatorTool(): Tool {
  return defineTool({
    name: 'calculator',
    description: 'Evaluate an arithmetic expression: + - * / % ^, parentheses and decimals.',
    input: z.object({ expression: z.string().min(1).max(500).describe('e.g. (35.24 + 3) * 2') }),
    run: ({ expression }) => `${expression} = ${formatNumber(evaluate(expression))}`,
  })
}

/** Evaluate an arithmetic expression; throws a readable error on bad input. */
export function evaluate(expression: string): number {
  const tokens = expression.match(/\d+(?:\.\d+)?|\.\d+|[-+*/%^()]|\S/g) ?? []
  let pos = 0
  const peek = (): string | undefined => tokens[pos]
  const take = (): string | undefined => tokens[pos++]

  const primary = (): number => {
    const token = take()
    if (token === undefined) throw new Error('the expression ends too early')
    if (token === '(') {
      const value = sum()
      if (take() !== ')') throw new Error('a closing parenthesis is missing')
      return value
    }
    if (token === '-') return -power()
    if (token === '+') return power()
    const value = Number(token)
    if (Number.isNaN(value)) throw new Error(`unexpected "${token}"`)
    return value
  }
  const power = (): number => {
    const base = primary()
    if (peek() === '^') {
      take()
      return base ** power()
    }
    return base
  }
  const product = (): number => {
    let value = power()
    for (let op = peek(); op === '*' || op === '/' || op === '%'; op = peek()) {
      take()
      const right = power()
      value = op === '*' ? value * right : op === '/' ? value / right : value % right
    }
    return value
  }
  const sum = (): number => {
    let value = product()
    for (let op = peek(); op === '+' || op === '-'; op = peek()) {
      take()
      const right = product()
      value = op === '+' ? value + right : value - right
    }
    return value
  }

  const value = sum()
  if (pos < tokens.length) throw new Error(`unexpected "${tokens[pos] ?? ''}"`)
  if (!Number.isFinite(value)) throw new Error('the result is not a finite number (division by zero?)')
  return value
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toFixed(10)))
}
