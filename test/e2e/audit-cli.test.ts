/**
 * The `kinko audit` command as a process: exit codes, output formats and files, stdin, the
 * subscription-payload input, the chat webhook, and a clean stop on SIGINT while following.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';

import { DETECTIONS } from '../../src/audit/detections/index.js';

const CLI = 'dist/src/cli/main.js';
const CORPUS = '../shared/corpora/audit/falco-fixtures';

function kinko(args: string[], input?: string) {
  return spawnSync(process.execPath, [CLI, 'audit', ...args], {
    encoding: 'utf8',
    ...(input !== undefined ? { input } : {}),
  });
}

function jsonLines(text: string): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('kinko audit command', () => {
  let work: string;
  before(() => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-audit-cli-'));
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('[S12][cli] alerts found exit 1 with one JSON object per alert', () => {
    const result = kinko(['-o', 'json', `${CORPUS}/exec_pod.json`]);
    assert.equal(result.status, 1);
    const alerts = jsonLines(result.stdout);
    assert.deepEqual(
      alerts.map((alert) => [alert.type, alert.detection, alert.name]),
      [['alert', 'pod-exec', 'nginx-deployment-7998647bdf-phvq7']],
    );
    assert.match(result.stderr, /error KINKO_AUDIT_ALERTS: kinko audit reported 1 alert\(s\)\./);
  });

  it('[S12][cli] no alert exits 0 with no output', () => {
    const result = kinko([`${CORPUS}/create_configmap.json`]);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, '');
  });

  it('[S12][cli] malformed line alone exits 0', () => {
    const result = kinko([
      '--log-format',
      'json',
      '--log-level',
      'debug',
      `${CORPUS}/fal_01_003.json`,
    ]);
    assert.equal(result.status, 0);
    const malformed = jsonLines(result.stderr).filter(
      (entry) => entry.msg === 'audit.log.malformed',
    );
    assert.equal(malformed.length, 1);
    assert.equal(malformed[0]?.line, 1);
  });

  it('[S12][cli] stdin and --output FILE in text', () => {
    const output = join(work, 'alerts.txt');
    const input = readFileSync(`${CORPUS}/attach_cluster_admin_role.json`, 'utf8');
    const result = kinko(['--output', output, '-'], input);
    assert.equal(result.status, 1);
    assert.equal(result.stdout, '');
    assert.match(
      readFileSync(output, 'utf8'),
      /^2018-10-26T14:26:34\.242498Z CRITICAL binding-cluster-admin: Binding to cluster-admin user=minikube-user verb=create resource=clusterrolebindings name=some-reader-binding sourceIP=192\.168\.99\.1 code=201 roleRef=cluster-admin subjects=User:minikube practice=S12 tactic="Privilege Escalation" auditID=c97244c7-4aec-4714-946a-8204d00ecdca\n$/,
    );
  });

  it('[S12][cli] subscription payloads on stdin', () => {
    const payload = {
      messageType: 'DATA_MESSAGE',
      logGroup: '/aws/eks/kinko-demo-blue/cluster',
      logStream: 'kube-apiserver-audit-0123',
      logEvents: [
        {
          id: '1',
          timestamp: 0,
          message: readFileSync(`${CORPUS}/attach_pod.json`, 'utf8').trim(),
        },
      ],
    };
    const line = gzipSync(JSON.stringify(payload)).toString('base64');
    const result = kinko(['--input-format', 'subscription', '-o', 'json', '-'], `${line}\n`);
    assert.equal(result.status, 1);
    assert.deepEqual(
      jsonLines(result.stdout).map((alert) => alert.detection),
      ['pod-exec'],
    );
  });

  it('[S12][cli] --list prints every detection', () => {
    const result = kinko(['--list']);
    assert.equal(result.status, 0);
    const ids = result.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split('\t')[0]);
    assert.deepEqual(
      ids,
      DETECTIONS.map((detection) => detection.id),
    );
  });

  it('[S12][cli] missing file is a usage error', () => {
    const result = kinko([join(work, 'no-such.log')]);
    // A path on the command line that does not exist is a usage error, exit 2 as in every command.
    assert.equal(result.status, 2);
    assert.match(result.stderr, /error KINKO_AUDIT_USAGE: audit log not found/);
  });

  it('[S12][cli] unknown detection in audit.exceptions is rejected', () => {
    const config = join(work, 'platform.yaml');
    const example = readFileSync('examples/platform.yaml', 'utf8');
    writeFileSync(
      config,
      `${example}\naudit:\n  exceptions:\n    - detection: pod-shell\n      reason: break-glass runbook RB-12\n`,
    );
    const result = kinko(['--config', config, `${CORPUS}/exec_pod.json`]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /audit\.exceptions\[0\]\.detection: unknown detection pod-shell/);
  });

  it('[S12][cli] --webhook-url posts each alert', async () => {
    const posted: { text: string }[] = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        posted.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text: string });
        response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;

    const child = spawn(process.execPath, [
      CLI,
      'audit',
      '--webhook-url',
      `http://127.0.0.1:${port}/slack`,
      `${CORPUS}/create_nginx_pod_privileged.json`,
    ]);
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    server.close();

    assert.equal(status, 1);
    assert.equal(posted.length, 1);
    assert.match(
      posted[0]?.text ?? '',
      /CRITICAL pod-privileged: Privileged pod user=system:serviceaccount:kube-system:replicaset-controller/,
    );
  });

  it('[S12][cli] --listen takes an EventList batch', async (context) => {
    const child = spawn(process.execPath, [
      CLI,
      'audit',
      '--listen',
      '127.0.0.1:0',
      '--log-format',
      'json',
      '-o',
      'json',
    ]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    // A failed assertion must not leave the listener running, or the test run never ends.
    context.after(() => child.kill('SIGKILL'));
    let port: number | undefined;
    while (port === undefined && child.exitCode === null) {
      const listening = jsonLines(stderr.slice(0, stderr.lastIndexOf('\n') + 1)).find(
        (entry) => entry.msg === 'audit.log.listening',
      );
      port = listening?.port as number | undefined;
      if (port === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }

    const batch = {
      kind: 'EventList',
      apiVersion: 'audit.k8s.io/v1',
      items: [JSON.parse(readFileSync(`${CORPUS}/attach_pod.json`, 'utf8')) as unknown],
    };
    const response = await fetch(`http://127.0.0.1:${port}/audit`, {
      method: 'POST',
      body: JSON.stringify(batch),
    });
    child.kill('SIGTERM');
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    assert.equal(response.status, 200);
    assert.equal(status, 0);
    assert.deepEqual(
      jsonLines(stdout).map((alert) => [alert.detection, alert.auditID]),
      [['pod-exec', '14933b4e-7b09-4964-af09-b7987367e1ba']],
    );
  });

  it('[S12][cli] SIGINT while following saves the checkpoint and exits 0', async (context) => {
    const log = join(work, 'follow.log');
    const checkpoint = join(work, 'follow.checkpoint.json');
    writeFileSync(log, readFileSync(`${CORPUS}/exec_pod.json`, 'utf8'));

    const child = spawn(process.execPath, [
      CLI,
      'audit',
      '--follow',
      '--checkpoint',
      checkpoint,
      '-o',
      'json',
      log,
    ]);
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    context.after(() => child.kill('SIGKILL'));
    while (!stdout.includes('\n') && child.exitCode === null) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));

    assert.equal(status, 0);
    const saved = JSON.parse(readFileSync(checkpoint, 'utf8')) as {
      sources: Record<string, { offset: number }>;
      detector: { reported: string[] };
    };
    const position = Object.values(saved.sources)[0];
    assert.equal(position?.offset, readFileSync(log).length);
    assert.deepEqual(saved.detector.reported, ['ca1ed9f4-7bf4-4c85-81a8-1b11253d1ba6/pod-exec']);
  });
});
