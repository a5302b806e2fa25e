import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1Deployment } from '@kubernetes/client-node';

import { buildManifests } from '../../../src/kube/index.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findObject } from '../../support/kube-find.js';

describe('kube topology spread', () => {
  it('[R2][manifest] replicas spread over zones as a hard rule', () => {
    const { files } = buildManifests(kubeFixture());

    const deployment = findObject<V1Deployment>(files, 'Deployment', 'web', 'a');

    const zone = deployment.spec?.template.spec?.topologySpreadConstraints?.find(
      (constraint) => constraint.topologyKey === 'topology.kubernetes.io/zone',
    );
    assert.deepEqual(zone, {
      maxSkew: 1,
      topologyKey: 'topology.kubernetes.io/zone',
      whenUnsatisfiable: 'DoNotSchedule',
      labelSelector: { matchLabels: { 'kinko.dev/system': 'a', 'app.kubernetes.io/name': 'web' } },
      matchLabelKeys: ['pod-template-hash'],
      nodeTaintsPolicy: 'Honor',
    });
  });

  it('[R2][manifest] replicas spread over hosts as a soft rule', () => {
    const { files } = buildManifests(kubeFixture());

    const deployment = findObject<V1Deployment>(files, 'Deployment', 'trade', 'b');

    const host = deployment.spec?.template.spec?.topologySpreadConstraints?.find(
      (constraint) => constraint.topologyKey === 'kubernetes.io/hostname',
    );
    assert.equal(host?.maxSkew, 1);
    assert.equal(host?.whenUnsatisfiable, 'ScheduleAnyway');
    assert.equal(host?.nodeTaintsPolicy, 'Honor');
    assert.deepEqual(host?.labelSelector, {
      matchLabels: { 'kinko.dev/system': 'b', 'app.kubernetes.io/name': 'trade' },
    });
  });

  it('[R2][manifest] spread selector matches the pod labels', () => {
    const { files } = buildManifests(kubeFixture());

    const deployment = findObject<V1Deployment>(files, 'Deployment', 'api', 'a');

    const podLabels = deployment.spec?.template.metadata?.labels ?? {};
    for (const constraint of deployment.spec?.template.spec?.topologySpreadConstraints ?? []) {
      for (const [key, value] of Object.entries(constraint.labelSelector?.matchLabels ?? {})) {
        assert.equal(podLabels[key], value, `${constraint.topologyKey}: ${key}`);
      }
    }
  });

  it('[R2][manifest] no deprecated zone label is used', () => {
    const { files } = buildManifests(kubeFixture());

    const deployment = findObject<V1Deployment>(files, 'Deployment', 'web', 'a');

    const keys = (deployment.spec?.template.spec?.topologySpreadConstraints ?? []).map(
      (constraint) => constraint.topologyKey,
    );
    assert.deepEqual(keys, ['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
  });
});
