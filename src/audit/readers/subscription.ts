/**
 * The payload a CloudWatch Logs subscription filter delivers (to Lambda, Kinesis or Firehose):
 * gzip-compressed JSON, base64-encoded in transit, holding a batch of log events of one stream.
 * For the EKS control-plane log group each event's message is one audit Event.
 */
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

import type { RawRecord } from './source.js';

const payloadSchema = z.looseObject({
  messageType: z.string(),
  logGroup: z.string().default(''),
  logStream: z.string().default(''),
  logEvents: z
    .array(z.looseObject({ id: z.string().default(''), message: z.string() }))
    .default([]),
});

/** Largest decompressed payload accepted; CloudWatch Logs batches are at most about 1 MiB. */
const MAX_PAYLOAD_BYTES = 64 << 20;

export class SubscriptionPayloadError extends Error {}

/**
 * Decode one payload: base64 text, a Lambda event `{"awslogs":{"data":"<base64>"}}`, or the
 * gzip bytes themselves. A CONTROL_MESSAGE (sent when the filter is created) has no events.
 */
export function decodeSubscriptionPayload(input: string | Buffer): RawRecord[] {
  let compressed: Buffer;
  if (Buffer.isBuffer(input) && input[0] === 0x1f && input[1] === 0x8b) {
    compressed = input;
  } else {
    let text = (Buffer.isBuffer(input) ? input.toString('utf8') : input).trim();
    if (text.startsWith('{')) {
      const data = (JSON.parse(text) as { awslogs?: { data?: unknown } }).awslogs?.data;
      if (typeof data !== 'string') throw new SubscriptionPayloadError('no awslogs.data field');
      text = data;
    }
    compressed = Buffer.from(text, 'base64');
  }

  let json: string;
  try {
    json = gunzipSync(compressed, { maxOutputLength: MAX_PAYLOAD_BYTES }).toString('utf8');
  } catch (error) {
    throw new SubscriptionPayloadError(`not gzip data: ${(error as Error).message}`);
  }
  const parsed = payloadSchema.safeParse(JSON.parse(json));
  if (!parsed.success) throw new SubscriptionPayloadError('not a subscription payload');
  if (parsed.data.messageType !== 'DATA_MESSAGE') return [];

  const origin = `${parsed.data.logGroup}/${parsed.data.logStream}`;
  return parsed.data.logEvents.map((event) => ({
    text: event.message,
    origin: `${origin}#${event.id}`,
  }));
}

/**
 * Decode one line of a stream of payloads. A line that cannot be decoded becomes one invalid
 * record, which is counted and skipped like a malformed event.
 */
export function subscriptionLineRecords(text: string, origin: string, line: number): RawRecord[] {
  if (text.trim() === '') return [];
  try {
    return decodeSubscriptionPayload(text).map((record) => ({ ...record, line }));
  } catch (error) {
    return [{ invalid: (error as Error).message, origin, line }];
  }
}
