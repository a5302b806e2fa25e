/**
 * What every reader produces: batches of raw records, each with where it came from, and the
 * reader's position after the batch, which the checkpoint stores once the batch is processed.
 */

/**
 * One record: a line of text to parse, a JSON value a reader already decoded, or input the
 * reader could not decode (counted and skipped like a malformed event).
 */
export type RawRecord =
  | { readonly text: string; readonly origin: string; readonly line?: number }
  | { readonly value: unknown; readonly origin: string; readonly line?: number }
  | { readonly invalid: string; readonly origin: string; readonly line?: number };

export interface RecordBatch {
  readonly records: readonly RawRecord[];
  /** Position to resume from once every record of this batch is processed; JSON-serialisable. */
  readonly position?: unknown;
  /**
   * Called after the batch is processed (alerts written and checkpoint saved), so a sender that
   * waits for it (the webhook reader's HTTP response) learns its events were taken.
   */
  readonly onProcessed?: () => void;
}

export interface AuditSource {
  /** Stable key of the source in the checkpoint, for example `file:/var/log/audit.log`. */
  readonly key: string;
  /** Read batches until the input ends (or, when following, until `signal` aborts). */
  read(signal: AbortSignal): AsyncIterable<RecordBatch>;
}

/** Resolve after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}
