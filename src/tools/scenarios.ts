// The scenario gallery: every seed example and exercise, with the setup it needs. Prompts and
// system prompts are the seeds' own where the seeds give them.
import type { CustomToolDefinition } from './custom/definition.ts'
import type { Scenario } from './types.ts'

const DATA_SYSTEM = 'You are a helpful assistant with data processing capabilities.'
const CITY_SYSTEM = 'Use tools to answer user questions about cities.'
const WORKFLOW_SYSTEM = 'Execute tasks in the correct order for dependent operations.'
const FETCH_SYSTEM = 'Fetch data from multiple sources.'
const CITY_PROMPT = "What's the weather, time, and population in Seattle?"
const FETCH_PROMPT = 'Fetch data from API-A, API-B, and API-C'

/** Analyzer system prompt from the seed's multimodal demo. */
export const RECEIPT_ANALYZE_SYSTEM = 'Analyze images and extract all visible text and key information.'
/** Extractor system prompt from the seed's multimodal demo. */
export const RECEIPT_EXTRACT_SYSTEM = 'Extract financial data: store, date, line items, totals.'

/** A mock API tool that answers after `ms` with two progress steps (exercise 2's tools). */
function mockApi(name: string, ms: number): CustomToolDefinition {
  return {
    name, description: `A mock API that answers in ${ms / 1000} s.`, enabled: true,
    inputSchema: { type: 'object', properties: {} },
    impl: { kind: 'mock', delay: { kind: 'fixed', ms }, steps: ['Request sent', 'Reading the response'], output: `${name}: 200 OK after ${ms / 1000} s`, failureRate: 0 },
  }
}

