// A short reply to the model's own question ("Which city?" → "Paris") completes the request it
// asked about, so the conversation goes on instead of starting over.

/** How a reply joins the request, by the question asked. */
const JOINS: readonly { question: RegExp; join: (request: string, reply: string) => string }[] = [
  { question: /^Which city\?$/, join: (request, reply) => `${request} in ${reply}` },
  { question: /^Which sources should I fetch from\?$/, join: (request, reply) => `${request} from ${reply}` },
  { question: /^What should I search for\?$/, join: (_, reply) => `search for ${reply}` },
  { question: /^What should I calculate\?$/, join: (_, reply) => `calculate ${reply}` },
  { question: /^How many records should I process\?/, join: (request, reply) => `${request} ${reply.replace(/\s*records?\s*$/i, '')} records` },
  { question: /^What should I name the screenshot/, join: (request, reply) => `${request} named ${reply}` },
]

/** Words in a reply short enough to be an answer rather than a new request. */
const MAX_REPLY_WORDS = 8

/**
 * The request a reply completes, or undefined when the reply is a new request (long, or the
 * model's last words were not one of its questions).
 */
export function completeRequest(request: string, question: string, reply: string): string | undefined {
  const words = reply.trim().split(/\s+/).filter((w) => w !== '')
  if (words.length === 0 || words.length > MAX_REPLY_WORDS || !question.trim().endsWith('?')) return undefined
  const trimmedRequest = request.trim().replace(/[?.!]+$/, '')
  const trimmedReply = reply.trim().replace(/[?.!]+$/, '')
  const rule = JOINS.find((j) => j.question.test(question.trim()))
  if (rule) return rule.join(trimmedRequest, trimmedReply)
  // Other questions ("What should `b` be for `get-sum`?", "Which e-mail address…?"): the reply
  // adds what was missing to the request.
  return /^(?:What|Which|Who|How)\b/.test(question.trim()) ? `${trimmedRequest}, ${trimmedReply}` : undefined
}
