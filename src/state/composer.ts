import { createStore } from 'zustand/vanilla'

/**
 * The prompt being written; the gallery and "Edit" fill it. `editing`: the exchange an edited
 * prompt will replace when it runs (undefined: it goes at the end of the conversation).
 */
export const composerStore = createStore<{ prompt: string; editing: number | undefined }>(() => ({
  prompt: "What's the weather, time, and population in Seattle?",
  editing: undefined,
}))

export function setPrompt(prompt: string): void {
  composerStore.setState({ prompt })
}

/** Put exchange `index`'s prompt back in the box; running it replaces that exchange. */
export function editExchange(index: number, prompt: string): void {
  composerStore.setState({ prompt, editing: index })
}

/** Leave edit mode: the next prompt goes at the end again. */
export function cancelEdit(): void {
  composerStore.setState({ editing: undefined })
}
