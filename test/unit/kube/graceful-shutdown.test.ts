import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1Deployment, V1PodDisruptionBudget } from '@kubernetes/client-node';

import { buildManifests, ManifestBuildError } from '../../../src/kube/index.js';
import type { ResolvedPlatform } from '../../../src/model/platform.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findObject } from '../../support/kube-find.js';

/** The fixture with the first app of system `b` changed by `change`. */
function withTradeApp(change: Record<string, unknown>): ResolvedPlatform {
  const platform = kubeFixture();
  const [systemA, systemB] = platform.systems;
  assert.ok(systemA);
  assert.ok(systemB);
  const [trade] = systemB.apps;
  assert.ok(trade);
  return {
    ...platform,
    systems: [systemA, { ...systemB, apps: [{ ...trade, ...change }] }],
  };
}

describe('kube graceful shutdown', () => {
  it('[R6][manifest] grace period is an integer above the preStop sleep', () => {
    const { files } = buildManifests(kubeFixture());

    const deployment = findObject<V1Deployment>(files, 'Deployment', 'web', 'a');

    const podSpec = deployment.spec?.template.spec;
    const sleepSeconds = podSpec?.containers[0]?.lifecycle?.preStop?.sleep?.seconds;
    assert.equal(podSpec?.terminationGracePeriodSeconds, 180);
    assert.equal(sleepSeconds, 160);
    assert.ok(Number.isInteger(podSpec?.terminationGracePeriodSeconds));
  });

  it('[R6][manifest] preStop uses the sleep action, not exec', () => {
    const { files } = buildManifests(kubeFixture());

    const deployment = findObject<V1Deployment>(files, 'Deployment', 'trade', 'b');

    assert.deepEqual(deployment.spec?.template.spec?.containers[0]?.lifecycle, {
      preStop: { sleep: { seconds: 160 } },
    });
  });

  it('[R6][manifest] budget lets a drain evict one replica at a time', () => {
    const { files } = buildManifests(kubeFixture());

    const budget = findObject<V1PodDisruptionBudget>(files, 'PodDisruptionBudget', 'api', 'a');

    assert.deepEqual(budget.spec, {
      maxUnavailable: 1,
      selector: { matchLabels: { 'kinko.dev/system': 'a', 'app.kubernetes.io/name': 'api' } },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    });
  });

  it('[R6][manifest] sleep equal to grace period is rejected', () => {
    const platform = withTradeApp({ preStopSleepSeconds: 180, terminationGracePeriodSeconds: 180 });

    assert.throws(
      () => buildManifests(platform),
      (error: unknown) =>
        error instanceof ManifestBuildError &&
        error.code === 'KUBE_GRACE_PERIOD_NOT_ABOVE_PRESTOP' &&
        error.message.includes('b/trade') &&
        error.message.includes('(180 s)'),
    );
  });

  it('[R6][manifest] fractional grace period is rejected', () => {
    const platform = withTradeApp({ terminationGracePeriodSeconds: 180.5 });

    assert.throws(
      () => buildManifests(platform),
      (error: unknown) =>
        error instanceof ManifestBuildError && error.code === 'KUBE_GRACE_PERIOD_NOT_ABOVE_PRESTOP',
    );
  });

  it('[R6][manifest] single replica under an exception keeps its budget', () => {
    const platform = withTradeApp({ replicas: 1 });

    const files = buildManifests(platform).files;
    const budgets = files
      .flatMap((file) => file.objects)
      .filter(
        (object) => object.kind === 'PodDisruptionBudget' && object.metadata?.name === 'trade',
      );
    assert.equal(budgets.length, 1);
  });

  it('[R6][manifest] zero replicas is rejected', () => {
    const platform = withTradeApp({ replicas: 0 });

    assert.throws(
      () => buildManifests(platform),
      (error: unknown) =>
        error instanceof ManifestBuildError &&
        error.code === 'KUBE_REPLICAS_BELOW_ONE' &&
        error.message.includes('replicas is 0'),
    );
  });
});
