import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1Namespace, V1NetworkPolicy } from '@kubernetes/client-node';

import type { AppProject, Application } from '../../../src/kube/argocd-types.js';
import { buildManifests } from '../../../src/kube/index.js';
import type { MeshApplication } from '../../../src/kube/mesh-argocd.js';
import type { PeerAuthentication } from '../../../src/kube/mesh.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findFile, findObject } from '../../support/kube-find.js';

const CHARTS = 'https://istio-release.storage.googleapis.com/charts';

describe('kube service mesh', () => {
  it('[S5][manifest] system namespaces are enrolled in ambient mode', () => {
    const { files } = buildManifests(kubeFixture());

    for (const name of ['a', 'b', 'nginx-ingress']) {
      const namespace = findObject<V1Namespace>(files, 'Namespace', name);
      assert.equal(namespace.metadata.labels?.['istio.io/dataplane-mode'], 'ambient', name);
      assert.equal(namespace.metadata.labels?.['istio-injection'], undefined, name);
    }
  });

  it('[S5][manifest] each system namespace has a STRICT PeerAuthentication', () => {
    const { files } = buildManifests(kubeFixture());

    for (const name of ['a', 'b', 'istio-system']) {
      const policy = findObject<PeerAuthentication>(files, 'PeerAuthentication', 'default', name);
      assert.equal(policy.apiVersion, 'security.istio.io/v1');
      assert.deepEqual(policy.spec, { mtls: { mode: 'STRICT' } }, name);
    }
    assert.equal(findFile(files, 'a', '25-mesh.yaml').objects[0]?.kind, 'PeerAuthentication');
  });

  it('[S5][manifest] system policies allow HBONE from ingress and probes', () => {
    const { files } = buildManifests(kubeFixture());

    const hbone = findObject<V1NetworkPolicy>(
      files,
      'NetworkPolicy',
      'allow-hbone-from-ingress-controller',
      'a',
    );
    assert.deepEqual(hbone.spec?.ingress, [
      {
        _from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'nginx-ingress' } },
          },
        ],
        ports: [{ protocol: 'TCP', port: 15008 }],
      },
    ]);
    const probes = findObject<V1NetworkPolicy>(
      files,
      'NetworkPolicy',
      'allow-mesh-kubelet-probes',
      'b',
    );
    assert.deepEqual(probes.spec?.ingress?.[0]?._from, [{ ipBlock: { cidr: '169.254.7.127/32' } }]);
    assert.deepEqual(probes.spec?.policyTypes, ['Ingress']);
  });

  it('[S5][manifest] ingress namespace may send HBONE to every system', () => {
    const { files } = buildManifests(kubeFixture());

    const egress = findObject<V1NetworkPolicy>(
      files,
      'NetworkPolicy',
      'allow-hbone-to-systems',
      'nginx-ingress',
    );
    assert.deepEqual(egress.spec?.egress, [
      {
        to: [
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'a' } } },
          { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'b' } } },
        ],
        ports: [{ protocol: 'TCP', port: 15008 }],
      },
    ]);
  });

  it('[S5][manifest] ingress controller bypasses inbound capture', () => {
    const { files } = buildManifests(kubeFixture());

    const application = findObject<Application>(files, 'Application', 'nginx-ingress', 'argocd');
    const controller = application.spec.source.helm?.valuesObject['controller'] as {
      pod: { annotations: Record<string, string> };
    };
    assert.deepEqual(controller.pod.annotations, {
      'ambient.istio.io/bypass-inbound-capture': 'true',
    });
    assert.equal(
      application.spec.syncPolicy.managedNamespaceMetadata?.labels['istio.io/dataplane-mode'],
      'ambient',
    );
  });

  it('[S5][manifest] Istio charts are pinned and installed by Argo CD', () => {
    const { files } = buildManifests(kubeFixture());

    const applications = findFile(files, 'argocd', '15-mesh.yaml').objects as MeshApplication[];
    assert.deepEqual(
      applications.map((application) => [
        application.metadata.name,
        application.spec.source.chart ?? application.spec.source.path,
        application.spec.source.targetRevision,
      ]),
      [
        ['istio-base', 'base', '1.32.0'],
        ['istiod', 'istiod', '1.32.0'],
        ['istio-cni', 'cni', '1.32.0'],
        ['ztunnel', 'ztunnel', '1.32.0'],
        ['istio-config', 'out/k8s/main/istio-system', 'main'],
      ],
    );
    for (const application of applications) {
      assert.equal(application.spec.project, 'kinko-mesh');
      assert.equal(application.spec.destination.namespace, 'istio-system');
    }
    const istiod = findObject<MeshApplication>(files, 'Application', 'istiod', 'argocd');
    assert.deepEqual(istiod.spec.source.helm?.valuesObject, {
      profile: 'ambient',
      autoscaleMin: 2,
    });
    assert.equal(istiod.spec.ignoreDifferences?.[0]?.kind, 'ValidatingWebhookConfiguration');
    const cni = findObject<MeshApplication>(files, 'Application', 'istio-cni', 'argocd');
    assert.deepEqual(cni.spec.source.helm?.valuesObject, { profile: 'ambient' });
    assert.equal(
      cni.spec.syncPolicy.managedNamespaceMetadata?.labels['pod-security.kubernetes.io/enforce'],
      'privileged',
    );
  });

  it('[S5][manifest] mesh project admits Istio charts into istio-system only', () => {
    const { files } = buildManifests(kubeFixture());

    const project = findObject<AppProject>(files, 'AppProject', 'kinko-mesh', 'argocd');
    assert.deepEqual(project.spec.sourceRepos, [
      CHARTS,
      'https://git.example.co.jp/platform/kinko-demo-manifests.git',
    ]);
    assert.deepEqual(
      project.spec.destinations.map((destination) => destination.namespace),
      ['istio-system'],
    );
  });

  it('[S5][manifest] mesh namespace is privileged with stated suppressions', () => {
    const { files } = buildManifests(kubeFixture());

    const namespace = findObject<V1Namespace>(files, 'Namespace', 'istio-system');
    assert.equal(namespace.metadata.labels?.['pod-security.kubernetes.io/enforce'], 'privileged');
    assert.deepEqual(Object.keys(namespace.metadata.annotations ?? {}).sort(), [
      'suppress.kinko.dev/namespace-default-deny',
      'suppress.kinko.dev/namespace-pod-security',
    ]);
  });

  it('[S5][manifest] ledger records the mesh objects under S5', () => {
    const { ledger } = buildManifests(kubeFixture());

    const mesh = ledger
      .filter((entry) => entry.practice === 'S5')
      .map((entry) => `${entry.kind} ${entry.namespace ?? ''}/${entry.name}`);
    assert.deepEqual(mesh.sort(), [
      'Application argocd/istio-base',
      'Application argocd/istio-cni',
      'Application argocd/istio-config',
      'Application argocd/istiod',
      'Application argocd/ztunnel',
      'Namespace /a',
      'Namespace /b',
      'Namespace /nginx-ingress',
      'NetworkPolicy a/allow-hbone-from-ingress-controller',
      'NetworkPolicy a/allow-mesh-kubelet-probes',
      'NetworkPolicy b/allow-hbone-from-ingress-controller',
      'NetworkPolicy b/allow-mesh-kubelet-probes',
      'NetworkPolicy nginx-ingress/allow-hbone-to-systems',
      'NetworkPolicy nginx-ingress/allow-mesh-kubelet-probes',
      'PeerAuthentication a/default',
      'PeerAuthentication b/default',
      'PeerAuthentication istio-system/default',
    ]);
  });
});
