import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import type { V1Pod } from '@kubernetes/client-node';

import { parseDuration } from '../../../src/cli/drain.js';
import { KinkoError } from '../../../src/errors.js';
import { backoffSeconds } from '../../../src/ops/drain/evict.js';
import { instanceIdOf, podHandling } from '../../../src/ops/drain/nodes.js';
import { DrainStateFile } from '../../../src/ops/drain/state.js';

function pod(owner?: string, extra: Partial<V1Pod['metadata']> = {}, phase = 'Running'): V1Pod {
  return {
    metadata: {
      name: 'p',
      namespace: 'n',
      ...(owner !== undefined
        ? {
            ownerReferences: [
              { apiVersion: 'apps/v1', kind: owner, name: 'o', uid: 'u', controller: true },
            ],
          }
        : {}),
      ...extra,
    },
    status: { phase },
  };
}

describe('kinko drain building blocks', () => {
  it('[R6][unit] instance id from providerID', () => {
    assert.equal(instanceIdOf('aws:///ap-northeast-1a/i-0123456789abcdef0'), 'i-0123456789abcdef0');
    assert.equal(instanceIdOf('kwok://node-0'), undefined);
    assert.equal(instanceIdOf(undefined), undefined);
    assert.equal(instanceIdOf('aws:///ap-northeast-1a/i-01/extra'), undefined);
  });

  it('[R6][unit] pod treatment by owner', () => {
    assert.equal(podHandling(pod('ReplicaSet')), 'evict');
    assert.equal(podHandling(pod('StatefulSet')), 'evict');
    assert.equal(podHandling(pod('DaemonSet')), 'daemonset');
    assert.equal(
      podHandling(pod('Node', { annotations: { 'kubernetes.io/config.mirror': 'x' } })),
      'mirror',
    );
    assert.equal(podHandling(pod('ReplicaSet', {}, 'Succeeded')), 'finished');
    assert.equal(podHandling(pod()), 'unmanaged');
  });

  it('[R6][unit] eviction backoff doubles to 10 s', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 9].map(backoffSeconds), [1, 2, 4, 8, 10, 10]);
  });

  it('[R6][unit] state file survives reruns', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinko-drain-state-'));
    try {
      const path = join(dir, 'sub', 'drain.json');
      const first = new DrainStateFile(path, false);
      first.markDone('node-1', 'label');
      first.markDone('node-1', 'cordon');
      first.recordEviction('node-1', {
        pod: 'a/p',
        ownerKind: 'ReplicaSet',
        ownerName: 'o',
        namespace: 'a',
      });
      first.recordEviction('node-1', {
        pod: 'a/p',
        ownerKind: 'ReplicaSet',
        ownerName: 'o',
        namespace: 'a',
      });

      const second = new DrainStateFile(path, false);
      assert.equal(second.isDone('node-1', 'cordon'), true);
      assert.equal(second.isDone('node-1', 'evict'), false);
      assert.equal(second.node('node-1').evicted.length, 1);
      second.forget('node-1');
      assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')), { version: 1, nodes: {} });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('[R6][unit] dry run never writes state', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kinko-drain-state-'));
    try {
      const path = join(dir, 'drain.json');
      writeFileSync(
        path,
        JSON.stringify({ version: 1, nodes: { n: { done: ['label'], evicted: [] } } }),
      );
      const state = new DrainStateFile(path, true);
      assert.equal(state.isDone('n', 'label'), true);
      state.markDone('n', 'cordon');
      assert.deepEqual(JSON.parse(readFileSync(path, 'utf8')).nodes.n.done, ['label']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('[R6][unit] timeout units s, m, h', () => {
    assert.equal(parseDuration('90s'), 90_000);
    assert.equal(parseDuration('10m'), 600_000);
    assert.equal(parseDuration('1h'), 3_600_000);
    assert.equal(parseDuration('45'), 45_000);
    assert.throws(
      () => parseDuration('ten'),
      (error: unknown) =>
        error instanceof KinkoError && error.summary.messageId === 'cli.drain.badTimeout',
    );
  });
});
