import { createStore } from 'zustand/vanilla'

/** The prompt being written; the gallery and "Edit" fill it. */
export const composerStore = createStore<{ prompt: string }>(() => ({
  prompt: "What's the weather, time, and population in Seattle?",
}))

export function setPrompt(prompt: string): void {
  composerStore.setState({ prompt })
}
