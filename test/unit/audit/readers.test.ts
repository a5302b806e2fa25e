import assert from 'node:assert/strict';
import {
  appendFileSync,
  mkdtempSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

import { FileSource, type FilePosition } from '../../../src/audit/readers/file.js';
import type { AuditSource, RawRecord } from '../../../src/audit/readers/source.js';
import { StreamSource } from '../../../src/audit/readers/stream.js';
import {
  decodeSubscriptionPayload,
  subscriptionLineRecords,
} from '../../../src/audit/readers/subscription.js';
import { parseListenAddress, WebhookSource } from '../../../src/audit/readers/webhook.js';

function line(auditID: string): string {
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    auditID,
    stage: 'ResponseComplete',
    requestURI: '/api/v1/pods',
    verb: 'list',
    user: { username: 'alice' },
  });
}

function textOf(record: RawRecord): string {
  return 'text' in record ? record.text : JSON.stringify(record);
}

/** Read `source` in the background, keeping every record and the last position. */
function follow(source: AuditSource) {
  const controller = new AbortController();
  const records: RawRecord[] = [];
  let position: unknown;
  const done = (async () => {
    for await (const batch of source.read(controller.signal)) {
      records.push(...batch.records);
      if (batch.position !== undefined) position = batch.position;
      batch.onProcessed?.();
    }
  })();
  return {
    records,
    position: () => position as FilePosition,
    async until(count: number): Promise<void> {
      while (records.length < count) await new Promise((resolve) => setTimeout(resolve, 10));
    },
    /** Wait for a reader that does not follow to reach the end. */
    async end(): Promise<void> {
      await done;
    },
    async stop(): Promise<void> {
      controller.abort();
      await done;
    },
  };
}

function auditIDs(records: readonly RawRecord[]): string[] {
  return records.map((record) => (JSON.parse(textOf(record)) as { auditID: string }).auditID);
}

