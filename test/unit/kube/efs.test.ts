import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type {
  V1Deployment,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
} from '@kubernetes/client-node';

import { buildManifests } from '../../../src/kube/index.js';
import type { ResolvedEfs } from '../../../src/model/data-stores.js';
import type { ResolvedPlatform } from '../../../src/model/platform.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { allObjects, findObject } from '../../support/kube-find.js';

const EFS: ResolvedEfs = {
  mountPath: '/mnt/efs',
  throughputMode: 'elastic',
  fileSystemName: 'kinko-demo-a',
  posixUser: { uid: 10001, gid: 10001 },
  rootDirectory: '/a',
  persistentVolumeName: 'kinko-demo-a-efs',
  persistentVolumeClaimName: 'efs',
};

/** The kube fixture with an EFS file system on system `a`, with or without its ids. */
function withEfs(efs: ResolvedEfs): ResolvedPlatform {
  const platform = kubeFixture();
  return {
    ...platform,
    systems: platform.systems.map((system) => (system.name === 'a' ? { ...system, efs } : system)),
  };
}

const WITH_IDS: ResolvedEfs = {
  ...EFS,
  volumeHandle: 'fs-0123456789abcdef0::fsap-0123456789abcdef0',
};

describe('kube EFS volume', () => {
  it('[R5][manifest] volume mounts the access point over TLS', () => {
    const { files } = buildManifests(withEfs(WITH_IDS));

    const volume = findObject<V1PersistentVolume>(files, 'PersistentVolume', 'kinko-demo-a-efs');

    assert.deepEqual(volume.spec, {
      capacity: { storage: '1Ti' },
      accessModes: ['ReadWriteMany'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      claimRef: { namespace: 'a', name: 'efs' },
      mountOptions: ['tls', 'iam'],
      csi: {
        driver: 'efs.csi.aws.com',
        volumeHandle: 'fs-0123456789abcdef0::fsap-0123456789abcdef0',
      },
    });
  });

  it('[R5][manifest] claim binds the volume by name', () => {
    const { files } = buildManifests(withEfs(WITH_IDS));

    const claim = findObject<V1PersistentVolumeClaim>(files, 'PersistentVolumeClaim', 'efs', 'a');

    assert.equal(claim.spec?.volumeName, 'kinko-demo-a-efs');
    assert.equal(claim.spec?.storageClassName, '');
    assert.deepEqual(claim.spec?.accessModes, ['ReadWriteMany']);
  });

  it('[R5][manifest] every app of the system mounts it', () => {
    const { files } = buildManifests(withEfs(WITH_IDS));
    const deployments = allObjects(files)
      .filter((object) => object.kind === 'Deployment' && object.metadata.namespace === 'a')
      .map((object) => object as unknown as V1Deployment);

    assert.ok(deployments.length > 0);
    for (const deployment of deployments) {
      const pod = deployment.spec?.template.spec;
      assert.deepEqual(
        pod?.volumes?.find((volume) => volume.name === 'efs'),
        { name: 'efs', persistentVolumeClaim: { claimName: 'efs' } },
        deployment.metadata?.name,
      );
      for (const container of pod?.containers ?? []) {
        assert.deepEqual(
          container.volumeMounts?.find((mount) => mount.name === 'efs'),
          { name: 'efs', mountPath: '/mnt/efs' },
          container.name,
        );
      }
    }
  });

  it('[R5][manifest] without ids nothing mounts EFS', () => {
    const { files } = buildManifests(withEfs(EFS));
    const objects = allObjects(files);

    assert.equal(
      objects.filter(
        (object) =>
          object.kind === 'PersistentVolume' && object.metadata?.name === 'kinko-demo-a-efs',
      ).length,
      0,
    );
    for (const object of objects.filter((candidate) => candidate.kind === 'Deployment')) {
      const pod = (object as unknown as V1Deployment).spec?.template.spec;
      assert.equal(
        pod?.volumes?.some((volume) => volume.name === 'efs'),
        false,
      );
    }
  });
});
