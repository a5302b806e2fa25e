import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { readCheckpoint, writeCheckpoint } from '../../../src/audit/checkpoint.js';
import { DETECTIONS } from '../../../src/audit/detections/index.js';
import { Detector, type Alert } from '../../../src/audit/detector.js';
import { AuditException } from '../../../src/audit/exceptions.js';
import { createLog, SILENT_LOG } from '../../../src/audit/log.js';
import { formatAlertJson, formatAlertText } from '../../../src/audit/output/format.js';
import { RepeatLimiter } from '../../../src/audit/output/repeats.js';
import { WebhookNotifier } from '../../../src/audit/output/webhook-notifier.js';
import { FileSource, type FilePosition } from '../../../src/audit/readers/file.js';
import { runAudit } from '../../../src/audit/run.js';
import { auditEvent, testContext } from './events.js';
import { CollectingSink } from './sinks.js';

function execLine(auditID: string, time: string, stage = 'ResponseComplete'): string {
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Request',
    auditID,
    stage,
    requestURI: '/api/v1/namespaces/a/pods/web-1/exec?command=sh',
    verb: 'create',
    user: { username: 'alice', groups: ['system:authenticated'] },
    sourceIPs: ['192.0.2.10'],
    objectRef: {
      resource: 'pods',
      subresource: 'exec',
      namespace: 'a',
      name: 'web-1',
      apiVersion: 'v1',
    },
    responseStatus: { code: 101 },
    stageTimestamp: time,
    annotations: { 'authorization.k8s.io/decision': 'allow' },
  });
}

describe('audit pipeline', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kinko-audit-run-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  async function run(
    path: string,
    options: {
      repeatWindowSeconds?: number;
      detector?: Detector;
      start?: FilePosition;
      checkpoint?: (positions: Readonly<Record<string, unknown>>) => void;
      log?: ReturnType<typeof createLog>;
    } = {},
  ) {
    const sink = new CollectingSink();
    const stats = await runAudit({
      sources: [
        new FileSource({ path, follow: false, ...(options.start ? { start: options.start } : {}) }),
      ],
      detector: options.detector ?? new Detector(DETECTIONS, testContext()),
      repeats: new RepeatLimiter(options.repeatWindowSeconds ?? 0),
      sinks: [sink],
      log: options.log ?? SILENT_LOG,
      signal: new AbortController().signal,
      ...(options.checkpoint ? { saveCheckpoint: options.checkpoint } : {}),
    });
    return { sink, stats };
  }

  it('[S12][unit] malformed lines are counted, logged with file and line, and skipped', async () => {
    const path = join(dir, 'malformed.log');
    writeFileSync(path, `{"kind": 0}\nnot json\n${execLine('x1', '2026-12-04T10:00:00Z')}\n`);
    const entries: string[] = [];
    const log = createLog({
      level: 'debug',
      format: 'json',
      locale: 'en',
      write: (text) => entries.push(text),
    });

    const { sink, stats } = await run(path, { log });
    assert.equal(stats.malformed, 2);
    assert.equal(stats.events, 1);
    assert.deepEqual(
      sink.alerts.map((alert) => alert.detection),
      ['pod-exec'],
    );
    const logged = entries.map(
      (text) => JSON.parse(text) as { msg: string; origin: string; line: number },
    );
    assert.deepEqual(
      logged.map((entry) => [entry.msg, entry.origin, entry.line]),
      [
        ['audit.log.malformed', path, 1],
        ['audit.log.malformed', path, 2],
      ],
    );
  });

  it('[S12][unit] ResponseStarted and ResponseComplete of one exec alert once', async () => {
    const path = join(dir, 'stages.log');
    writeFileSync(
      path,
      [
        execLine('s1', '2026-12-04T10:00:00Z', 'ResponseStarted'),
        execLine('s1', '2026-12-04T10:00:05Z'),
        execLine('s1', '2026-12-04T10:00:05Z'),
      ].join('\n'),
    );
    const { sink, stats } = await run(path);
    assert.equal(sink.alerts.length, 1);
    assert.equal(sink.alerts[0]?.stage, 'ResponseStarted');
    assert.equal(stats.duplicates, 1);
  });

  it('[S12][unit] repeats within the window are counted and summarised', async () => {
    const path = join(dir, 'repeats.log');
    const times = ['10:00:00', '10:00:10', '10:00:20', '10:02:00'];
    writeFileSync(
      path,
      times.map((time, i) => execLine(`r${i}`, `2026-12-04T${time}Z`)).join('\n'),
    );
    const { sink, stats } = await run(path, { repeatWindowSeconds: 60 });

    assert.deepEqual(
      sink.alerts.map((alert) => alert.auditID),
      ['r0', 'r3'],
    );
    assert.equal(stats.repeats, 2);
    assert.deepEqual(sink.summaries, [
      {
        detection: 'pod-exec',
        user: 'alice',
        target: 'a/pods/exec/web-1',
        suppressed: 2,
        firstTime: '2026-12-04T10:00:00Z',
        lastTime: '2026-12-04T10:00:20Z',
      },
    ]);
  });

  it('[S12][unit] exception covers its user only', async () => {
    const path = join(dir, 'exception.log');
    const other = execLine('e2', '2026-12-04T10:00:01Z').replace('"alice"', '"bob"');
    writeFileSync(path, `${execLine('e1', '2026-12-04T10:00:00Z')}\n${other}\n`);
    const exception = new AuditException({
      detection: 'pod-exec',
      users: ['alice'],
      groups: [],
      namespaces: ['a'],
      names: [],
      sourceRanges: ['192.0.2.0/24'],
      reason: 'break-glass runbook RB-12',
    });
    const detector = new Detector(DETECTIONS, testContext(), [exception]);
    const { sink, stats } = await run(path, { detector });
    assert.deepEqual(
      sink.alerts.map((alert) => alert.user),
      ['bob'],
    );
    assert.equal(stats.excepted, 1);
  });

  it('[S12][unit] restart from the checkpoint reports nothing twice', async () => {
    const path = join(dir, 'checkpoint.log');
    const checkpointFile = join(dir, 'checkpoint.json');
    writeFileSync(path, `${execLine('c1', '2026-12-04T10:00:00Z')}\n`);

    const firstDetector = new Detector(DETECTIONS, testContext());
    const first = await run(path, {
      detector: firstDetector,
      checkpoint: (positions) => writeCheckpoint(checkpointFile, positions, firstDetector.state()),
    });
    assert.deepEqual(
      first.sink.alerts.map((alert) => alert.auditID),
      ['c1'],
    );

    appendFileSync(path, `${execLine('c2', '2026-12-04T10:00:01Z')}\n`);
    const saved = readCheckpoint(checkpointFile);
    assert.ok(saved !== undefined);
    const source = new FileSource({ path, follow: false });
    const start = saved.sources[source.key] as FilePosition;
    assert.equal(start.offset, execLine('c1', '2026-12-04T10:00:00Z').length + 1);

    const secondDetector = new Detector(DETECTIONS, testContext());
    secondDetector.restore(saved.detector);
    const second = await run(path, { detector: secondDetector, start });
    assert.deepEqual(
      second.sink.alerts.map((alert) => alert.auditID),
      ['c2'],
    );

    // Replaying the whole file with the restored state raises nothing either.
    const replay = await run(path, { detector: secondDetector });
    assert.deepEqual(replay.sink.alerts, []);
    assert.equal(replay.stats.duplicates, 2);
  });
});

