// The lesson's challenge: download files concurrently (one turn), process them one per turn with
// progress, then write a summary report from the real results.
import { stringArg, type ToolResultView } from './conversation.ts'
import { extractFiles } from './nlu/slots.ts'
import { ask, type Intent } from './plan-types.ts'
import { paragraphs, resultsOf, switchedOff } from './text.ts'

const TOOLS = ['download_file', 'process_file', 'write_report'] as const

/** Download → process each → report. */
export const pipelineIntent: Intent = {
  id: 'pipeline',
  tools: TOOLS,
  score: (ctx) => (/\bdownload/.test(ctx.lower) && /\bprocess/.test(ctx.lower) && /\b(report|summary|summari[sz]e)/.test(ctx.lower) ? 6 : 0),
  next(ctx) {
    const files = extractFiles(ctx.prompt)
    if (files.length === 0) return ask('Which files should I download?')
    const downloads = resultsOf(ctx, 'download_file')
    if (downloads.length === 0 && ctx.offered.has('download_file')) {
      return {
        kind: 'calls',
        preface: `I'll download the ${files.length} files concurrently, then process them one at a time and write the report.`,
        calls: files.map((url) => ({ name: 'download_file', args: { url, size_mb: 5 } })),
      }
    }
    const failedDownload = new Set(downloads.filter((r) => r.isError).map((r) => stringArg(r.args, 'url')))
    const processed = resultsOf(ctx, 'process_file')
    if (ctx.offered.has('process_file')) {
      const nextFile = files.find((file) => !failedDownload.has(file) && !processed.some((r) => stringArg(r.args, 'name') === file))
      if (nextFile !== undefined) {
        const position = files.indexOf(nextFile) + 1
        return { kind: 'calls', preface: `Processing ${nextFile} (${position} of ${files.length}).`, calls: [{ name: 'process_file', args: { name: nextFile } }] }
      }
    }
    const report = resultsOf(ctx, 'write_report')[0]
    if (!report && ctx.offered.has('write_report')) {
      return { kind: 'calls', preface: 'All files are processed; writing the summary report.', calls: [{ name: 'write_report', args: { summary: reportBody(files, downloads, processed) } }] }
    }
    const status = report && !report.isError ? `The pipeline is complete: ${report.output}` : 'The pipeline finished without a written report.'
    return {
      kind: 'answer',
      text: paragraphs('## Document pipeline', status, reportBody(files, downloads, processed), switchedOff(ctx, TOOLS)),
    }
  },
}

function reportBody(files: readonly string[], downloads: readonly ToolResultView[], processed: readonly ToolResultView[]): string {
  const rows = files.map((file) => {
    const download = downloads.find((r) => stringArg(r.args, 'url') === file)
    const processing = processed.find((r) => stringArg(r.args, 'name') === file)
    return `| ${file} | ${cell(download)} | ${cell(processing)} |`
  })
  const records = processed
    .map((r) => Number(/: (\d+) records/.exec(r.output)?.[1] ?? 0))
    .reduce((sum, n) => sum + n, 0)
  const total = records > 0 ? `Total: ${records} records from ${processed.filter((r) => !r.isError).length} files.` : ''
  return paragraphs(['| File | Download | Processing |', '| --- | --- | --- |', ...rows].join('\n'), total)
}

function cell(result: ToolResultView | undefined): string {
  if (!result) return 'not run'
  return `${result.isError ? '⚠️ ' : ''}${result.output.replace(/\|/g, '\\|')}`
}

