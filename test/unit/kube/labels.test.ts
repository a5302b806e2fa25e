import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { buildManifests } from '../../../src/kube/index.js';
import { kubeFixture } from '../../support/kube-fixture.js';

describe('kube labels', () => {
  it('[manifest] every object is managed by kinko and part of the platform', () => {
    const { files } = buildManifests(kubeFixture());

    for (const file of files) {
      for (const object of file.objects) {
        const labels = object.metadata.labels ?? {};
        const where = `${file.namespace}/${file.fileName} ${object.kind}/${object.metadata.name}`;
        assert.equal(labels['app.kubernetes.io/managed-by'], 'kinko', where);
        assert.equal(labels['app.kubernetes.io/part-of'], 'kinko-demo', where);
      }
    }
  });

  it('[manifest] every system object carries its system label', () => {
    const { files } = buildManifests(kubeFixture());

    for (const file of files.filter((candidate) => ['a', 'b'].includes(candidate.namespace))) {
      for (const object of file.objects) {
        assert.equal(
          object.metadata.labels?.['kinko.dev/system'],
          file.namespace,
          `${file.fileName} ${object.kind}/${object.metadata.name}`,
        );
      }
    }
  });

  it('[manifest] files go to the cluster and namespace folders', () => {
    const { files } = buildManifests(kubeFixture());

    const folders = [...new Set(files.map((file) => `${file.cluster}/${file.namespace}`))];

    assert.deepEqual(folders, ['main/a', 'main/argocd', 'main/b', 'main/nginx-ingress']);
  });

  it('[manifest] namespaced objects live in their folder namespace', () => {
    const { files } = buildManifests(kubeFixture());

    for (const file of files) {
      for (const object of file.objects) {
        if (object.metadata.namespace === undefined) continue;
        assert.equal(object.metadata.namespace, file.namespace, `${file.fileName} ${object.kind}`);
      }
    }
  });
});
