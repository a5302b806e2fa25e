import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1Deployment } from '@kubernetes/client-node';
import { parse } from 'yaml';

import { buildManifests } from '../../../src/kube/index.js';
import type { SecretProviderClass } from '../../../src/kube/secret-provider-class.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { allObjects, findObject } from '../../support/kube-find.js';

describe('kube SecretProviderClass', () => {
  it('[S4][manifest] class maps the system secret through Pod Identity', () => {
    const { files } = buildManifests(kubeFixture());

    const spc = findObject<SecretProviderClass>(files, 'SecretProviderClass', 'a-aws-secrets', 'a');

    assert.equal(spc.apiVersion, 'secrets-store.csi.x-k8s.io/v1');
    assert.equal(spc.spec.provider, 'aws');
    assert.equal(spc.spec.parameters['usePodIdentity'], 'true');
    assert.equal(spc.spec.parameters['region'], 'ap-northeast-1');
    assert.equal(spc.spec.parameters['failoverRegion'], 'ap-northeast-3');
    assert.deepEqual(parse(spc.spec.parameters['objects'] ?? ''), [
      { objectName: 'kinko-demo/a/app', objectType: 'secretsmanager' },
    ]);
  });

  it('[S4][manifest] class has no failover region without DR', () => {
    const platform = { ...kubeFixture(), dr: undefined };
    const { files } = buildManifests(platform);

    const spc = findObject<SecretProviderClass>(files, 'SecretProviderClass', 'b-aws-secrets', 'b');

    assert.equal(spc.spec.parameters['failoverRegion'], undefined);
  });

  it('[S4][manifest] pods mount the secrets volume read-only', () => {
    const { files } = buildManifests(kubeFixture());

    const deployment = findObject<V1Deployment>(files, 'Deployment', 'trade', 'b');

    const podSpec = deployment.spec?.template.spec;
    const volume = podSpec?.volumes?.find((candidate) => candidate.name === 'secrets');
    assert.deepEqual(volume?.csi, {
      driver: 'secrets-store.csi.k8s.io',
      readOnly: true,
      volumeAttributes: { secretProviderClass: 'b-aws-secrets' },
    });
    const mount = podSpec?.containers[0]?.volumeMounts?.find(
      (candidate) => candidate.name === 'secrets',
    );
    assert.deepEqual(mount, { name: 'secrets', mountPath: '/mnt/secrets-store', readOnly: true });
  });

  it('[S4][manifest] system folders contain no Secret', () => {
    const { files } = buildManifests(kubeFixture());

    const systemFiles = files.filter((file) => file.namespace === 'a' || file.namespace === 'b');

    assert.deepEqual(
      allObjects(systemFiles).filter((object) => object.kind === 'Secret'),
      [],
    );
  });
});
