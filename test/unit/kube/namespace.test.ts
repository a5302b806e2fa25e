import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1Namespace } from '@kubernetes/client-node';

import { buildManifests } from '../../../src/kube/index.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findFile, findObject } from '../../support/kube-find.js';

const EXPECTED_PSA_LABELS = {
  'pod-security.kubernetes.io/enforce': 'restricted',
  'pod-security.kubernetes.io/enforce-version': 'latest',
  'pod-security.kubernetes.io/audit': 'restricted',
  'pod-security.kubernetes.io/audit-version': 'latest',
  'pod-security.kubernetes.io/warn': 'restricted',
  'pod-security.kubernetes.io/warn-version': 'latest',
};

describe('kube namespaces', () => {
  it('[S6][manifest] every system gets its own namespace file', () => {
    const { files } = buildManifests(kubeFixture());

    for (const namespace of ['a', 'b']) {
      const file = findFile(files, namespace, '00-namespace.yaml');
      assert.equal(file.objects.length, 1);
      assert.equal(file.objects[0]?.kind, 'Namespace');
      assert.equal(file.objects[0]?.metadata.name, namespace);
    }
  });

  it('[S2][manifest] system namespaces enforce restricted pod security', () => {
    const { files } = buildManifests(kubeFixture());

    for (const name of ['a', 'b']) {
      const namespace = findObject<V1Namespace>(files, 'Namespace', name);
      const labels = namespace.metadata.labels ?? {};
      for (const [key, value] of Object.entries(EXPECTED_PSA_LABELS)) {
        assert.equal(labels[key], value, `${name}: ${key}`);
      }
    }
  });

  it('[S2][manifest] ingress controller namespace enforces restricted pod security', () => {
    const { files } = buildManifests(kubeFixture());

    const namespace = findObject<V1Namespace>(files, 'Namespace', 'nginx-ingress');

    const labels = namespace.metadata.labels ?? {};
    for (const [key, value] of Object.entries(EXPECTED_PSA_LABELS)) {
      assert.equal(labels[key], value, key);
    }
    assert.equal(findFile(files, 'nginx-ingress', '00-namespace.yaml').objects.length, 1);
  });
});
