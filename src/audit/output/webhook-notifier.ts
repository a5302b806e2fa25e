/**
 * Posts alerts to a chat webhook as Slack-compatible JSON (`{"text": ...}`, which Slack,
 * Mattermost, Rocket.Chat and Microsoft Teams workflows accept). Posts go out one at a time in
 * order; a failed post is retried, then logged and dropped, because a notifier outage must not
 * stop detection. Alerts still reach stdout or the output file.
 */
import type { Locale } from '../../i18n/locale.js';
import type { Alert } from '../detector.js';
import type { AuditLog } from '../log.js';
import { formatAlertText, formatRepeatText } from './format.js';
import type { RepeatSummary } from './repeats.js';
import type { AlertSink } from './sinks.js';

const ATTEMPTS = 3;
const RETRY_DELAY_MS = 1_000;
const REQUEST_TIMEOUT_MS = 10_000;

export class WebhookNotifier implements AlertSink {
  private queue: Promise<void> = Promise.resolve();
  sent = 0;
  failed = 0;

  constructor(
    private readonly url: string,
    private readonly locale: Locale,
    private readonly log: AuditLog,
  ) {}

  alert(alert: Alert): void {
    this.enqueue(formatAlertText(alert, this.locale));
  }

  repeats(summary: RepeatSummary): void {
    this.enqueue(formatRepeatText(summary, this.locale));
  }

  async close(): Promise<void> {
    await this.queue;
  }

  private enqueue(text: string): void {
    this.queue = this.queue.then(() => this.post(text));
  }

  private async post(text: string): Promise<void> {
    let reason = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ text }),
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        await response.arrayBuffer();
        if (response.ok) {
          this.sent++;
          return;
        }
        reason = `HTTP ${response.status}`;
      } catch (error) {
        reason = (error as Error).message;
      }
      if (attempt < ATTEMPTS) {
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
      }
    }
    this.failed++;
    this.log.error('audit.log.webhookFailed', { attempts: ATTEMPTS, reason });
  }
}
