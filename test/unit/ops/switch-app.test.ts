import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { KubeConfig } from '@kubernetes/client-node';
import { parseDocument } from 'yaml';

import { parsePlatformConfig } from '../../../src/config/load.js';
import { KinkoError } from '../../../src/errors.js';
import { resolvePlatform } from '../../../src/model/resolve.js';
import type { ChangeEvent } from '../../../src/ops/bluegreen/change.js';
import { Journal } from '../../../src/ops/bluegreen/journal.js';
import { rolloutPhase, rolloutRevisions } from '../../../src/ops/bluegreen/app/rollout-method.js';
import { switchApp } from '../../../src/ops/bluegreen/app/switch-app.js';
import { findAppTarget } from '../../../src/ops/bluegreen/app/target.js';
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

  it('[R3][unit] rejected connection fails with a reason', async () => {
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

/** Builds the example platform with `blueGreen` on system a's web and system b's trade. */
function examplePlatform() {
  const document = parseDocument(readFileSync('examples/platform.yaml', 'utf8'));
  document.setIn(
    ['systems', 0, 'apps', 0, 'blueGreen'],
    document.createNode({ method: 'service' }),
  );
  document.setIn(
    ['systems', 1, 'apps', 0, 'blueGreen'],
    document.createNode({ method: 'rollout' }),
  );
  return resolvePlatform(parsePlatformConfig(document.toString(), 'platform.yaml'));
}

describe('app switch rollout not reconciled', () => {
  const platform = examplePlatform();
  const target = findAppTarget(platform, 'b', 'trade');
  const notReconciled = (field: string) => (error: unknown) =>
    error instanceof KinkoError &&
    error.code === 'KINKO_SWITCH_INVALID' &&
    error.summary.messageId === 'ops.app.rolloutNotReconciled' &&
    error.summary.params.field === field;

  it('[R3][unit] promote of a Rollout without status is rejected', () => {
    assert.throws(
      () => rolloutRevisions({ spec: {} }, target, 'promote'),
      notReconciled('status.currentPodHash'),
    );
  });

  it('[R3][unit] abort of a Rollout without a stable revision is rejected', () => {
    assert.throws(
      () => rolloutRevisions({ status: { currentPodHash: 'rev1' } }, target, 'abort'),
      notReconciled('status.stableRS'),
    );
  });

  it('[R3][unit] promote needs only the current revision', () => {
    assert.deepEqual(rolloutRevisions({ status: { currentPodHash: 'rev1' } }, target, 'promote'), {
      revision: 'rev1',
      stable: '',
    });
  });
});

describe('app rollback after an interrupted switch', () => {
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'kinko-switch-app-'));
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('[R3][unit] rollback names the switch that never completed', async () => {
    const journal = new Journal(join(folder, 'journal.jsonl'));
    journal.append({
      id: 'chg-1',
      who: 'alice',
      operation: 'switch-app',
      system: 'a',
      app: 'web',
      status: 'started',
      resource: 'Service a/web',
      old: { live: 'blue', preview: 'green' },
      new: { live: 'green', preview: 'blue' },
    });
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'none', server: 'https://127.0.0.1:1', skipTLSVerify: true }],
      users: [{ name: 'none' }],
      contexts: [{ name: 'none', cluster: 'none', user: 'none' }],
      currentContext: 'none',
    });
    const events: ChangeEvent[] = [];

    // No completed switch to go back to, so the rollback stops before any API call.
    await assert.rejects(
      switchApp({
        platform: examplePlatform(),
        system: 'a',
        app: 'web',
        operation: 'rollback-app',
        kubeConfig,
        journal,
        dryRun: false,
        force: false,
        io: { confirm: () => Promise.resolve(false), onEvent: (event) => events.push(event) },
      }),
      (error: unknown) =>
        error instanceof KinkoError && error.summary.messageId === 'ops.app.rollbackNothing',
    );
    assert.deepEqual(
      events.map((event) => [event.messageId, event.params.id, event.params.state]),
      [['ops.app.pendingSwitch', 'chg-1', 'live green, preview blue']],
    );
  });
});
