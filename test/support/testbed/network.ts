import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

/** The only address the test bed listens on or connects to. */
export const LOOPBACK = '127.0.0.1';

/**
 * Return a TCP port on 127.0.0.1 that was free a moment ago: the kernel picks it for a listener
 * that is closed at once. Another process may take it before the component binds it. A start-up
 * error then names the port in the component's log, and a rerun picks another.
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => {
        if (address === null || typeof address === 'string') {
          reject(new Error('testbed: the kernel returned no TCP port for a listener on 127.0.0.1'));
          return;
        }
        resolve(address.port);
      });
    });
  });
}

export interface ProbeTls {
  caPath: string;
  certPath: string;
  keyPath: string;
}

/**
 * Send a GET to a loopback URL and return the status and body; a connection error returns status 0.
 * `tls` gives the CA and client certificate, or 'insecure' to skip verifying a self-signed server.
 */
export async function probe(
  url: string,
  tls?: ProbeTls | 'insecure',
  timeoutMs = 5_000,
): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  if (target.hostname !== LOOPBACK) {
    throw new Error(`testbed: refusing to probe ${url}: the test bed only talks to ${LOOPBACK}`);
  }
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  let tlsOptions = {};
  if (tls === 'insecure') {
    tlsOptions = { rejectUnauthorized: false };
  } else if (tls !== undefined) {
    tlsOptions = {
      ca: readFileSync(tls.caPath),
      cert: readFileSync(tls.certPath),
      key: readFileSync(tls.keyPath),
    };
  }

  return new Promise((resolve) => {
    const outgoing = request(
      target,
      { method: 'GET', timeout: timeoutMs, ...tlsOptions },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
        response.on('error', () => resolve({ status: 0, body }));
      },
    );
    outgoing.on('timeout', () => outgoing.destroy(new Error('timed out')));
    outgoing.on('error', (error) => resolve({ status: 0, body: error.message }));
    outgoing.end();
  });
}
