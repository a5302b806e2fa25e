import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { loadPlatformConfig } from '../../../src/config/load.js';
import {
  ADMISSION_POLICIES_FILE,
  buildAdmissionPolicyFile,
} from '../../../src/kube/admission-policies.js';
import { resolvePlatform } from '../../../src/model/resolve.js';

const platform = resolvePlatform(loadPlatformConfig('examples/platform.yaml'));

describe('admission policy manifests', () => {
  const cluster = platform.clusters[0];
  assert.ok(cluster);
  const { file, ledger } = buildAdmissionPolicyFile(platform, cluster, { app: 'kinko' });

  it('[S2][manifest] each policy is followed by its binding', () => {
    assert.equal(file.fileName, ADMISSION_POLICIES_FILE);
    assert.equal(file.objects.length, 26);
    file.objects.forEach((object, index) => {
      const expected =
        index % 2 === 0 ? 'ValidatingAdmissionPolicy' : 'ValidatingAdmissionPolicyBinding';
      assert.equal(object.kind, expected);
    });
  });

  it('[S2][manifest] error rules deny and warning rules warn', () => {
    const actions = new Map(
      file.objects
        .filter((object) => object.kind === 'ValidatingAdmissionPolicyBinding')
        .map((object) => {
          const spec = (object as unknown as { spec: { validationActions: string[] } }).spec;
          return [object.metadata.name, spec.validationActions];
        }),
    );
    assert.deepEqual(actions.get('kinko-pod-deny'), ['Deny']);
    assert.deepEqual(actions.get('kinko-pod-warn'), ['Warn']);
    assert.deepEqual(actions.get('kinko-secrets-deny'), ['Deny']);
  });

  it('[S2][manifest] bindings cover system namespaces but kube-system', () => {
    const binding = file.objects.find(
      (object) => object.kind === 'ValidatingAdmissionPolicyBinding',
    );
    const spec = (binding as unknown as { spec: { matchResources: unknown } }).spec;
    assert.deepEqual(spec.matchResources, {
      namespaceSelector: {
        matchExpressions: [
          { key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: ['kube-system'] },
          { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a', 'b'] },
        ],
      },
    });
  });

  it('[S6][manifest] ClusterRoles are judged only where Kinko made them', () => {
    const binding = file.objects.find(
      (object) =>
        object.kind === 'ValidatingAdmissionPolicyBinding' &&
        object.metadata.name === 'kinko-clusterroles-deny',
    );
    const spec = (binding as unknown as { spec: { matchResources: { objectSelector?: unknown } } })
      .spec;
    assert.deepEqual(spec.matchResources.objectSelector, {
      matchLabels: { 'app.kubernetes.io/managed-by': 'kinko' },
    });
  });

  it('[S2][manifest] policies match every workload kind and Argo Rollouts', () => {
    const resources = file.objects
      .filter((object) => object.kind === 'ValidatingAdmissionPolicy')
      .flatMap((object) => {
        const spec = (
          object as unknown as {
            spec: { matchConstraints: { resourceRules: { resources: string[] }[] } };
          }
        ).spec;
        return spec.matchConstraints.resourceRules.flatMap((rule) => rule.resources);
      });
    for (const resource of [
      'pods',
      'deployments',
      'statefulsets',
      'daemonsets',
      'replicasets',
      'jobs',
      'cronjobs',
      'rollouts',
      'secrets',
      'rolebindings',
    ]) {
      assert.ok(resources.includes(resource), resource);
    }
  });

  it('[S2][manifest] ledger records each denying policy', () => {
    assert.deepEqual(
      ledger.map((entry) => entry.name),
      [
        'kinko-pod-deny',
        'kinko-replicated-deny',
        'kinko-template-deny',
        'kinko-cronjob-deny',
        'kinko-secrets-deny',
        'kinko-rolebindings-deny',
        'kinko-clusterrolebindings-deny',
        'kinko-roles-deny',
        'kinko-clusterroles-deny',
      ],
    );
    assert.ok(ledger.every((entry) => entry.practice === 'S2'));
  });
});
