/** Where alerts go: a stream (stdout or a file) as text or JSON lines, and notifiers. */
import type { Writable } from 'node:stream';

import type { Locale } from '../../i18n/locale.js';
import type { Alert } from '../detector.js';
import { formatAlertJson, formatAlertText, formatRepeatJson, formatRepeatText } from './format.js';
import type { RepeatSummary } from './repeats.js';

export type OutputFormat = 'text' | 'json';

export interface AlertSink {
  alert(alert: Alert): void;
  repeats(summary: RepeatSummary): void;
  /** Deliver what is still queued, then release the sink. */
  close(): Promise<void>;
}

export class StreamSink implements AlertSink {
  constructor(
    private readonly stream: Writable,
    private readonly format: OutputFormat,
    private readonly locale: Locale,
    /** Whether close() ends the stream: yes for a file, no for stdout. */
    private readonly owned: boolean,
  ) {}

  alert(alert: Alert): void {
    const line =
      this.format === 'json'
        ? formatAlertJson(alert, this.locale)
        : formatAlertText(alert, this.locale);
    this.stream.write(`${line}\n`);
  }

  repeats(summary: RepeatSummary): void {
    const line =
      this.format === 'json' ? formatRepeatJson(summary) : formatRepeatText(summary, this.locale);
    this.stream.write(`${line}\n`);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      if (this.owned) this.stream.end(resolve);
      else if (this.stream.writableNeedDrain) this.stream.once('drain', () => resolve());
      else resolve();
    });
  }
}
