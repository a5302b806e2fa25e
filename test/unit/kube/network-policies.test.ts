import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import type { V1NetworkPolicy } from '@kubernetes/client-node';

import { buildManifests } from '../../../src/kube/index.js';
import { kubeFixture } from '../../support/kube-fixture.js';
import { findFile, findObject } from '../../support/kube-find.js';

describe('kube NetworkPolicies', () => {
  it('[S8][manifest] every system namespace has a default-deny policy', () => {
    const { files } = buildManifests(kubeFixture());

    for (const namespace of ['a', 'b']) {
      const policy = findObject<V1NetworkPolicy>(files, 'NetworkPolicy', 'default-deny', namespace);
      assert.deepEqual(policy.spec, { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
    }
  });

  it('[S8][manifest] default deny comes first in its file', () => {
    const { files } = buildManifests(kubeFixture());

    const file = findFile(files, 'a', '20-network-policies.yaml');

    assert.deepEqual(
      file.objects.map((object) => object.metadata.name),
      [
        'default-deny',
        'allow-same-namespace',
        'allow-dns',
        'allow-from-ingress-controller',
        'allow-aws-endpoints',
        'allow-pod-identity-agent',
      ],
    );
  });

  it('[S8][manifest] DNS egress reaches only CoreDNS in kube-system', () => {
    const { files } = buildManifests(kubeFixture());

    const policy = findObject<V1NetworkPolicy>(files, 'NetworkPolicy', 'allow-dns', 'b');

    assert.deepEqual(policy.spec?.policyTypes, ['Egress']);
    assert.deepEqual(policy.spec?.egress, [
      {
        to: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
            podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
          },
        ],
        ports: [
          { protocol: 'UDP', port: 53 },
          { protocol: 'TCP', port: 53 },
        ],
      },
    ]);
  });

  it('[S8][manifest] ingress controller reaches only the app ports', () => {
    const { files } = buildManifests(kubeFixture());

    const policy = findObject<V1NetworkPolicy>(
      files,
      'NetworkPolicy',
      'allow-from-ingress-controller',
      'a',
    );

    assert.deepEqual(policy.spec?.ingress, [
      {
        _from: [
          {
            namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'nginx-ingress' } },
          },
        ],
        ports: [
          { protocol: 'TCP', port: 8080 },
          { protocol: 'TCP', port: 8081 },
        ],
      },
    ]);
  });

  it('[S8][manifest] same-namespace policy admits no other namespace', () => {
    const { files } = buildManifests(kubeFixture());

    const policy = findObject<V1NetworkPolicy>(files, 'NetworkPolicy', 'allow-same-namespace', 'a');

    assert.deepEqual(policy.spec?.ingress, [{ _from: [{ podSelector: {} }] }]);
    assert.deepEqual(policy.spec?.egress, [{ to: [{ podSelector: {} }] }]);
  });

  it('[S8][manifest] AWS endpoint egress is HTTPS to the VPC CIDR', () => {
    const { files } = buildManifests(kubeFixture());

    const policy = findObject<V1NetworkPolicy>(files, 'NetworkPolicy', 'allow-aws-endpoints', 'a');

    assert.deepEqual(policy.spec?.egress, [
      { to: [{ ipBlock: { cidr: '10.0.0.0/16' } }], ports: [{ protocol: 'TCP', port: 443 }] },
    ]);
  });

  it('[S8][manifest] pod identity agent egress is TCP 80 to its address', () => {
    const { files } = buildManifests(kubeFixture());

    const policy = findObject<V1NetworkPolicy>(
      files,
      'NetworkPolicy',
      'allow-pod-identity-agent',
      'a',
    );

    assert.deepEqual(policy.spec?.egress, [
      { to: [{ ipBlock: { cidr: '169.254.170.23/32' } }], ports: [{ protocol: 'TCP', port: 80 }] },
    ]);
  });
});
