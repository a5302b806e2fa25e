/** A sink that keeps what it receives, for assertions. */
import type { Alert } from '../../../src/audit/detector.js';
import type { RepeatSummary } from '../../../src/audit/output/repeats.js';
import type { AlertSink } from '../../../src/audit/output/sinks.js';

export class CollectingSink implements AlertSink {
  readonly alerts: Alert[] = [];
  readonly summaries: RepeatSummary[] = [];

  alert(alert: Alert): void {
    this.alerts.push(alert);
  }

  repeats(summary: RepeatSummary): void {
    this.summaries.push(summary);
  }

  async close(): Promise<void> {}
}
