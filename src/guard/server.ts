/**
 * The HTTPS server of `kinko guard`: `POST /validate` responds to AdmissionReviews; `/healthz`,
 * `/readyz` and `/metrics` serve probes and Prometheus. Each review writes one JSON log line with
 * the request's identity and verdict, never the object's contents.
 */
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { t } from '../i18n/catalog.js';
import { findingsOf, GuardMetrics } from './metrics.js';
import { reviewAdmission, tooLarge, type ReviewAnswer, type ReviewContext } from './review.js';

/**
 * Largest body read. etcd stores objects of at most 1.5 MiB by default, and an UPDATE review
 * carries the object and its old version, so 4 MiB contains every review the apiserver can send
 * with room for the envelope; a larger body gets 413 and is not read further.
 */
export const MAX_BODY_BYTES = 4 * 1024 * 1024;

export interface GuardServerOptions extends ReviewContext {
  readonly cert: string | Buffer;
  readonly key: string | Buffer;
  readonly host: string;
  readonly port: number;
  /** Receives one JSON line per request. */
  readonly log: (line: string) => void;
  readonly maxBodyBytes?: number;
}

export interface GuardServer {
  readonly address: AddressInfo;
  readonly metrics: GuardMetrics;
  /**
   * Serves new connections with this certificate and key; connections already open keep theirs.
   * Throws, and keeps the previous pair in force, when the pair is not valid.
   */
  replaceCertificate(cert: string | Buffer, key: string | Buffer): void;
  close(): Promise<void>;
}

type BodyResult = { readonly text: string } | { readonly tooLarge: true };

function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? '0');
    if (declared > limit) {
      resolve({ tooLarge: true });
      request.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      else chunks.push(chunk);
    });
    request.on('end', () => {
      resolve(over ? { tooLarge: true } : { text: Buffer.concat(chunks).toString('utf8') });
    });
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

export async function startGuardServer(options: GuardServerOptions): Promise<GuardServer> {
  const metrics = new GuardMetrics();
  const limit = options.maxBodyBytes ?? MAX_BODY_BYTES;

  const validate = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const body = await readBody(request, limit);
    const started = process.hrtime.bigint();
    let answer: ReviewAnswer;
    if ('tooLarge' in body) answer = tooLarge(limit);
    else answer = reviewAdmission(body.text, options);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    metrics.observe(answer.log.verdict, findingsOf(answer.log), seconds);
    options.log(
      JSON.stringify({
        time: new Date().toISOString(),
        level: answer.status === 200 ? 'info' : 'warn',
        msg: 'review',
        ...answer.log,
        status: answer.status,
        duration_ms: Math.round(seconds * 1e6) / 1e3,
      }),
    );
    send(response, answer.status, 'application/json', JSON.stringify(answer.body));
  };

  const server: Server = createServer(
    { cert: options.cert, key: options.key },
    (request, response) => {
      const path = (request.url ?? '').split('?')[0];
      if (request.method === 'POST' && path === '/validate') {
        validate(request, response).catch((error: unknown) => {
          options.log(
            JSON.stringify({
              time: new Date().toISOString(),
              level: 'error',
              msg: 'error',
              error: String(error),
            }),
          );
          if (!response.headersSent)
            send(response, 500, 'application/json', '{"error":"internal"}');
        });
        return;
      }
      if (request.method === 'GET' && (path === '/healthz' || path === '/readyz')) {
        send(response, 200, 'text/plain', 'ok\n');
        return;
      }
      if (request.method === 'GET' && path === '/metrics') {
        send(response, 200, 'text/plain; version=0.0.4', metrics.render());
        return;
      }
      send(
        response,
        404,
        'application/json',
        JSON.stringify({
          error: t(
            'guard.server.notFound',
            { method: request.method ?? '', path: path ?? '' },
            'en',
          ),
        }),
      );
    },
  );

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    address: server.address() as AddressInfo,
    metrics,
    replaceCertificate: (cert, key) => server.setSecureContext({ cert, key }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
