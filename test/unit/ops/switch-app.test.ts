import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';

import { KinkoError } from '../../../src/errors.js';
import { rolloutPhase } from '../../../src/ops/bluegreen/app/rollout-method.js';
import { runSmokeCheck, smokeUrl } from '../../../src/ops/bluegreen/app/smoke.js';

describe('app switch smoke check', () => {
  let server: Server;
  let base: string;

  before(async () => {
    server = createServer((request, response) => {
      response.statusCode = request.url === '/prefix/healthz' ? 200 : 503;
      response.end('body');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => server.close());

  it('[R3][unit] URL keeps the path prefix', () => {
    assert.equal(
      smokeUrl('http://127.0.0.1:8080/prefix/', '/healthz'),
      'http://127.0.0.1:8080/prefix/healthz',
    );
  });

  it('[R3][unit] non-HTTP preview URL is rejected', () => {
    assert.throws(
      () => smokeUrl('file:///etc/passwd', '/healthz'),
      (error: unknown) => error instanceof KinkoError && error.code === 'KINKO_APP_SMOKE_INVALID',
    );
    assert.throws(() => smokeUrl('not a url', '/healthz'), KinkoError);
  });

  it('[R3][unit] expected status passes', async () => {
    const outcome = await runSmokeCheck(`${base}/prefix`, {
      path: '/healthz',
      expectStatus: 200,
      timeoutSeconds: 5,
    });

    assert.deepEqual(outcome, { url: `${base}/prefix/healthz`, status: 200, passed: true });
  });

  it('[R3][unit] other status fails', async () => {
    const outcome = await runSmokeCheck(base, {
      path: '/healthz',
      expectStatus: 200,
      timeoutSeconds: 5,
    });

    assert.equal(outcome.passed, false);
    assert.equal(outcome.status, 503);
  });

  it('[R3][unit] refused connection fails with a reason', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    const outcome = await runSmokeCheck(`http://127.0.0.1:${port}`, {
      path: '/healthz',
      expectStatus: 200,
      timeoutSeconds: 5,
    });

    assert.equal(outcome.passed, false);
    assert.equal(outcome.status, undefined);
    assert.match(outcome.error ?? '', /ECONNREFUSED/);
  });
});

describe('app switch rollout phase', () => {
  it('[R3][unit] pause conditions read as paused', () => {
    assert.equal(
      rolloutPhase({ status: { pauseConditions: [{ reason: 'BlueGreenPause' }] } }),
      'paused',
    );
  });

  it('[R3][unit] spec pause reads as paused', () => {
    assert.equal(rolloutPhase({ spec: { paused: true }, status: {} }), 'paused');
  });

  it('[R3][unit] nothing holding reads as promoted', () => {
    assert.equal(rolloutPhase({ spec: {}, status: { pauseConditions: null } }), 'promoted');
  });

  it('[R3][unit] abort wins over a pause', () => {
    assert.equal(
      rolloutPhase({ spec: { paused: true }, status: { abort: true, pauseConditions: [{}] } }),
      'aborted',
    );
  });
});
