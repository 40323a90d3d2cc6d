// Imported first by main.tsx, before any module builds a schema: zod's JIT compiles validators
// with new Function, which the page's Content-Security-Policy forbids (no eval), and its
// capability probe itself counts as a violation. Jitless zod validates the same, without eval.
import { z } from 'zod'

z.config({ jitless: true })
