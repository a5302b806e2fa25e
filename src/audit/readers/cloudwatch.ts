/**
 * Polls the EKS control-plane log group (`/aws/eks/<cluster>/cluster`) for the apiserver's audit
 * streams (`kube-apiserver-audit-*`) with FilterLogEvents.
 *
 * The cursor is the newest event time seen and the ids of the events at or after
 * `cursor - lookback`. Each poll requests events from `cursor - lookback`, because CloudWatch
 * Logs may make an event searchable after later ones. Events whose id is in the cursor are
 * skipped, so an event that arrives within the lookback is neither missed nor read twice.
 */
import {
  CloudWatchLogsClient,
  FilterLogEventsCommand,
  type FilterLogEventsCommandOutput,
} from '@aws-sdk/client-cloudwatch-logs';

import { sleep, type AuditSource, type RawRecord, type RecordBatch } from './source.js';

export const AUDIT_STREAM_PREFIX = 'kube-apiserver-audit-';

export interface CloudWatchCursor {
  readonly logGroup: string;
  /** Newest event time read, epoch milliseconds. */
  readonly timestampMs: number;
  /** Ids of the events read with a time at or after `timestampMs - lookbackMs`. */
  readonly eventIds: readonly string[];
}

export interface CloudWatchSourceOptions {
  readonly client: CloudWatchLogsClient;
  readonly logGroup: string;
  readonly follow: boolean;
  readonly start?: CloudWatchCursor;
  /** Start time without a checkpoint, epoch milliseconds; default: one hour ago. */
  readonly startTimeMs?: number;
  readonly pollIntervalMs?: number;
  /** How far back each poll looks for late events. */
  readonly lookbackMs?: number;
  /** Called when a poll fails while following; the poll is retried at the next interval. */
  readonly onPollError?: (error: Error) => void;
}

const DEFAULT_POLL_INTERVAL_MS = 5_000;
const DEFAULT_LOOKBACK_MS = 60_000;
const DEFAULT_START_AGE_MS = 3_600_000;

/** The control-plane log group Amazon EKS writes for `cluster`. */
export function eksLogGroupName(cluster: string): string {
  return `/aws/eks/${cluster}/cluster`;
}

export class CloudWatchSource implements AuditSource {
  readonly key: string;
  private timestampMs: number;
  private readonly seen = new Map<string, number>();

  constructor(private readonly options: CloudWatchSourceOptions) {
    this.key = `cloudwatch:${options.logGroup}`;
    const start = options.start?.logGroup === options.logGroup ? options.start : undefined;
    this.timestampMs =
      start?.timestampMs ?? options.startTimeMs ?? Date.now() - DEFAULT_START_AGE_MS;
    for (const id of start?.eventIds ?? []) this.seen.set(id, this.timestampMs);
  }

  async *read(signal: AbortSignal): AsyncGenerator<RecordBatch> {
    while (!signal.aborted) {
      try {
        yield* this.poll(signal);
      } catch (error) {
        if (signal.aborted) break;
        // A failed poll while following (throttling, a network error) is retried at the next
        // interval from the same cursor, which has not moved past the events it missed.
        if (!this.options.follow || this.options.onPollError === undefined) throw error;
        this.options.onPollError(error as Error);
      }
      if (!this.options.follow) break;
      await sleep(this.options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, signal);
    }
  }

  /** Read every page of events from `cursor - lookback` to now. */
  private async *poll(signal: AbortSignal): AsyncGenerator<RecordBatch> {
    const lookbackMs = this.options.lookbackMs ?? DEFAULT_LOOKBACK_MS;
    const startTime = Math.max(0, this.timestampMs - lookbackMs);
    // The cursor's time moves only once every page is read. The pages of one poll are not in
    // time order across streams, so moving it sooner could skip the events of a failed page.
    let newest = this.timestampMs;
    let nextToken: string | undefined;
    do {
      const page: FilterLogEventsCommandOutput = await this.options.client.send(
        new FilterLogEventsCommand({
          logGroupName: this.options.logGroup,
          logStreamNamePrefix: AUDIT_STREAM_PREFIX,
          startTime,
          nextToken,
        }),
        { abortSignal: signal },
      );
      nextToken = page.nextToken;

      const records: RawRecord[] = [];
      for (const event of page.events ?? []) {
        // The prefix is also checked here, because moto 5.2.5 ignores logStreamNamePrefix.
        if (!(event.logStreamName ?? '').startsWith(AUDIT_STREAM_PREFIX)) continue;
        const id = event.eventId ?? `${event.logStreamName}/${event.timestamp}`;
        if (this.seen.has(id) || event.message === undefined) continue;
        const timestamp = event.timestamp ?? this.timestampMs;
        this.seen.set(id, timestamp);
        newest = Math.max(newest, timestamp);
        records.push({
          text: event.message,
          origin: `${this.options.logGroup}/${event.logStreamName}#${id}`,
        });
      }
      if (records.length > 0) yield { records, position: this.cursor() };
    } while (nextToken !== undefined && !signal.aborted);

    if (signal.aborted) return;
    this.timestampMs = newest;
    this.forgetBefore(this.timestampMs - lookbackMs);
    yield { records: [], position: this.cursor() };
  }

  cursor(): CloudWatchCursor {
    return {
      logGroup: this.options.logGroup,
      timestampMs: this.timestampMs,
      eventIds: [...this.seen.keys()],
    };
  }

  private forgetBefore(limitMs: number): void {
    for (const [id, timestamp] of this.seen) if (timestamp < limitMs) this.seen.delete(id);
  }
}
