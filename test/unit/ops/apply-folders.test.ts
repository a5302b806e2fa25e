import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import { KinkoError } from '../../../src/errors.js';
import { clusterManifestDir } from '../../../src/ops/apply/manifest-set.js';

/** Writes a synth-like output: out/k8s/<cluster>/<namespace>/00-x.yaml for each cluster. */
function writeOutput(root: string, clusters: readonly string[]): string {
  const out = join(root, 'out');
  for (const cluster of clusters) {
    for (const namespace of ['a', 'argocd']) {
      const folder = join(out, 'k8s', cluster, namespace);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, '00-namespace.yaml'), 'apiVersion: v1\nkind: Namespace\n');
    }
  }
  return out;
}

function messageIdOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    if (error instanceof KinkoError) return error.summary.messageId;
    throw error;
  }
  return undefined;
}

describe('kinko apply folder choice', () => {
  let root: string;
  let out: string;
  let single: string;

  before(() => {
    root = mkdtempSync(join(tmpdir(), 'kinko-apply-folders-'));
    out = writeOutput(root, ['demo-blue', 'demo-green']);
    single = writeOutput(join(root, 'single'), ['demo-blue']);
  });

  after(() => rmSync(root, { recursive: true, force: true }));

  it('[apply][unit] output folder with --cluster picks that cluster', () => {
    assert.equal(clusterManifestDir(out, 'demo-green'), join(out, 'k8s', 'demo-green'));
  });

  it('[apply][unit] k8s folder with --cluster picks that cluster', () => {
    assert.equal(clusterManifestDir(join(out, 'k8s'), 'demo-blue'), join(out, 'k8s', 'demo-blue'));
  });

  it('[apply][unit] k8s folder with an unknown cluster is rejected', () => {
    const id = messageIdOf(() => clusterManifestDir(join(out, 'k8s'), 'blue'));
    assert.equal(id, 'apply.input.unknownCluster');
  });

  it('[apply][unit] k8s folder of two clusters needs --cluster', () => {
    const id = messageIdOf(() => clusterManifestDir(join(out, 'k8s')));
    assert.equal(id, 'apply.input.chooseCluster');
  });

  it('[apply][unit] k8s folder of one cluster picks it', () => {
    assert.equal(clusterManifestDir(join(single, 'k8s')), join(single, 'k8s', 'demo-blue'));
  });

  it('[apply][unit] cluster folder is applied as it is', () => {
    const cluster = join(out, 'k8s', 'demo-blue');
    assert.equal(clusterManifestDir(cluster), cluster);
  });

  it('[apply][unit] cluster folder with --cluster is rejected', () => {
    const id = messageIdOf(() => clusterManifestDir(join(out, 'k8s', 'demo-blue'), 'demo-blue'));
    assert.equal(id, 'apply.input.clusterOfPlainFolder');
  });
});
