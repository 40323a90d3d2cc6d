// Tools made in the page: mocks and code. All of it loads on first use, so a page that never
// makes a tool never downloads this code.
import type { Tool } from '../../core/index.ts'
import type { CustomToolOptions } from './build.ts'
import type { CustomToolDefinition, ImportResult } from './definition.ts'

/** Core Tools for the enabled definitions. */
export async function createCustomTools(definitions: readonly CustomToolDefinition[], options: CustomToolOptions = {}): Promise<Tool[]> {
  return (await import('./build.ts')).createCustomTools(definitions, options)
}

/** Read a custom tools file; code tools arrive disabled. Never throws. */
export async function importCustomTools(text: string): Promise<ImportResult> {
  return (await import('./definition.ts')).importCustomTools(text)
}

/** Check definitions from a link or a run record; code tools arrive disabled. Never throws. */
export async function parseCustomTools(value: unknown): Promise<ImportResult> {
  return (await import('./definition.ts')).parseCustomTools(value)
}

/** The export file (JSON) for a set of definitions. */
export async function exportCustomTools(definitions: readonly CustomToolDefinition[]): Promise<string> {
  return (await import('./definition.ts')).exportCustomTools(definitions)
}

export type { CustomToolOptions } from './build.ts'
export type { CustomToolDefinition, CustomToolInput, CodeImpl, MockImpl, ImportResult } from './definition.ts'
export type { CodeWorker, CodeWorkerFactory } from './code-tool.ts'
