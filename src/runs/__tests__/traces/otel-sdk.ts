// A real OpenTelemetry SDK pipeline for the trace generators: a tracer provider with the
// in-memory exporter, registered globally (Strands and the AI SDK both find their tracer there) with Node's async
// context manager,
// and the official OTLP/JSON serialiser. Nothing here is written by hand.
import { context, trace } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'

/** The exporter, the provider and a way to read what was exported as OTLP/JSON. */
export interface Pipeline {
  provider: BasicTracerProvider
  /** OTLP/JSON (ExportTraceServiceRequest) of every span ended so far, then clears them. */
  take(): unknown
  shutdown(): Promise<void>
}

/** Start a pipeline and register its provider as the global one. */
export function startPipeline(): Pipeline {
  const exporter = new InMemorySpanExporter()
  const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })
  trace.disable()
  context.disable()
  // The AI SDK parents its spans through the active context, as it would in a real Node app.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable())
  trace.setGlobalTracerProvider(provider)
  return {
    provider,
    take() {
      const bytes = JsonTraceSerializer.serializeRequest(exporter.getFinishedSpans())
      exporter.reset()
      if (!bytes) throw new Error('the OTLP serialiser returned nothing')
      return JSON.parse(new TextDecoder().decode(bytes)) as unknown
    },
    async shutdown() {
      await provider.shutdown()
      trace.disable()
      context.disable()
    },
  }
}

/** A real timer; the generators measure the delays they ask for against the spans they get. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