describe('alert output', () => {
  const alert: Alert = (() => {
    const detector = new Detector(DETECTIONS, testContext());
    const [first] = detector.detect(
      auditEvent({
        auditID: 'f1',
        verb: 'get',
        user: 'alice',
        groups: ['a:admins'],
        resource: 'secrets',
        namespace: 'b',
        name: 'db password',
        code: 403,
        decision: 'forbid',
      }),
    );
    if (first === undefined) throw new Error('no alert');
    return first;
  })();

  it('[S6][unit] text line has the sentence and key=value fields', () => {
    assert.equal(
      formatAlertText(alert, 'en'),
      '2026-12-04T10:00:00.000000Z CRITICAL cross-system-secret: Access to another system\'s Secrets user=alice verb=get resource=secrets namespace=b name="db password" sourceIP=192.0.2.10 code=403 fromSystem=a toSystem=b practice=S6 tactic="Credential Access" auditID=f1',
    );
  });

  it('[S6][unit] Japanese text line', () => {
    assert.match(
      formatAlertText(alert, 'ja'),
      /CRITICAL cross-system-secret: 他システムの Secret へのアクセス user=alice/,
    );
  });

  it('[S6][unit] JSON line is one object with every field', () => {
    assert.deepEqual(JSON.parse(formatAlertJson(alert, 'en')), {
      type: 'alert',
      detection: 'cross-system-secret',
      severity: 'critical',
      practice: 'S6',
      tactic: 'Credential Access',
      tacticId: 'TA0006',
      time: '2026-12-04T10:00:00.000000Z',
      auditID: 'f1',
      stage: 'ResponseComplete',
      user: 'alice',
      verb: 'get',
      resource: 'secrets',
      namespace: 'b',
      name: 'db password',
      sourceIP: '192.0.2.10',
      code: 403,
      decision: 'forbid',
      fields: { fromSystem: 'a', toSystem: 'b' },
      title: "Access to another system's Secrets",
    });
  });

  it('[S12][unit] webhook notifier posts Slack-compatible JSON', async () => {
    const bodies: unknown[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        bodies.push({
          method: request.method,
          type: request.headers['content-type'],
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
        });
        response.end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const notifier = new WebhookNotifier(`http://127.0.0.1:${port}/hook`, 'en', SILENT_LOG);
    notifier.alert(alert);
    await notifier.close();
    server.close();

    assert.deepEqual(bodies, [
      { method: 'POST', type: 'application/json', body: { text: formatAlertText(alert, 'en') } },
    ]);
    assert.equal(notifier.sent, 1);
  });
});
