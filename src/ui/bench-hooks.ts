import { benchModelAlone, benchOcrSample, benchPdfIngest, benchPermalinkSizes, benchStreamRender } from '../state/bench/page-benchmarks.ts'
import { benchGantt } from './gantt/bench.ts'

/** The hooks bench/page.bench.ts calls; installed only when the page is opened with ?bench=1. */
export function installBenchHooks(): void {
  const host = document.createElement('div')
  host.style.cssText = 'position:fixed;left:0;top:0;width:1200px;height:800px;z-index:-1;opacity:0;pointer-events:none'
  document.body.append(host)
  Object.assign(window, {
    __lanesBench: {
      streamRender: (tokens = 100_000) => benchStreamRender(tokens),
      modelAlone: (tokens = 100_000) => benchModelAlone(tokens),
      gantt: (spans = 1000) => benchGantt(host, spans),
      pdfIngest: (pages = 50) => benchPdfIngest(pages),
      ocrSample: () => benchOcrSample(),
      permalinkSizes: () => benchPermalinkSizes(),
    },
  })
}
