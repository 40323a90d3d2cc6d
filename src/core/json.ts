/**
 * Argument text as the agent wants it: parsed JSON, or the text itself when it is not JSON (the
 * tool phase then tells the model what was wrong). Blank text is `{}`: a call with no arguments.
 */
export function parseJsonOrRaw(text: string): unknown {
  if (text.trim() === '') return {}
  try {
    return JSON.parse(text) as unknown
  } catch {
    return text
  }
}
