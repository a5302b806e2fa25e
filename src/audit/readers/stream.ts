/** Reads audit events, one JSON object per line, from a stream such as stdin. */
import type { Readable } from 'node:stream';

import { LineSplitter } from './line-splitter.js';
import type { AuditSource, RawRecord, RecordBatch } from './source.js';

export class StreamSource implements AuditSource {
  constructor(
    readonly key: string,
    private readonly stream: Readable,
    /** Name of the input in logs, for example `stdin`. */
    private readonly origin: string,
    /** Turns each line into records; the default takes the line as one audit event. */
    private readonly decode: (text: string, origin: string, line: number) => RawRecord[] = (
      text,
      origin,
      line,
    ) => [{ text, origin, line }],
  ) {}

  async *read(signal: AbortSignal): AsyncGenerator<RecordBatch> {
    const splitter = new LineSplitter();
    let lineNumber = 0;
    const onAbort = (): void => {
      this.stream.destroy();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      for await (const chunk of this.stream) {
        const { lines } = splitter.push(
          Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)),
        );
        if (lines.length > 0) {
          yield { records: lines.flatMap((text) => this.decode(text, this.origin, ++lineNumber)) };
        }
      }
      const { line } = splitter.flush();
      if (line !== undefined) yield { records: this.decode(line, this.origin, ++lineNumber) };
    } catch (error) {
      // Destroying the stream on abort ends the loop with an error that is not a failure.
      if (!signal.aborted) throw error;
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}
