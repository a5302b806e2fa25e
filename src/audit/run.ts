/**
 * The audit pipeline: read batches from each source, parse and validate each record, run the
 * detector, rate-limit repeats, write alerts to the sinks, and save the checkpoint. Sources run
 * side by side; batches are processed one at a time, so alerts and checkpoint stay in order.
 */
import type { Alert, Detector } from './detector.js';
import { eventTimeMs, parseAuditEvent, parseAuditLine } from './event.js';
import type { AuditLog } from './log.js';
import type { RepeatLimiter, RepeatSummary } from './output/repeats.js';
import type { AlertSink } from './output/sinks.js';
import type { AuditSource, RawRecord, RecordBatch } from './readers/source.js';

export interface AuditRunStats {
  events: number;
  malformed: number;
  alerts: number;
  /** Alerts held back as repeats of one already reported. */
  repeats: number;
  /** Alerts an exception in platform.yaml covered. */
  excepted: number;
  /** Events skipped because they were processed before (same auditID and stage). */
  duplicates: number;
}

export interface AuditRunOptions {
  readonly sources: readonly AuditSource[];
  readonly detector: Detector;
  readonly repeats: RepeatLimiter;
  readonly sinks: readonly AlertSink[];
  readonly log: AuditLog;
  readonly signal: AbortSignal;
  /** Positions from the checkpoint, kept for sources that read nothing new this run. */
  readonly positions?: Readonly<Record<string, unknown>>;
  /** Positions to save; called with every source's latest position. */
  readonly saveCheckpoint?: (positions: Readonly<Record<string, unknown>>) => void;
  /** Minimum time between two checkpoint saves when a batch raised no alert. */
  readonly checkpointIntervalMs?: number;
  /** Called after each alert is written, for tests and latency figures. */
  readonly onAlert?: (alert: Alert) => void;
}

const DEFAULT_CHECKPOINT_INTERVAL_MS = 1_000;
/** How often windows of repeats that have ended are summarised while following. */
const REPEAT_SWEEP_MS = 5_000;

export async function runAudit(options: AuditRunOptions): Promise<AuditRunStats> {
  const stats: AuditRunStats = {
    events: 0,
    malformed: 0,
    alerts: 0,
    repeats: 0,
    excepted: 0,
    duplicates: 0,
  };
  const positions: Record<string, unknown> = { ...options.positions };
  let lastSave = 0;

  const emitSummaries = (summaries: readonly RepeatSummary[]): void => {
    for (const summary of summaries) for (const sink of options.sinks) sink.repeats(summary);
  };

  const save = (): void => {
    if (options.saveCheckpoint === undefined) return;
    options.saveCheckpoint(positions);
    lastSave = Date.now();
  };

  const processRecord = (record: RawRecord): number => {
    let parsed;
    if ('invalid' in record) parsed = { ok: false as const, reason: record.invalid };
    else if ('value' in record) parsed = parseAuditEvent(record.value);
    else parsed = parseAuditLine(record.text);
    if (parsed === undefined) return 0;

    if (!parsed.ok) {
      stats.malformed++;
      options.log.debug('audit.log.malformed', {
        origin: record.origin,
        line: record.line ?? '-',
        reason: parsed.reason,
      });
      return 0;
    }

    stats.events++;
    let raised = 0;
    for (const alert of options.detector.detect(parsed.event)) {
      const { emit, summaries } = options.repeats.admit(
        alert,
        eventTimeMs(parsed.event) ?? Date.now(),
      );
      emitSummaries(summaries);
      if (!emit) {
        stats.repeats++;
        continue;
      }
      stats.alerts++;
      raised++;
      for (const sink of options.sinks) sink.alert(alert);
      options.onAlert?.(alert);
    }
    return raised;
  };

  const processBatch = (source: AuditSource, batch: RecordBatch): void => {
    let raised = 0;
    for (const record of batch.records) raised += processRecord(record);
    if (batch.position !== undefined) positions[source.key] = batch.position;
    const interval = options.checkpointIntervalMs ?? DEFAULT_CHECKPOINT_INTERVAL_MS;
    if (raised > 0 || Date.now() - lastSave >= interval) save();
    batch.onProcessed?.();
  };

  const sweep = setInterval(
    () => emitSummaries(options.repeats.drain(Date.now())),
    REPEAT_SWEEP_MS,
  );
  sweep.unref();
  // A source that fails stops the others too, so the run ends instead of half-running.
  const stopSources = new AbortController();
  const forwardAbort = (): void => stopSources.abort();
  options.signal.addEventListener('abort', forwardAbort, { once: true });
  try {
    await Promise.all(
      options.sources.map(async (source) => {
        try {
          for await (const batch of source.read(stopSources.signal)) processBatch(source, batch);
        } catch (error) {
          stopSources.abort();
          throw error;
        }
      }),
    );
  } finally {
    options.signal.removeEventListener('abort', forwardAbort);
    clearInterval(sweep);
    emitSummaries(options.repeats.drain());
    save();
    stats.duplicates = options.detector.duplicateEvents;
    stats.excepted = [...options.detector.excepted.values()].reduce((sum, n) => sum + n, 0);
  }
  return stats;
}
