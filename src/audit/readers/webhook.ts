/**
 * An HTTP endpoint for the apiserver's audit webhook backend (`--audit-webhook-config-file`),
 * which POSTs batches of events as an audit.k8s.io EventList. It also takes a CloudWatch Logs
 * subscription payload (a Lambda event `{"awslogs":{"data":...}}` or the base64 text), so a
 * forwarder can relay EKS audit logs here.
 *
 * The response is sent after the batch is processed: 200 when it was taken, 400 when the body is
 * not a batch, so the apiserver's retry covers a batch that never arrived.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { eventListItems } from '../event.js';
import { decodeSubscriptionPayload } from './subscription.js';
import type { AuditSource, RawRecord, RecordBatch } from './source.js';

/** Largest request body accepted, in bytes; the apiserver's default batch is 400 events. */
export const MAX_BODY_BYTES = 32 << 20;

export interface ListenAddress {
  readonly host: string;
  readonly port: number;
}

/** Parse `HOST:PORT`, `[IPV6]:PORT` or `PORT`; the host defaults to 127.0.0.1. */
export function parseListenAddress(text: string): ListenAddress | undefined {
  const match = /^(?:(\[[0-9a-fA-F:.]+\]|[^:[\]]+):)?(\d{1,5})$/.exec(text);
  if (match === null) return undefined;
  const port = Number(match[2]);
  if (port > 65535) return undefined;
  const host = (match[1] ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  return { host, port };
}

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export class WebhookSource implements AuditSource {
  readonly key: string;
  private server: Server | undefined;
  private readonly waiting: RecordBatch[] = [];
  private wake: (() => void) | undefined;

  constructor(private readonly address: ListenAddress) {
    this.key = `webhook:${address.host}:${address.port}`;
  }

  /** Start listening; returns the bound address (port 0 picks a free one). */
  async listen(): Promise<AddressInfo> {
    const server = createServer((request, response) => {
      void this.handle(request).then(
        ({ status, body }) => {
          response.writeHead(status, { 'content-type': 'application/json' });
          response.end(JSON.stringify(body));
        },
        (error: unknown) => {
          response.writeHead(500, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ error: (error as Error).message }));
        },
      );
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.address.port, this.address.host, () => resolve());
    });
    return server.address() as AddressInfo;
  }

  async *read(signal: AbortSignal): AsyncGenerator<RecordBatch> {
    if (this.server === undefined) await this.listen();
    const onAbort = (): void => this.wake?.();
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      while (!signal.aborted) {
        const batch = this.waiting.shift();
        if (batch !== undefined) {
          yield batch;
          continue;
        }
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      await this.close();
    }
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server === undefined) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body: unknown }> {
    if (request.method !== 'POST') return { status: 405, body: { error: 'use POST' } };

    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of request) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) {
        request.destroy();
        return { status: 413, body: { error: `body larger than ${MAX_BODY_BYTES} bytes` } };
      }
      chunks.push(chunk as Buffer);
    }

    const origin = `${this.key}${request.url ?? ''}`;
    const records = decodeBody(Buffer.concat(chunks), origin);
    const status = records.length === 1 && 'invalid' in records[0]! ? 400 : 200;
    await new Promise<void>((resolve) => {
      this.waiting.push({ records, onProcessed: resolve });
      this.wake?.();
    });
    return { status, body: { accepted: status === 200 ? records.length : 0 } };
  }
}

/** Turn a request body into records: an EventList, one Event, or a subscription payload. */
function decodeBody(body: Buffer, origin: string): RawRecord[] {
  const gzip = body[0] === 0x1f && body[1] === 0x8b;
  const text = gzip ? '' : body.toString('utf8').trim();
  try {
    if (text.startsWith('{')) {
      const value: unknown = JSON.parse(text);
      const items = eventListItems(value);
      if (items !== undefined) return items.map((item) => ({ value: item, origin }));
    }
    return decodeSubscriptionPayload(gzip ? body : text);
  } catch (error) {
    return [{ invalid: (error as Error).message, origin }];
  }
}
