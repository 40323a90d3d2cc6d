// Rows of the table test (understanding.test.ts). BUILT_FROM holds the prompts the parser was
// built and tuned against: paraphrases of every seed scenario, the failures the issue lists,
// typos, number words, missing slots and prompts that need no tool. AFTER_PARSER holds prompts
// written once the parser was done, run once before any change to it; see the note above it.
import type { PlannedCall } from '../plan-types.ts'

export type Row = { prompt: string; tools?: readonly string[] } & ({ calls: PlannedCall[] } | { ask: string | RegExp })

/** Every demo tool except the fault drills: the fresh page's default. */
export const DEMO_TOOLS = ['process_dataset', 'download_file', 'get_weather', 'get_time', 'get_population', 'take_screenshot',
  'compress_file', 'send_email', 'fetch_data', 'sales_tool', 'support_tool', 'billing_tool', 'process_file', 'write_report',
  'search', 'slow_api', 'call_api', 'calculator']

const c = (name: string, args: Record<string, unknown>): PlannedCall => ({ name, args })
const weather = (city: string) => c('get_weather', { city })
const time = (city: string) => c('get_time', { city })
const population = (city: string) => c('get_population', { city })
const fetch = (...sources: string[]) => sources.map((source) => c('fetch_data', { source }))
const api = (name: string, delay_s: number) => c('call_api', { name, delay_s })
const NO_TOOL = /offline demo model/

