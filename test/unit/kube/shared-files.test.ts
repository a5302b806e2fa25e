import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type {
  V1Deployment,
  V1PersistentVolume,
  V1PersistentVolumeClaim,
} from '@kubernetes/client-node';

import { buildManifests } from '../../../src/kube/index.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { allObjects, findFile, findObject } from '../../support/kube-find.js';

describe('kube shared files', () => {
  it('[R5][manifest] volume mounts the bucket prefix through Mountpoint', () => {
    const { files } = buildManifests(kubeFixture());

    const volume = findObject<V1PersistentVolume>(
      files,
      'PersistentVolume',
      'kinko-demo-a-shared-files',
    );

    assert.deepEqual(volume.spec, {
      capacity: { storage: '1Ti' },
      accessModes: ['ReadWriteMany'],
      persistentVolumeReclaimPolicy: 'Retain',
      storageClassName: '',
      claimRef: { namespace: 'a', name: 'shared-files' },
      mountOptions: [
        'prefix shared/',
        'region ap-northeast-1',
        'uid=10001',
        'gid=10001',
        'allow-other',
      ],
      csi: {
        driver: 's3.csi.aws.com',
        volumeHandle: 'kinko-demo-a-shared-files',
        volumeAttributes: {
          bucketName: 'kinko-demo-a-111122223333-ap-northeast-1',
          authenticationSource: 'pod',
        },
      },
    });
  });

  it('[R5][manifest] claim binds the volume by name', () => {
    const { files } = buildManifests(kubeFixture());

    const claim = findObject<V1PersistentVolumeClaim>(
      files,
      'PersistentVolumeClaim',
      'shared-files',
      'a',
    );

    assert.deepEqual(claim.spec, {
      accessModes: ['ReadWriteMany'],
      storageClassName: '',
      volumeName: 'kinko-demo-a-shared-files',
      resources: { requests: { storage: '1Ti' } },
    });
  });

  it('[R5][manifest] every app of the system mounts the shared files', () => {
    const { files } = buildManifests(kubeFixture());

    for (const app of ['web', 'api']) {
      const podSpec = findObject<V1Deployment>(files, 'Deployment', app, 'a').spec?.template.spec;
      assert.deepEqual(
        podSpec?.volumes?.find((volume) => volume.name === 'shared-files'),
        { name: 'shared-files', persistentVolumeClaim: { claimName: 'shared-files' } },
        app,
      );
      assert.deepEqual(
        podSpec?.containers[0]?.volumeMounts?.find((mount) => mount.name === 'shared-files'),
        { name: 'shared-files', mountPath: '/mnt/shared' },
        app,
      );
    }
  });

  it('[R5][manifest] claim file comes before the app files', () => {
    const { files } = buildManifests(kubeFixture());

    const names = files.filter((file) => file.namespace === 'a').map((file) => file.fileName);

    assert.ok(names.indexOf('35-shared-files.yaml') < names.indexOf('40-api.yaml'));
    assert.ok(names.indexOf('35-shared-files.yaml') < names.indexOf('40-web.yaml'));
  });

  it('[R5][manifest] system without shared files gets no volume', () => {
    const { files } = buildManifests(kubeFixture());

    const systemB = files.filter((file) => file.namespace === 'b');

    assert.ok(!systemB.some((file) => file.fileName === '35-shared-files.yaml'));
    const kinds = allObjects(systemB).map((object) => object.kind);
    assert.ok(!kinds.includes('PersistentVolume'));
    assert.ok(!kinds.includes('PersistentVolumeClaim'));
    const podSpec = findObject<V1Deployment>(files, 'Deployment', 'trade', 'b').spec?.template.spec;
    assert.deepEqual(
      podSpec?.volumes?.map((volume) => volume.name),
      ['tmp', 'secrets'],
    );
    assert.equal(findFile(files, 'b', '40-trade.yaml').objects.length, 3);
  });
});
