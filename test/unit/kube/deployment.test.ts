import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1Container, V1Deployment, V1PodSpec } from '@kubernetes/client-node';

import { buildManifests } from '../../../src/kube/index.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findFile, findObject } from '../../support/kube-find.js';

function podSpecOf(app: string, namespace: string): V1PodSpec {
  const { files } = buildManifests(kubeFixture());
  const deployment = findObject<V1Deployment>(files, 'Deployment', app, namespace);
  const podSpec = deployment.spec?.template.spec;
  assert.ok(podSpec);
  return podSpec;
}

function containerOf(app: string, namespace: string): V1Container {
  const container = podSpecOf(app, namespace).containers[0];
  assert.ok(container);
  return container;
}

describe('kube Deployment', () => {
  it('[S1][manifest] container drops all capabilities', () => {
    const container = containerOf('web', 'a');

    assert.deepEqual(container.securityContext?.capabilities, { drop: ['ALL'] });
  });

  it('[S1][manifest] container security context is non-root and unprivileged', () => {
    const container = containerOf('trade', 'b');

    assert.deepEqual(container.securityContext, {
      runAsNonRoot: true,
      runAsUser: 10002,
      runAsGroup: 10002,
      allowPrivilegeEscalation: false,
      privileged: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('[S1][manifest] pod security context sets user, group and seccomp', () => {
    const podSpec = podSpecOf('api', 'a');

    assert.deepEqual(podSpec.securityContext, {
      runAsNonRoot: true,
      runAsUser: 10001,
      runAsGroup: 10001,
      fsGroup: 10001,
      seccompProfile: { type: 'RuntimeDefault' },
    });
  });

  it('[S1][manifest] read-only root keeps a writable /tmp', () => {
    const podSpec = podSpecOf('web', 'a');

    assert.deepEqual(
      podSpec.volumes?.find((volume) => volume.name === 'tmp'),
      { name: 'tmp', emptyDir: { sizeLimit: '64Mi' } },
    );
    assert.deepEqual(
      podSpec.containers[0]?.volumeMounts?.find((mount) => mount.name === 'tmp'),
      { name: 'tmp', mountPath: '/tmp' },
    );
  });

  it('[S7][manifest] pod disables service links and token mount', () => {
    const podSpec = podSpecOf('web', 'a');

    assert.equal(podSpec.enableServiceLinks, false);
    assert.equal(podSpec.automountServiceAccountToken, false);
  });

  it('[manifest] container takes image, port and resources from the model', () => {
    const container = containerOf('web', 'a');

    assert.equal(
      container.image,
      '111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/kinko-demo/a/web:1.4.2',
    );
    assert.deepEqual(container.ports, [{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    assert.deepEqual(container.resources, {
      requests: { cpu: '500m', memory: '512Mi' },
      limits: { memory: '512Mi' },
    });
  });

  it('[manifest] probes check the health path on the app port', () => {
    const container = containerOf('api', 'a');

    const httpGet = { path: '/healthz', port: 'http' };
    assert.deepEqual(container.startupProbe, {
      httpGet,
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 30,
    });
    assert.deepEqual(container.readinessProbe, {
      httpGet,
      periodSeconds: 5,
      timeoutSeconds: 2,
      failureThreshold: 3,
    });
    assert.deepEqual(container.livenessProbe, {
      httpGet,
      periodSeconds: 10,
      timeoutSeconds: 2,
      failureThreshold: 3,
    });
  });

  it('[manifest] rollout never lowers ready capacity', () => {
    const { files } = buildManifests(kubeFixture());

    const deployment = findObject<V1Deployment>(files, 'Deployment', 'trade', 'b');

    assert.equal(deployment.spec?.replicas, 3);
    assert.deepEqual(deployment.spec?.strategy, {
      type: 'RollingUpdate',
      rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
    });
  });

  it('[manifest] app file holds Deployment, Service and budget', () => {
    const { files } = buildManifests(kubeFixture());

    const file = findFile(files, 'a', '40-web.yaml');

    assert.deepEqual(
      file.objects.map((object) => object.kind),
      ['Deployment', 'Service', 'PodDisruptionBudget'],
    );
  });
});