/** Every gallery scenario, in the order the gallery shows them. */
export const SCENARIOS: readonly Scenario[] = [
  {
    id: 'streaming-progress', title: 'Streaming progress', prompt: 'Process 30 records',
    toolPack: 'streaming', executor: 'concurrent', system: DATA_SYSTEM,
    note: 'process_dataset yields "Processed 10/30 records in 1.0s" every 10 records, then the answer streams token by token.',
  },
  {
    id: 'download-progress', title: 'Download with progress', prompt: 'Download https://example.com/data/dataset.zip (10 MB)',
    toolPack: 'streaming', executor: 'concurrent', system: DATA_SYSTEM,
    note: 'download_file reports ten chunks with a fraction each: watch the progress bar fill.',
  },
  {
    id: 'city-concurrent', title: 'City lookups, concurrent', prompt: CITY_PROMPT,
    toolPack: 'city', executor: 'concurrent', system: CITY_SYSTEM,
    note: 'Three 1 s tools in one turn run side by side: about 1 s of tool time instead of 3.',
  },
  {
    id: 'city-sequential', title: 'City lookups, sequential', prompt: CITY_PROMPT,
    toolPack: 'city', executor: 'sequential', system: CITY_SYSTEM,
    note: 'The same three tools one after another: about 3 s. Compare with the concurrent run.',
  },
  {
    id: 'workflow-sequential', title: 'Screenshot → compress → email',
    prompt: 'Take a screenshot named report.png, compress it, then email the compressed file to boss@company.com',
    toolPack: 'workflow', executor: 'sequential', system: WORKFLOW_SYSTEM,
    note: 'Each step needs the previous result, so the model asks for one tool per turn: report.png, then report.zip.',
  },
  {
    id: 'fetch-concurrent', title: 'Fetch comparison, concurrent', prompt: FETCH_PROMPT,
    toolPack: 'fetch', executor: 'concurrent', system: FETCH_SYSTEM,
    note: 'Three fetch_data calls overlap. Run fetch-sequential too and compare the two on one time axis.',
  },
  {
    id: 'fetch-sequential', title: 'Fetch comparison, sequential', prompt: FETCH_PROMPT,
    toolPack: 'fetch', executor: 'sequential', system: FETCH_SYSTEM,
    note: 'The same calls back to back: the speed-up of the concurrent run is the ratio of the makespans.',
  },
  {
    id: 'challenge-pipeline', title: 'Challenge: document pipeline',
    prompt: 'Download report-q1.pdf, report-q2.pdf and report-q3.pdf, process each file with progress updates, then write a summary report.',
    toolPack: 'pipeline', executor: 'concurrent', system: WORKFLOW_SYSTEM, maxTurns: 10,
    note: 'Downloads run concurrently in turn 1, each file is processed in its own turn, then write_report.',
  },
  {
    id: 'tool-faults', title: 'Fault drills', prompt: 'Run the fault drills',
    toolPack: 'faults', executor: 'concurrent',
    note: 'One tool throws, one hangs past its 1.5 s limit, one returns a BigInt, one returns 1 MiB: each ends with its own status and the run goes on.',
  },
  {
    id: 'tool-frozen', title: 'Stop a frozen tool', prompt: 'Freeze a tool, then let me press Stop',
    toolPack: 'faults', executor: 'concurrent',
    note: 'frozen_loop blocks the agent worker in a synchronous loop no signal reaches. Press Stop: within 3 s the page shuts the worker down, ends the run as stopped with everything so far, and the next run works.',
  },
  {
    id: 'routing-billing', title: 'Routing mode', prompt: 'I need help with my bill',
    toolPack: 'routing', executor: 'concurrent', routingOnly: true,
    note: 'One model call picks billing_tool with arguments about the bill; nothing runs (stop reason "routed").',
  },
  {
    id: 'selectools-search', title: 'selectools: streaming search', prompt: 'Search for Python tutorials',
    toolPack: 'selectools', executor: 'concurrent', maxTurns: 2,
    note: 'A tool call, then the answer streams token by token (selectools astream).',
  },
  {
    id: 'selectools-parallel', title: 'selectools: parallel slow_api', prompt: 'Call slow_api three times with a delay of 0.15 seconds each',
    toolPack: 'selectools', executor: 'concurrent', maxTurns: 2,
    note: 'Three 0.15 s calls: ~0.15 s in parallel, ~0.45 s when sequential.',
  },
  {
    id: 'exercise-100-records', title: 'Exercise 1: 100 records', prompt: 'Process 100 records',
    toolPack: 'streaming', executor: 'concurrent', system: DATA_SYSTEM,
    note: 'Ten progress lines over 10 s; press Stop at any point and the run ends at once.',
  },
  {
    id: 'exercise-variable-delays', title: 'Exercise 2: variable delays', prompt: 'Call three APIs with delays of 0.5s, 1s and 2s',
    toolPack: 'exercises', executor: 'concurrent',
    note: 'Concurrent: the makespan is the slowest call (2 s). Sequential: the sum (3.5 s).',
  },
  {
    id: 'exercise-variable-delays-mocks', title: 'Exercise 2 with your own tools',
    prompt: 'Call api_half_second, api_one_second and api_two_seconds',
    toolPack: 'none', executor: 'concurrent',
    customTools: [mockApi('api_half_second', 500), mockApi('api_one_second', 1000), mockApi('api_two_seconds', 2000)],
    note: 'Three mock tools made in the page (Settings → Your tools: 0.5 s, 1 s, 2 s). Press Compare executors: concurrent takes the slowest (2 s), sequential the sum (3.5 s). Change a delay in the tool editor and compare again.',
  },
  {
    id: 'exercise-parallel-apis', title: 'Exercise 4: five parallel APIs',
    prompt: 'Call 5 different APIs concurrently: Users, Orders, Inventory, Payments and Shipping',
    toolPack: 'exercises', executor: 'concurrent',
    note: 'Five 1 s calls in one turn; the Gantt shows five overlapping bars.',
  },
  {
    id: 'receipt-analyze', title: 'Receipt analyzer', prompt: 'Analyze this receipt image and extract key information:',
    toolPack: 'none', executor: 'concurrent', system: RECEIPT_ANALYZE_SYSTEM, attachments: ['samples/receipt-acme.png'],
    note: 'Attach a receipt image: the offline model reads it with OCR and lists store, date, items and totals.',
  },
  {
    id: 'receipt-extract', title: 'Receipt extractor', prompt: 'Extract all financial data from this receipt:',
    toolPack: 'none', executor: 'concurrent', system: RECEIPT_EXTRACT_SYSTEM, attachments: ['samples/receipt-acme.png'],
    note: 'The financial fields only: store, date, line items, subtotal, tax and total.',
  },
  {
    id: 'receipt-pdf', title: 'Receipt PDF', prompt: 'Extract all financial data from this receipt:',
    toolPack: 'none', executor: 'concurrent', system: RECEIPT_EXTRACT_SYSTEM, attachments: ['samples/acme-receipt.pdf'],
    note: 'A PDF with a text layer: the model reads its text pages directly, no OCR needed.',
  },
  {
    id: 'receipt-compare', title: 'Exercise 6: several images', prompt: 'Compare these receipts and extract the totals:',
    toolPack: 'none', executor: 'concurrent', system: RECEIPT_EXTRACT_SYSTEM,
    attachments: ['samples/receipt-acme.png', 'samples/receipt-cafe.png'],
    note: 'One section per image, then a comparison of the totals.',
  },
  {
    id: 'document-classify', title: 'Exercise 7: document classification', prompt: 'What type of document is this? Classify it.',
    toolPack: 'none', executor: 'concurrent', system: 'Classify documents: receipt, invoice, letter, form or other.',
    attachments: ['samples/receipt-acme.png'],
    note: 'Names the document type with a confidence and the clues it used.',
  },
  {
    id: 'token-stream', title: 'Token streaming', prompt: 'Stream a long answer of 2000 tokens',
    toolPack: 'none', executor: 'concurrent',
    note: 'No tools: watch time to first token and tokens per second. Set the rate to unlimited for a throughput test.',
  },
]