describe('file reader', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'kinko-audit-file-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('[S12][unit] reads to the end, last line without newline', async () => {
    const path = join(dir, 'plain.log');
    writeFileSync(path, `${line('1')}\n\n${line('2')}`);
    const reader = follow(new FileSource({ path, follow: false }));
    await reader.end();
    assert.deepEqual(reader.records.map(textOf), [line('1'), '', line('2')]);
    assert.deepEqual(
      reader.records.map((record) => record.line),
      [1, 2, 3],
    );
  });

  it('[S12][unit] follows across rename rotation', async () => {
    const path = join(dir, 'audit.log');
    writeFileSync(path, `${line('1')}\n`);
    const reader = follow(new FileSource({ path, follow: true, pollIntervalMs: 10 }));
    await reader.until(1);

    // Lines written to the old file after the rename are still read, then the new file.
    renameSync(path, join(dir, 'audit-2026-12-04T10-00-00.000.log'));
    appendFileSync(join(dir, 'audit-2026-12-04T10-00-00.000.log'), `${line('2')}\n`);
    writeFileSync(path, `${line('3')}\n`);
    await reader.until(3);
    appendFileSync(path, `${line('4')}\n`);
    await reader.until(4);
    await reader.stop();

    assert.deepEqual(auditIDs(reader.records), ['1', '2', '3', '4']);
    assert.equal(reader.position().offset, 2 * (line('3').length + 1));
  });

  it('[S12][unit] starts over after truncation', async () => {
    const path = join(dir, 'truncated.log');
    writeFileSync(path, `${line('1')}\n${line('2')}\n`);
    const reader = follow(new FileSource({ path, follow: true, pollIntervalMs: 10 }));
    await reader.until(2);
    truncateSync(path, 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    appendFileSync(path, `${line('3')}\n`);
    await reader.until(3);
    await reader.stop();
    assert.deepEqual(auditIDs(reader.records), ['1', '2', '3']);
    assert.equal(reader.records[2]?.line, 1);
  });

  it('[S12][unit] waits for a partial line to complete', async () => {
    const path = join(dir, 'partial.log');
    const text = line('1');
    writeFileSync(path, text.slice(0, 20));
    const reader = follow(new FileSource({ path, follow: true, pollIntervalMs: 10 }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(reader.records.length, 0);
    appendFileSync(path, `${text.slice(20)}\n`);
    await reader.until(1);
    await reader.stop();
    assert.deepEqual(auditIDs(reader.records), ['1']);
  });

  it('[S12][unit] resumes at the checkpointed offset', async () => {
    const path = join(dir, 'resume.log');
    writeFileSync(path, `${line('1')}\n${line('2')}\n`);
    const first = follow(new FileSource({ path, follow: false }));
    await first.end();
    appendFileSync(path, `${line('3')}\n`);

    const second = follow(new FileSource({ path, follow: false, start: first.position() }));
    await second.end();
    assert.deepEqual(auditIDs(second.records), ['3']);
    assert.equal(second.records[0]?.line, 3);
  });

  it('[S12][unit] resumes in the rotated file after a restart', async () => {
    const path = join(dir, 'restart.log');
    writeFileSync(path, `${line('1')}\n`);
    const first = follow(new FileSource({ path, follow: false }));
    await first.end();

    // While Kinko was stopped, the log got a line, was rotated, and a new log began.
    appendFileSync(path, `${line('2')}\n`);
    renameSync(path, join(dir, 'restart-1.log'));
    writeFileSync(path, `${line('3')}\n`);

    const second = follow(new FileSource({ path, follow: false, start: first.position() }));
    await second.end();
    assert.deepEqual(auditIDs(second.records), ['2', '3']);
  });
});

describe('stream reader', () => {
  it('[S12][unit] reads stdin lines split across chunks', async () => {
    const stream = new PassThrough();
    const reader = follow(new StreamSource('stdin', stream, 'stdin'));
    const text = `${line('1')}\r\n${line('2')}\n`;
    stream.write(text.slice(0, 30));
    stream.write(text.slice(30));
    stream.end();
    await reader.until(2);
    await reader.stop();
    assert.deepEqual(auditIDs(reader.records), ['1', '2']);
    assert.deepEqual(
      reader.records.map((record) => record.origin),
      ['stdin', 'stdin'],
    );
  });
});

function subscriptionPayload(messages: string[], messageType = 'DATA_MESSAGE'): string {
  const payload = {
    messageType,
    owner: '111122223333',
    logGroup: '/aws/eks/kinko-demo-main/cluster',
    logStream: 'kube-apiserver-audit-0123',
    subscriptionFilters: ['kinko'],
    logEvents: messages.map((message, index) => ({ id: `e${index}`, timestamp: 0, message })),
  };
  return gzipSync(JSON.stringify(payload)).toString('base64');
}

describe('subscription payload', () => {
  it('[S12][unit] base64 gzip batch decodes to its events', () => {
    const records = decodeSubscriptionPayload(subscriptionPayload([line('1'), line('2')]));
    assert.deepEqual(auditIDs(records), ['1', '2']);
    assert.equal(
      records[0]?.origin,
      '/aws/eks/kinko-demo-main/cluster/kube-apiserver-audit-0123#e0',
    );
  });

  it('[S12][unit] Lambda event shape decodes too', () => {
    const event = JSON.stringify({ awslogs: { data: subscriptionPayload([line('7')]) } });
    assert.deepEqual(auditIDs(decodeSubscriptionPayload(event)), ['7']);
  });

  it('[S12][unit] control message carries no events', () => {
    assert.deepEqual(decodeSubscriptionPayload(subscriptionPayload([], 'CONTROL_MESSAGE')), []);
  });

  it('[S12][unit] undecodable line becomes one invalid record', () => {
    const records = subscriptionLineRecords('bm90IGd6aXA=', 'stdin', 4);
    assert.equal(records.length, 1);
    const [record] = records;
    assert.ok(record !== undefined);
    assert.ok('invalid' in record);
    assert.equal(record.line, 4);
  });
});

describe('webhook reader', () => {
  it('[S12][unit] listen address defaults to loopback', () => {
    assert.deepEqual(parseListenAddress('8443'), { host: '127.0.0.1', port: 8443 });
    assert.deepEqual(parseListenAddress('[::1]:9000'), { host: '::1', port: 9000 });
    assert.equal(parseListenAddress('127.0.0.1:99999'), undefined);
    assert.equal(parseListenAddress('http://x'), undefined);
  });

  it('[S12][unit] EventList batch and subscription payload are taken', async () => {
    const source = new WebhookSource({ host: '127.0.0.1', port: 0 });
    const { port } = await source.listen();
    const reader = follow(source);
    const url = `http://127.0.0.1:${port}/audit`;

    const eventList = {
      kind: 'EventList',
      apiVersion: 'audit.k8s.io/v1',
      metadata: {},
      items: [JSON.parse(line('1')), JSON.parse(line('2'))],
    };
    const first = await fetch(url, { method: 'POST', body: JSON.stringify(eventList) });
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), { accepted: 2 });

    const second = await fetch(url, { method: 'POST', body: subscriptionPayload([line('3')]) });
    assert.equal(second.status, 200);

    const bad = await fetch(url, { method: 'POST', body: 'not a batch' });
    assert.equal(bad.status, 400);

    const wrongMethod = await fetch(url);
    assert.equal(wrongMethod.status, 405);

    await reader.stop();
    const values = reader.records
      .filter((record) => 'value' in record || 'text' in record)
      .map((record) =>
        'value' in record ? (record.value as { auditID: string }).auditID : auditIDs([record])[0],
      );
    assert.deepEqual(values, ['1', '2', '3']);
    assert.equal(reader.records.filter((record) => 'invalid' in record).length, 1);
  });
});
