// Model adapters over core's Model interface (design.md "Providers").
export { createLocalModel, type LocalModelOptions } from './local/index.ts'
