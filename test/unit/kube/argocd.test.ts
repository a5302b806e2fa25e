import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1Secret } from '@kubernetes/client-node';

import type { AppProject, Application } from '../../../src/kube/argocd-types.js';
import { buildManifests } from '../../../src/kube/index.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findFile, findObject } from '../../support/kube-find.js';

const CLUSTER_ARN = 'arn:aws:eks:ap-northeast-1:111122223333:cluster/main';

function controllerValues(application: Application): Record<string, unknown> {
  const values = application.spec.source.helm?.valuesObject['controller'];
  assert.equal(typeof values, 'object');
  assert.notEqual(values, null);
  return values as Record<string, unknown>;
}

describe('kube Argo CD', () => {
  it('[manifest] system application syncs its folder with prune and self-heal', () => {
    const { files } = buildManifests(kubeFixture());

    const application = findObject<Application>(files, 'Application', 'a', 'argocd');

    assert.deepEqual(application.spec, {
      project: 'a',
      source: {
        repoURL: 'https://git.example.co.jp/platform/kinko-demo-manifests.git',
        targetRevision: 'main',
        path: 'out/k8s/main/a',
      },
      destination: { server: CLUSTER_ARN, namespace: 'a' },
      syncPolicy: {
        automated: { prune: true, selfHeal: true },
        syncOptions: ['ServerSideApply=true', 'PruneLast=true'],
      },
    });
  });

  it('[manifest] output path "." gives a path without a dot', () => {
    const platform = kubeFixture();
    const { files } = buildManifests({ ...platform, gitops: { ...platform.gitops, path: '.' } });

    const application = findObject<Application>(files, 'Application', 'b', 'argocd');

    assert.equal(application.spec.source.path, 'k8s/main/b');
  });

  it('[S6][manifest] system project admits only its namespace and its kinds', () => {
    const { files } = buildManifests(kubeFixture());

    const project = findObject<AppProject>(files, 'AppProject', 'b', 'argocd');

    assert.deepEqual(project.spec.destinations, [{ server: CLUSTER_ARN, namespace: 'b' }]);
    assert.deepEqual(project.spec.sourceRepos, [
      'https://git.example.co.jp/platform/kinko-demo-manifests.git',
    ]);
    assert.deepEqual(project.spec.clusterResourceWhitelist, [{ group: '', kind: 'Namespace' }]);
    assert.deepEqual(project.spec.namespaceResourceWhitelist, [
      { group: '', kind: 'Service' },
      { group: '', kind: 'ServiceAccount' },
      { group: 'apps', kind: 'Deployment' },
      { group: 'k8s.nginx.org', kind: 'VirtualServer' },
      { group: 'networking.k8s.io', kind: 'NetworkPolicy' },
      { group: 'policy', kind: 'PodDisruptionBudget' },
      { group: 'rbac.authorization.k8s.io', kind: 'Role' },
      { group: 'rbac.authorization.k8s.io', kind: 'RoleBinding' },
      { group: 'secrets-store.csi.x-k8s.io', kind: 'SecretProviderClass' },
      { group: 'security.istio.io', kind: 'PeerAuthentication' },
    ]);
  });

  it('[S6][manifest] shared-files system project admits its PersistentVolume', () => {
    const { files } = buildManifests(kubeFixture());

    const project = findObject<AppProject>(files, 'AppProject', 'a', 'argocd');

    assert.deepEqual(project.spec.clusterResourceWhitelist, [
      { group: '', kind: 'Namespace' },
      { group: '', kind: 'PersistentVolume' },
    ]);
  });

  it('[manifest] ingress controller installs the pinned chart from OCI', () => {
    const { files } = buildManifests(kubeFixture());

    const application = findObject<Application>(files, 'Application', 'nginx-ingress', 'argocd');

    assert.equal(application.spec.project, 'kinko-platform');
    assert.equal(application.spec.source.repoURL, 'oci://ghcr.io/nginx/charts/nginx-ingress');
    assert.equal(application.spec.source.path, '.');
    assert.equal(application.spec.source.targetRevision, '2.4.4');
    assert.equal(application.spec.source.chart, undefined);
    assert.deepEqual(application.spec.destination, {
      server: CLUSTER_ARN,
      namespace: 'nginx-ingress',
    });
  });

  it('[manifest] HTTPS chart repository uses the chart field', () => {
    const platform = kubeFixture();
    const chart = {
      repoURL: 'https://helm.nginx.com/stable',
      chart: 'nginx-ingress',
      version: '2.4.4',
    };
    const { files } = buildManifests({ ...platform, ingress: { ...platform.ingress, chart } });

    const application = findObject<Application>(files, 'Application', 'nginx-ingress', 'argocd');

    assert.equal(application.spec.source.repoURL, 'https://helm.nginx.com/stable');
    assert.equal(application.spec.source.chart, 'nginx-ingress');
    assert.equal(application.spec.source.path, undefined);
  });

  it('[manifest] ingress controller service is a NodePort on the model port', () => {
    const { files } = buildManifests(kubeFixture());

    const application = findObject<Application>(files, 'Application', 'nginx-ingress', 'argocd');

    const values = controllerValues(application);
    assert.deepEqual(values['service'], {
      type: 'NodePort',
      externalTrafficPolicy: 'Local',
      httpPort: { enable: true, port: 80, nodePort: 30080 },
      httpsPort: { enable: false },
    });
    assert.deepEqual(values['ingressClass'], {
      name: 'nginx',
      create: true,
      setAsDefaultIngress: false,
    });
  });

  it('[S1][manifest] ingress controller runs non-root with only NET_BIND_SERVICE', () => {
    const { files } = buildManifests(kubeFixture());

    const application = findObject<Application>(files, 'Application', 'nginx-ingress', 'argocd');

    const values = controllerValues(application);
    assert.deepEqual(values['securityContext'], {
      runAsNonRoot: true,
      runAsUser: 101,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: ['ALL'], add: ['NET_BIND_SERVICE'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    assert.deepEqual(values['telemetryReporting'], { enable: false });
  });

  it('[S2][manifest] ingress namespace created by Argo CD carries restricted labels', () => {
    const { files } = buildManifests(kubeFixture());

    const application = findObject<Application>(files, 'Application', 'nginx-ingress', 'argocd');

    const labels = application.spec.syncPolicy.managedNamespaceMetadata?.labels ?? {};
    assert.equal(labels['pod-security.kubernetes.io/enforce'], 'restricted');
    assert.ok(application.spec.syncPolicy.syncOptions.includes('CreateNamespace=true'));
  });

  it('[manifest] cluster registration carries the ARN and no credential', () => {
    const { files } = buildManifests(kubeFixture());

    const secret = findObject<V1Secret>(files, 'Secret', 'cluster-main', 'argocd');

    assert.equal(secret.metadata.labels?.['argocd.argoproj.io/secret-type'], 'cluster');
    assert.deepEqual(secret.stringData, { name: 'main', server: CLUSTER_ARN });
    assert.equal(secret.data, undefined);
  });

  it('[manifest] argocd folder files are ordered by dependency', () => {
    const { files } = buildManifests(kubeFixture());

    const names = files.filter((file) => file.namespace === 'argocd').map((file) => file.fileName);

    assert.deepEqual(names, [
      '00-cluster.yaml',
      '01-settings.yaml',
      '05-capability-rbac.yaml',
      '10-projects.yaml',
      '15-mesh.yaml',
      '20-ingress-controller.yaml',
      '30-systems.yaml',
    ]);
    assert.equal(findFile(files, 'argocd', '10-projects.yaml').objects.length, 4);
  });
});