export const BUILT_FROM: Row[] = [
  // Streaming progress (seed: "Process 30 records")
  { prompt: 'Process 30 records', calls: [c('process_dataset', { records: 30 })] },
  { prompt: 'run the data processing job on 30 records', calls: [c('process_dataset', { records: 30 })] },
  { prompt: 'process thirty records', calls: [c('process_dataset', { records: 30 })] },
  { prompt: 'procss 30 recrods please', calls: [c('process_dataset', { records: 30 })] },
  { prompt: 'Can you process one hundred and fifty rows of data?', calls: [c('process_dataset', { records: 150 })] },
  { prompt: 'process 1,000 records', calls: [c('process_dataset', { records: 1000 })] },
  { prompt: 'Please process a thousand records for me', calls: [c('process_dataset', { records: 1000 })] },
  { prompt: 'Process 100 records', calls: [c('process_dataset', { records: 100 })] },
  { prompt: 'process some records', ask: 'How many records should I process?' },
  // Downloads
  { prompt: 'Download https://example.com/data/dataset.zip (10 MB)', calls: [c('download_file', { url: 'https://example.com/data/dataset.zip', size_mb: 10 })] },
  { prompt: 'downlod https://example.com/big.iso', calls: [c('download_file', { url: 'https://example.com/big.iso' })] },
  { prompt: 'please download a.csv and b.csv, they are 2 MB', calls: [c('download_file', { url: 'a.csv', size_mb: 2 }), c('download_file', { url: 'b.csv', size_mb: 2 })] },
  { prompt: 'download the file', ask: 'Which file should I download? Give me its URL or name.' },
  // City lookups (seed: "What's the weather, time, and population in Seattle?")
  { prompt: "What's the weather, time, and population in Seattle?", calls: [weather('Seattle'), time('Seattle'), population('Seattle')] },
  { prompt: 'Is it raining in London right now?', calls: [weather('London')] },
  { prompt: 'How many people live in Berlin?', calls: [population('Berlin')] },
  { prompt: 'whats the wether in paris', calls: [weather('Paris')] },
  { prompt: 'What time is it in Tokyo?', calls: [time('Tokyo')] },
  { prompt: 'weather and population for New York and San Francisco', calls: [weather('New York'), population('New York'), weather('San Francisco'), population('San Francisco')] },
  { prompt: "What's the weather like?", ask: 'Which city?' },
  { prompt: 'how big is the population?', ask: 'Which city?' },
  // Screenshot workflow (seed)
  { prompt: 'Take a screenshot named report.png, compress it, then email the compressed file to boss@company.com', calls: [c('take_screenshot', { filename: 'report.png' })] },
  { prompt: 'take a screen shot called q3.png, compress it and send it to cfo@acme.io', calls: [c('take_screenshot', { filename: 'q3.png' })] },
  { prompt: 'grab a screenshot, save it as home.png', calls: [c('take_screenshot', { filename: 'home.png' })] },
  { prompt: 'take a screenshot and email it to me@x.io', ask: /name the screenshot/ },
  { prompt: 'take a screenshot called a.png and email it', ask: 'Which e-mail address should I send a.png to?' },
  { prompt: 'compress notes.png and mail it to ann@example.org', calls: [c('compress_file', { filename: 'notes.png' })] },
  // Fetch (seed: "Fetch data from API-A, API-B, and API-C")
  { prompt: 'Fetch data from API-A, API-B, and API-C', calls: fetch('API-A', 'API-B', 'API-C') },
  { prompt: 'get me the data from the sources alpha, beta, gamma and delta', calls: fetch('alpha', 'beta', 'gamma', 'delta') },
  { prompt: 'pull data from Sales and Marketing concurrently', calls: fetch('Sales', 'Marketing') },
  { prompt: 'fecth data from API-A & API-B', calls: fetch('API-A', 'API-B') },
  { prompt: 'fetch some data', ask: 'Which sources should I fetch from?' },
  // Pipeline (seed challenge)
  { prompt: 'Download report-q1.pdf, report-q2.pdf and report-q3.pdf, process each file with progress updates, then write a summary report.', calls: ['report-q1.pdf', 'report-q2.pdf', 'report-q3.pdf'].map((url) => c('download_file', { url, size_mb: 5 })) },
  { prompt: 'download a.pdf and b.pdf, process them and summarise everything in a report', calls: ['a.pdf', 'b.pdf'].map((url) => c('download_file', { url, size_mb: 5 })) },
  { prompt: 'download the files, process them and write a report', ask: 'Which files should I download?' },
  // Routing (seed: "I need help with my bill")
  { prompt: 'I need help with my bill', calls: [c('billing_tool', { request: 'I need help with my bill', topic: 'bill' })] },
  { prompt: 'What does the enterprise plan cost?', calls: [c('sales_tool', { request: 'What does the enterprise plan cost?', topic: 'plan' })] },
  { prompt: 'The app crashes when I log in', calls: [c('support_tool', { request: 'The app crashes when I log in', topic: 'crashes' })] },
  // Search (seed: "Search for Python tutorials")
  { prompt: 'Search for Python tutorials', calls: [c('search', { query: 'Python tutorials' })] },
  { prompt: 'Can you search for Python tutorials?', calls: [c('search', { query: 'Python tutorials' })] },
  { prompt: 'serch the web for rust async book', calls: [c('search', { query: 'rust async book' })] },
  { prompt: 'search for it', ask: 'What should I search for?' },
  // slow_api (seed: "Call slow_api three times with a delay of 0.15 seconds each")
  { prompt: 'Call slow_api three times with a delay of 0.15 seconds each', calls: [0.15, 0.15, 0.15].map((delay) => c('slow_api', { delay })) },
  { prompt: 'call slow api twice, 0.5 seconds each', calls: [0.5, 0.5].map((delay) => c('slow_api', { delay })) },
  { prompt: 'use slow_api with delays of 0.1s, 0.2s and 0.3s', calls: [0.1, 0.2, 0.3].map((delay) => c('slow_api', { delay })) },
  { prompt: 'call slow_api 4 times', ask: 'How long should each slow_api call wait, in seconds?' },
  // call_api (seed exercises 2 and 4)
  { prompt: 'Call three APIs with delays of 0.5s, 1s and 2s', calls: [api('API-1', 0.5), api('API-2', 1), api('API-3', 2)] },
  { prompt: 'Call 5 different APIs concurrently: Users, Orders, Inventory, Payments and Shipping', calls: ['Users', 'Orders', 'Inventory', 'Payments', 'Shipping'].map((n) => api(n, 1)) },
  { prompt: 'hit three APIs named a, b and c that take 2, 1 and 0.5 seconds', calls: [api('a', 2), api('b', 1), api('c', 0.5)] },
  { prompt: 'call the APIs Users (2s), Orders (1s) and Stock (0.5s)', calls: [api('Users', 2), api('Orders', 1), api('Stock', 0.5)] },
  { prompt: 'ping two apis, each taking 3 seconds', calls: [api('API-1', 3), api('API-2', 3)] },
  // Calculator
  { prompt: "What's 17 times 23?", calls: [c('calculator', { expression: '17 * 23' })] },
  { prompt: '(35.24 + 3) times 2', calls: [c('calculator', { expression: '(35.24 + 3) * 2' })] },
  { prompt: 'Calculate (35.24 + 3) * 2', calls: [c('calculator', { expression: '(35.24 + 3) * 2' })] },
  { prompt: 'what is 15% of 80?', calls: [c('calculator', { expression: '15 / 100 * 80' })] },
  { prompt: 'how much is twelve divided by four', calls: [c('calculator', { expression: '12 / 4' })] },
  { prompt: 'calculate something for me', ask: 'What should I calculate?' },
  // Receipts without a file
  { prompt: 'Extract all financial data from this receipt:', ask: 'Attach a receipt (PDF or image) and run again.' },
  { prompt: 'Analyze this invoice image and extract the totals', ask: 'Attach a receipt (PDF or image) and run again.' },
  { prompt: 'What type of document is this? Classify it.', ask: 'Attach a receipt (PDF or image) and run again.' },
  // Tools named by the prompt, filled by their JSON Schema (MCP-like tools)
  { prompt: 'use shout on hello', calls: [c('shout', { text: 'hello' })] },
  { prompt: 'call get-sum with 2 and 3', calls: [c('get-sum', { a: 2, b: 3 })] },
  { prompt: 'run echo with message hi', calls: [c('echo', { message: 'hi' })] },
  { prompt: 'call get-sum with two and three', calls: [c('get-sum', { a: 2, b: 3 })] },
  { prompt: 'call get-sum with a=4, b=5', calls: [c('get-sum', { a: 4, b: 5 })] },
  { prompt: 'call get-sum with 2', ask: 'What should `b` be for `get-sum`?' },
  { prompt: 'use shout', ask: 'What should `text` be for `shout`?' },
  { prompt: 'run set-mode with mode fast and verbose yes', calls: [c('set-mode', { mode: 'fast', verbose: true })] },
  { prompt: 'run set-mode with mode turbo', ask: '`mode` for `set-mode` must be one of `fast` and `safe`: what should it be?' },
  { prompt: 'use shout on "hello, world"', calls: [c('shout', { text: 'hello, world' })] },
  { prompt: 'run long_running_operation', calls: [c('long_running_operation', {})] },
  // String values are passed as written: no typo fixes inside them.
  { prompt: 'use shout on wether report', calls: [c('shout', { text: 'wether report' })] },
  // Switched-off tools and no-tool prompts
  { prompt: 'Process 30 records', tools: ['get_weather'], ask: "I'd use `process_dataset` for this, but it is switched off. Turn it on in the tool picker and run again." },
  { prompt: 'hello', ask: NO_TOOL },
  { prompt: 'Thanks!', ask: /You're welcome/ },
  { prompt: 'Write me a poem about autumn', ask: NO_TOOL },
  { prompt: 'what can you do?', ask: NO_TOOL },
]

// Written after the parser was finished and run once before any change: 25 of the first 26
// passed. The one that failed, 'echo message "good morning"' (a tool named as the prompt's first
// word, with no verb before it), was then fixed in intents-schema.ts. A second batch of 30
// probes (the rows from 'how hot is it in Dubai' on) found 7 misreadings, since fixed: "Can you
// help me?" routed to support, "process the dataset" and "email report.png to…" not understood,
// a fetch of a bare URL, "call the users api", "2 million" read as 2, "new delhi" as Delhi;
// and two requests in one prompt played only the first (now each clause is played).
// Add new rows here.
export const AFTER_PARSER: Row[] = [
  { prompt: 'could you crunch 250 records', calls: [c('process_dataset', { records: 250 })] },
  { prompt: 'I want to process forty-five items', calls: [c('process_dataset', { records: 45 })] },
  { prompt: 'is it sunny in Madrid today?', calls: [weather('Madrid')] },
  { prompt: 'tell me the population of Tokyo and Paris', calls: [population('Tokyo'), population('Paris')] },
  { prompt: "what's the local time in Sydney", calls: [time('Sydney')] },
  { prompt: 'temperature in los angeles', calls: [weather('Los Angeles')] },
  { prompt: 'weather tomorrow?', ask: 'Which city?' },
  { prompt: 'please take a screenshot named dash.png and zip it', calls: [c('take_screenshot', { filename: 'dash.png' })] },
  { prompt: 'screenshot to shot.png then email it to ops@corp.com', calls: [c('take_screenshot', { filename: 'shot.png' })] },
  { prompt: 'retrieve data from Orders and Invoices', calls: fetch('Orders', 'Invoices') },
  { prompt: 'grab data from API-X', calls: fetch('API-X') },
  { prompt: 'download https://files.example.org/model.bin, 250 MB', calls: [c('download_file', { url: 'https://files.example.org/model.bin', size_mb: 250 })] },
  { prompt: 'look up best pizza in Naples', calls: [c('search', { query: 'best pizza in Naples' })] },
  { prompt: 'google typescript generics', calls: [c('search', { query: 'typescript generics' })] },
  { prompt: 'what is 2 to the power of 10', calls: [c('calculator', { expression: '2 ^ 10' })] },
  { prompt: 'compute 100 minus 58', calls: [c('calculator', { expression: '100 - 58' })] },
  { prompt: 'what is 7 plus 8 times 2?', calls: [c('calculator', { expression: '7 + 8 * 2' })] },
  { prompt: 'call four APIs with delays of 1s, 2s, 3s and 4s', calls: [api('API-1', 1), api('API-2', 2), api('API-3', 3), api('API-4', 4)] },
  { prompt: 'query the APIs named Alpha and Beta, 0.5 seconds each', calls: [api('Alpha', 0.5), api('Beta', 0.5)] },
  { prompt: 'call slow_api five times, 0.2 seconds delay', calls: [0.2, 0.2, 0.2, 0.2, 0.2].map((delay) => c('slow_api', { delay })) },
  { prompt: 'I was charged twice this month', calls: [c('billing_tool', { request: 'I was charged twice this month', topic: 'charged' })] },
  { prompt: 'echo message "good morning"', calls: [c('echo', { message: 'good morning' })] },
  { prompt: 'use the get-sum tool on 10 and 32', calls: [c('get-sum', { a: 10, b: 32 })] },
  { prompt: 'Read this receipt and tell me the total', ask: 'Attach a receipt (PDF or image) and run again.' },
  { prompt: 'What is the weather in Paris?', tools: ['fetch_data'], ask: "I'd use `get_weather` for this, but it is switched off. Turn it on in the tool picker and run again." },
  { prompt: 'who are you?', ask: NO_TOOL },
  { prompt: 'how hot is it in Dubai', calls: [weather('Dubai')] },
  { prompt: 'What is the weather in Seattle and what time is it there?', calls: [weather('Seattle'), time('Seattle')] },
  { prompt: 'Is it going to snow in Chicago tomorrow?', calls: [weather('Chicago')] },
  { prompt: 'time in new delhi', calls: [time('New Delhi')] },
  { prompt: 'what time is it', ask: 'Which city?' },
  { prompt: 'I need a refund for my last payment', calls: [c('billing_tool', { request: 'I need a refund for my last payment', topic: 'refund' })] },
  { prompt: 'Can you help me?', ask: NO_TOOL },
  { prompt: 'process the dataset', ask: 'How many records should I process?' },
  { prompt: 'process 2 million records', ask: 'How many records should I process? I can do 1 to 1,000,000.' },
  { prompt: 'email report.png to bob@x.com', calls: [c('send_email', { recipient: 'bob@x.com', attachment: 'report.png' })] },
  { prompt: 'fetch https://api.example.com/users', calls: fetch('https://api.example.com/users') },
  { prompt: 'call the users api', calls: [api('users', 1)] },
  { prompt: 'whats 2+2', calls: [c('calculator', { expression: '2+2' })] },
  { prompt: 'what is 10% of 250', calls: [c('calculator', { expression: '10 / 100 * 250' })] },
  { prompt: 'find restaurants near me', calls: [c('search', { query: 'restaurants near me' })] },
  { prompt: 'process 3.5 records', ask: 'How many records should I process? I can do 1 to 1,000,000.' },
  { prompt: 'process records 40', calls: [c('process_dataset', { records: 40 })] },
  { prompt: "What's the weather in Paris? And what's 2+2?", calls: [weather('Paris'), c('calculator', { expression: '2+2' })] },
  { prompt: 'search for cats; download x.zip', calls: [c('search', { query: 'cats' }), c('download_file', { url: 'x.zip' })] },
  { prompt: 'Run the fault drills', ask: "I'd use `flaky_service`, `stuck_job`, `odd_value` and `huge_output` for this, but they are switched off. Turn them on in the tool picker and run again." },
]

// Several tools named in one prompt (tools made in the page, MCP servers): all called in one turn
// when each has what it needs; otherwise the first plays alone and asks.
export const SEVERAL_NAMED: Row[] = [
  { prompt: 'call get-sum with 2 and 3, then use shout on hi', calls: [c('get-sum', { a: 2, b: 3 }), c('shout', { text: 'hi' })] },
  { prompt: 'run long_running_operation and get-sum with 1 and 2', calls: [c('long_running_operation', {}), c('get-sum', { a: 1, b: 2 })] },
  { prompt: 'call get-sum with 2, then use shout on hi', ask: 'What should `b` be for `get-sum`?' },
]
