// The screen-reader text of the chart and the one-line caption of each run section. The chart
// is an image to assistive technology, so this text has to carry what the bars show.
import type { LaidSection } from './layout.ts'
import { formatDuration } from './scale.ts'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

/**
 * "total time 1.2 s · tools 3.4 s · model 0.8 s · speedup 2.9×" for a section header: plain words
 * on the chart, the technical term (makespan) in its tooltip.
 */
export function sectionCaption(section: LaidSection, compact = false): string {
  const { run } = section
  // Narrow charts keep the total time and the speedup; the rest is in the caption's tooltip.
  const parts = compact ? [`total ${formatDuration(run.makespanMs)}`] : [`total time ${formatDuration(run.makespanMs)}`, `tools ${formatDuration(run.toolTimeMs)}`, `model ${formatDuration(run.modelTimeMs)}`]
  if (run.speedup !== undefined && Number.isFinite(run.speedup)) parts.push(`speedup ${formatSpeedup(run.speedup)}`)
  return parts.join(' · ')
}

/** A speedup as "2.9×". */
export function formatSpeedup(speedup: number): string {
  return `${speedup >= 10 ? speedup.toFixed(0) : speedup.toFixed(1)}×`
}

/** The whole chart in words, one sentence per run. */
export function chartSummary(sections: readonly LaidSection[]): string {
  if (sections.length === 0) return 'No runs yet.'
  const sentences = sections.map((section) => {
    const { run } = section
    const facts = [
      `makespan ${formatDuration(run.makespanMs)}`,
      plural(section.toolCalls, 'tool call'),
      plural(section.modelCalls, 'model call'),
      `tool time ${formatDuration(run.toolTimeMs)}`,
      `model time ${formatDuration(run.modelTimeMs)}`,
    ]
    if (run.speedup !== undefined && Number.isFinite(run.speedup)) facts.push(`speedup ${formatSpeedup(run.speedup)}`)
    const critical = section.bars.filter((bar) => bar.span.critical).length
    if (critical > 0) facts.push(`${critical} on the critical path`)
    const note = run.note ? ` ${run.note}.` : ''
    return `${run.label}${run.projected ? ' (projected)' : ''}: ${facts.join(', ')}.${note}`
  })
  return `${plural(sections.length, 'run')}. ${sentences.join(' ')}`
}
