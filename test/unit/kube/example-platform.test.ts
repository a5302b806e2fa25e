import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

import { loadPlatformConfig } from '../../../src/config/load.js';
import { buildManifests, manifestFilePath } from '../../../src/kube/index.js';
import { resolvePlatform } from '../../../src/model/resolve.js';

// Compiled to dist/test/unit/kube/, four folders below the repository root.
const EXAMPLE = fileURLToPath(new URL('../../../../examples/platform.yaml', import.meta.url));

describe('kube manifests of the example platform', () => {
  it('[manifest] example platform builds every expected file', () => {
    const platform = resolvePlatform(loadPlatformConfig(EXAMPLE));

    const { files } = buildManifests(platform);

    const cluster = platform.clusters[0]?.name;
    assert.ok(cluster);
    // The example declares blue and green; each cluster gets the same set of files.
    const perCluster = platform.clusters.map((c) =>
      files
        .filter((file) => file.cluster === c.name)
        .map((file) => manifestFilePath(file).replace(`k8s/${c.name}/`, '')),
    );
    assert.equal(perCluster.length, 2);
    assert.deepEqual(perCluster[1], perCluster[0]);
    assert.deepEqual(
      files.filter((file) => file.cluster === cluster).map((file) => manifestFilePath(file)),
      [
        'a/00-namespace.yaml',
        'a/10-rbac.yaml',
        'a/20-network-policies.yaml',
        'a/25-mesh.yaml',
        'a/30-secrets.yaml',
        'a/35-shared-files.yaml',
        'a/40-api.yaml',
        'a/40-web.yaml',
        'a/50-route.yaml',
        'argocd/00-cluster.yaml',
        'argocd/01-settings.yaml',
        'argocd/05-capability-rbac.yaml',
        'argocd/10-projects.yaml',
        'argocd/15-mesh.yaml',
        'argocd/20-ingress-controller.yaml',
        'argocd/30-systems.yaml',
        'b/00-namespace.yaml',
        'b/10-rbac.yaml',
        'b/20-network-policies.yaml',
        'b/25-mesh.yaml',
        'b/30-secrets.yaml',
        'b/40-trade.yaml',
        'b/50-route.yaml',
        `${platform.ingress.namespace}/00-namespace.yaml`,
        `${platform.ingress.namespace}/20-network-policies.yaml`,
        `${platform.ingress.namespace}/25-mesh-network-policies.yaml`,
        'istio-system/00-namespace.yaml',
        'istio-system/10-peer-authentication.yaml',
        'kinko-guard/80-admission-policies.yaml',
      ]
        .map((path) => `k8s/${cluster}/${path}`)
        .sort(),
    );
  });
});
