import type { Tool } from '../core/index.ts'
import { calculatorTool } from './calculator.ts'
import { cityTools } from './city.ts'
import { callApiTool, fetchDataTool, searchTool, slowApiTool } from './data.ts'
import { processFileTool, writeReportTool } from './pipeline.ts'
import { routingTools } from './routing.ts'
import { toolEnv } from './sleep.ts'
import { downloadFileTool, processDatasetTool } from './streaming.ts'
import { faultTools } from './faults.ts'
import type { ToolPack, ToolPackId, ToolPackOptions } from './types.ts'
import { workflowTools } from './workflow.ts'

/**
 * Build every demo tool pack. Tools are shared between packs (one download_file serves
 * 'streaming' and 'pipeline'); 'all' holds each tool once.
 */
export function createToolPacks(options: ToolPackOptions = {}): ToolPack[] {
  const env = toolEnv(options)
  const download = downloadFileTool(env)
  const processDataset = processDatasetTool(env)
  const city = cityTools(env)
  const workflow = workflowTools(env)
  const fetchData = fetchDataTool(env)
  const routing = routingTools(env)
  const pipeline = [download, processFileTool(env), writeReportTool(env)]
  const selectools = [searchTool(), slowApiTool(env)]
  const exercises = [processDataset, callApiTool(env), fetchData, calculatorTool()]

  const packs: ToolPack[] = [
    pack('streaming', 'Streaming progress', 'process_dataset and download_file yield progress as they run.', [processDataset, download]),
    pack('city', 'City lookups', 'get_weather, get_time and get_population: three independent 1 s calls.', city),
    pack('workflow', 'Screenshot workflow', 'take_screenshot → compress_file → send_email: each step needs the previous one.', workflow),
    pack('fetch', 'Fetch data', 'fetch_data(source): 1 s per source, for the concurrent vs sequential comparison.', [fetchData]),
    pack('routing', 'Routing', 'sales_tool, support_tool and billing_tool: classify a request (routing-only mode).', routing),
    pack('pipeline', 'Document pipeline', 'The challenge: download files concurrently, process each with progress, write a report.', pipeline),
    pack('selectools', 'selectools examples', 'search(query) and slow_api(delay) from the selectools docs.', selectools),
    pack('exercises', 'Exercises', 'process_dataset, call_api(name, delay_s), fetch_data and a calculator for the lesson exercises.', exercises),
    pack('faults', 'Fault drills', 'flaky_service throws, stuck_job hangs past its time limit, odd_value has no JSON form, huge_output returns 1 MiB, frozen_loop blocks its thread.', faultTools(env)),
    pack('none', 'No tools', 'Just the model: for attachments and plain chat.', []),
  ]
  const seen = new Set<string>()
  const all: Tool[] = []
  // 'all' leaves out the fault drills: a live model given every tool should not trip over them.
  for (const p of packs) {
    if (p.id === 'faults') continue
    for (const tool of p.tools) {
      if (seen.has(tool.name)) continue
      seen.add(tool.name)
      all.push(tool)
    }
  }
  packs.push(pack('all', 'All tools', 'Every demo tool at once.', all))
  return packs
}

/** The pack with the given id from a list built by createToolPacks. */
export function findPack(packs: readonly ToolPack[], id: string): ToolPack | undefined {
  return packs.find((p) => p.id === id)
}

function pack(id: ToolPackId, label: string, description: string, tools: Tool[]): ToolPack {
  return { id, label, description, tools }
}
