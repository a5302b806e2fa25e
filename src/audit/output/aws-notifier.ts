/**
 * Sends alerts to Amazon SNS (Publish) or Amazon EventBridge (PutEvents) through the AWS SDK, so
 * a platform team routes them to e-mail, a pager or its SIEM with AWS's own subscriptions and
 * rules. Deliveries go out one at a time in order; a failed one is retried, then logged and
 * dropped, because a notifier outage must not stop detection.
 */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';

import type { Locale } from '../../i18n/locale.js';
import type { Alert } from '../detector.js';
import type { AuditLog } from '../log.js';
import { formatAlertJson, formatAlertText, formatRepeatJson, formatRepeatText } from './format.js';
import type { RepeatSummary } from './repeats.js';
import type { AlertSink } from './sinks.js';

const ATTEMPTS = 3;
const RETRY_DELAY_MS = 1_000;

/** EventBridge `source` and `detail-type` of Kinko's events, for the rules that match them. */
export const EVENT_SOURCE = 'kinko.audit';
export const EVENT_DETAIL_TYPE_ALERT = 'Kinko Audit Alert';
export const EVENT_DETAIL_TYPE_REPEATS = 'Kinko Audit Repeats';

/** SNS subjects may hold at most 100 printable ASCII characters. */
const SNS_SUBJECT_LIMIT = 100;

/** One delivery: the alert as text (for people) and as JSON (for machines). */
interface Delivery {
  readonly kind: 'alert' | 'repeats';
  readonly subject: string;
  readonly text: string;
  readonly json: string;
}

abstract class QueuedNotifier implements AlertSink {
  private queue: Promise<void> = Promise.resolve();
  sent = 0;
  failed = 0;

  constructor(
    protected readonly locale: Locale,
    private readonly log: AuditLog,
    private readonly failureMessage: string,
  ) {}

  alert(alert: Alert): void {
    this.enqueue({
      kind: 'alert',
      subject: `Kinko audit: ${alert.severity} ${alert.detection}`,
      text: formatAlertText(alert, this.locale),
      json: formatAlertJson(alert, this.locale),
    });
  }

  repeats(summary: RepeatSummary): void {
    this.enqueue({
      kind: 'repeats',
      subject: 'Kinko audit: repeated alerts',
      text: formatRepeatText(summary, this.locale),
      json: formatRepeatJson(summary),
    });
  }

  async close(): Promise<void> {
    await this.queue;
  }

  protected abstract deliver(delivery: Delivery): Promise<void>;

  private enqueue(delivery: Delivery): void {
    this.queue = this.queue.then(() => this.send(delivery));
  }

  private async send(delivery: Delivery): Promise<void> {
    let reason = '';
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        await this.deliver(delivery);
        this.sent++;
        return;
      } catch (error) {
        reason = error instanceof Error ? error.message : String(error);
      }
      if (attempt < ATTEMPTS)
        await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS * attempt));
    }
    this.failed++;
    this.log.error(this.failureMessage, { attempts: ATTEMPTS, reason });
  }
}

/** Publishes each alert to an SNS topic: the JSON to queue and function subscribers, the text to e-mail and SMS. */
export class SnsNotifier extends QueuedNotifier {
  constructor(
    private readonly client: SNSClient,
    private readonly topicArn: string,
    locale: Locale,
    log: AuditLog,
  ) {
    super(locale, log, 'audit.log.snsFailed');
  }

  protected async deliver(delivery: Delivery): Promise<void> {
    // A JSON message structure sends the text to e-mail and SMS subscribers and the JSON to the rest.
    const message = JSON.stringify({
      default: delivery.json,
      email: delivery.text,
      sms: delivery.text,
    });
    await this.client.send(
      new PublishCommand({
        TopicArn: this.topicArn,
        Subject: delivery.subject.replace(/[^\x20-\x7e]/g, '?').slice(0, SNS_SUBJECT_LIMIT),
        Message: message,
        MessageStructure: 'json',
      }),
    );
  }
}

/** Puts each alert on an EventBridge bus, with the alert JSON as the event detail. */
export class EventBridgeNotifier extends QueuedNotifier {
  constructor(
    private readonly client: EventBridgeClient,
    private readonly eventBusName: string,
    locale: Locale,
    log: AuditLog,
  ) {
    super(locale, log, 'audit.log.eventBridgeFailed');
  }

  protected async deliver(delivery: Delivery): Promise<void> {
    const result = await this.client.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.eventBusName,
            Source: EVENT_SOURCE,
            DetailType:
              delivery.kind === 'alert' ? EVENT_DETAIL_TYPE_ALERT : EVENT_DETAIL_TYPE_REPEATS,
            Detail: delivery.json,
          },
        ],
      }),
    );
    // PutEvents answers 200 even when an entry failed; the entry carries the error.
    const entry = result.Entries?.[0];
    if ((result.FailedEntryCount ?? 0) > 0 || entry?.ErrorCode !== undefined) {
      throw new Error(`${entry?.ErrorCode ?? 'failed'}: ${entry?.ErrorMessage ?? ''}`);
    }
  }
}
