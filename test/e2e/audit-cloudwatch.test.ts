/**
 * `kinko audit` over CloudWatch Logs: the EKS control-plane log group on moto, read with the real
 * AWS SDK client through FilterLogEvents, resumed from a saved cursor.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';

import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
} from '@aws-sdk/client-cloudwatch-logs';

import { DETECTIONS } from '../../src/audit/detections/index.js';
import { Detector } from '../../src/audit/detector.js';
import { SILENT_LOG } from '../../src/audit/log.js';
import { RepeatLimiter } from '../../src/audit/output/repeats.js';
import {
  CloudWatchSource,
  eksLogGroupName,
  type CloudWatchCursor,
} from '../../src/audit/readers/cloudwatch.js';
import { runAudit } from '../../src/audit/run.js';
import { awsEnvironment, startTestbed, type Testbed } from '../support/testbed/index.js';
import { auditEvent, testContext } from '../unit/audit/events.js';
import { CollectingSink } from '../unit/audit/sinks.js';

const LOG_GROUP = eksLogGroupName('kinko-demo-blue');
const AUDIT_STREAM = 'kube-apiserver-audit-5f1e2d3c4b5a69788796a5b4c3d2e1f0';
const OTHER_STREAM = 'authenticator-5f1e2d3c4b5a69788796a5b4c3d2e1f0';

function execMessage(auditID: string): string {
  return JSON.stringify(
    auditEvent({
      auditID,
      verb: 'create',
      resource: 'pods',
      subresource: 'exec',
      namespace: 'a',
      name: `web-${auditID}`,
      code: 101,
    }),
  );
}

describe('kinko audit over CloudWatch Logs on moto', () => {
  let bed: Testbed;
  let client: CloudWatchLogsClient;
  let cursor: CloudWatchCursor | undefined;

  before(async () => {
    bed = await startTestbed({ moto: true, crds: false });
    const settings = bed.awsClientSettings;
    assert.ok(settings !== undefined);
    client = new CloudWatchLogsClient({
      endpoint: settings.endpoint,
      region: settings.region,
      credentials: settings.credentials,
    });
    await client.send(new CreateLogGroupCommand({ logGroupName: LOG_GROUP }));
    for (const stream of [AUDIT_STREAM, OTHER_STREAM]) {
      await client.send(
        new CreateLogStreamCommand({ logGroupName: LOG_GROUP, logStreamName: stream }),
      );
    }
  });

  after(async () => {
    client?.destroy();
    await bed?.stop();
  });

  async function put(stream: string, messages: string[]): Promise<void> {
    const now = Date.now();
    await client.send(
      new PutLogEventsCommand({
        logGroupName: LOG_GROUP,
        logStreamName: stream,
        logEvents: messages.map((message, index) => ({ message, timestamp: now + index })),
      }),
    );
  }

  async function poll(start?: CloudWatchCursor) {
    const source = new CloudWatchSource({
      client,
      logGroup: LOG_GROUP,
      follow: false,
      startTimeMs: Date.now() - 600_000,
      ...(start !== undefined ? { start } : {}),
    });
    const sink = new CollectingSink();
    const stats = await runAudit({
      sources: [source],
      detector: new Detector(DETECTIONS, testContext()),
      repeats: new RepeatLimiter(0),
      sinks: [sink],
      log: SILENT_LOG,
      signal: new AbortController().signal,
    });
    return { auditIDs: sink.alerts.map((alert) => alert.auditID), stats, cursor: source.cursor() };
  }

  it('[S12][moto] audit streams are read, other streams skipped', async () => {
    await put(AUDIT_STREAM, [execMessage('cw-1'), '{"kind": 0}', execMessage('cw-2')]);
    await put(OTHER_STREAM, [execMessage('cw-authenticator')]);

    const first = await poll();
    assert.deepEqual(first.auditIDs, ['cw-1', 'cw-2']);
    assert.equal(first.stats.malformed, 1);
    cursor = first.cursor;
    assert.equal(cursor.eventIds.length, 3);
  });

  it('[S12][moto] saved cursor resumes without repeats', async () => {
    assert.ok(cursor !== undefined);
    await put(AUDIT_STREAM, [execMessage('cw-3')]);

    const second = await poll(cursor);
    assert.deepEqual(second.auditIDs, ['cw-3']);
    assert.equal(second.stats.events, 1);
  });

  it('[S12][moto] failed poll while following is retried', async () => {
    const errors: string[] = [];
    const controller = new AbortController();
    const source = new CloudWatchSource({
      client,
      logGroup: eksLogGroupName('no-such-cluster'),
      follow: true,
      pollIntervalMs: 50,
      onPollError: (error) => {
        errors.push(error.name);
        if (errors.length === 2) controller.abort();
      },
    });
    let batches = 0;
    for await (const batch of source.read(controller.signal)) batches += batch.records.length;
    assert.equal(batches, 0);
    assert.deepEqual(errors, ['ResourceNotFoundException', 'ResourceNotFoundException']);
  });

  it('[S12][moto] kinko audit --cloudwatch-log-group prints JSON alerts', () => {
    const settings = bed.awsClientSettings;
    assert.ok(settings !== undefined);
    const result = spawnSync(
      process.execPath,
      [
        'dist/src/cli/main.js',
        'audit',
        '--cloudwatch-log-group',
        LOG_GROUP,
        '--region',
        settings.region,
        '--endpoint-url',
        settings.endpoint,
        '-o',
        'json',
      ],
      { encoding: 'utf8', env: { ...process.env, ...awsEnvironment() } },
    );
    const auditIDs = result.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as { auditID: string }).auditID);
    assert.deepEqual(auditIDs, ['cw-1', 'cw-2', 'cw-3']);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /KINKO_AUDIT_ALERTS/);
  });
});
