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
        // The Argo CD capability reads argocd-cm only when it is labelled part of argocd.
        const partOf = object.metadata.name === 'argocd-cm' ? 'argocd' : 'kinko-demo';
        assert.equal(labels['app.kubernetes.io/part-of'], partOf, where);
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

    assert.deepEqual(folders, [
      'main/a',
      'main/argocd',
      'main/b',
      'main/istio-system',
      'main/kinko-guard',
      'main/nginx-ingress',
    ]);
  });

  it('[manifest] namespaced objects live in their folder namespace', () => {
    const { files } = buildManifests(kubeFixture());

    for (const file of files) {
      // The Argo CD capability's Roles stay in argocd/, which Argo CD does not sync, so that
      // no change in git can widen its own rights.
      if (file.namespace === 'argocd' && file.fileName === '05-capability-rbac.yaml') continue;
      for (const object of file.objects) {
        if (object.metadata.namespace === undefined) continue;
        assert.equal(object.metadata.namespace, file.namespace, `${file.fileName} ${object.kind}`);
      }
    }
  });
});
