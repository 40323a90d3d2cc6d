// Reads a trace file off the page's thread: a trace of 100,000 spans takes seconds to parse and
// convert, and the page keeps drawing meanwhile. One file per worker; the page ends it after.
import { readTraceBlob } from './trace-read.ts'

self.onmessage = (event: MessageEvent<Blob>): void => {
  void readTraceBlob(event.data).then(
    (result) => self.postMessage(result),
    () => self.postMessage({ ok: false, error: 'This trace could not be read.' }),
  )
}
