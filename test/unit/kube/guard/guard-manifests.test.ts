import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

import type { V1Deployment, V1ValidatingWebhookConfiguration } from '@kubernetes/client-node';
import { parse } from 'yaml';

import { platformConfigSchema } from '../../../../src/config/schema.js';
import {
  buildManifests,
  renderManifestFile,
  type ManifestFile,
} from '../../../../src/kube/index.js';
import { resolvePlatform } from '../../../../src/model/resolve.js';

// Compiled to dist/test/unit/kube/guard/, five folders below the repository root.
const EXAMPLE = fileURLToPath(new URL('../../../../../examples/platform.yaml', import.meta.url));
const DIGEST = `sha256:${'a'.repeat(64)}`;
/** The guard's own files; the exported admission policies share its folder. */
const GUARD_FILE_NAMES = [
  '00-namespace.yaml',
  '10-service-account.yaml',
  '20-network-policies.yaml',
  '30-certificates.yaml',
  '40-guard.yaml',
  '90-webhook.yaml',
];

function examplePlatform(guard?: unknown) {
  const input = parse(readFileSync(EXAMPLE, 'utf8')) as Record<string, unknown>;
  return resolvePlatform(
    platformConfigSchema.parse(guard === undefined ? input : { ...input, guard }),
  );
}

function guardFiles(files: readonly ManifestFile[], cluster: string): ManifestFile[] {
  return files.filter((file) => file.cluster === cluster && file.namespace === 'kinko-guard');
}

function findKind<T>(files: readonly ManifestFile[], kind: string): T {
  const found = files.flatMap((file) => file.objects).find((object) => object.kind === kind);
  assert.ok(found, `a ${kind} exists`);
  return found as T;
}

describe('guard manifests', () => {
  const platform = examplePlatform({ image: { digest: DIGEST } });
  const { files, ledger } = buildManifests(platform);
  const blue = guardFiles(files, 'kinko-demo-blue');

  it('[S2][manifest] no guard without guard.image', () => {
    const { files: without } = buildManifests(examplePlatform());
    const names = without
      .filter((file) => file.namespace === 'kinko-guard')
      .map((file) => file.fileName);
    for (const name of GUARD_FILE_NAMES) assert.ok(!names.includes(name), name);
  });

  it('[S2][manifest] every cluster gets the guard files in order', () => {
    for (const cluster of platform.clusters) {
      const names = guardFiles(files, cluster.name).map((file) => file.fileName);
      assert.deepEqual(
        names.filter((name) => GUARD_FILE_NAMES.includes(name)),
        GUARD_FILE_NAMES,
      );
    }
  });

  it('[S2][manifest] webhook fails closed in system namespaces only', () => {
    const configuration = findKind<V1ValidatingWebhookConfiguration>(
      blue,
      'ValidatingWebhookConfiguration',
    );
    const webhook = configuration.webhooks?.[0];
    assert.equal(configuration.webhooks?.length, 1);
    assert.equal(webhook?.failurePolicy, 'Fail');
    assert.equal(webhook?.matchPolicy, 'Equivalent');
    assert.equal(webhook?.sideEffects, 'None');
    assert.equal(webhook?.timeoutSeconds, 5);
    assert.deepEqual(webhook?.admissionReviewVersions, ['v1']);
    assert.deepEqual(webhook?.namespaceSelector, {
      matchExpressions: [
        { key: 'kubernetes.io/metadata.name', operator: 'In', values: ['a', 'b'] },
        {
          key: 'kubernetes.io/metadata.name',
          operator: 'NotIn',
          values: ['kube-system', 'kinko-guard'],
        },
      ],
    });
    assert.equal(
      configuration.metadata?.annotations?.['cert-manager.io/inject-ca-from'],
      'kinko-guard/kinko-guard-serving',
    );
  });

  it('[S2][manifest] webhook covers every workload kind and the mesh kinds', () => {
    const configuration = findKind<V1ValidatingWebhookConfiguration>(
      blue,
      'ValidatingWebhookConfiguration',
    );
    const resources = (configuration.webhooks?.[0]?.rules ?? []).flatMap((rule) =>
      (rule.resources ?? []).map((resource) => `${rule.apiGroups?.[0] ?? ''}/${resource}`),
    );
    assert.deepEqual(resources.sort(), [
      '/namespaces',
      '/pods',
      'apps/daemonsets',
      'apps/deployments',
      'apps/replicasets',
      'apps/statefulsets',
      'argoproj.io/rollouts',
      'batch/cronjobs',
      'batch/jobs',
      'security.istio.io/peerauthentications',
    ]);
  });

  it('[S5][manifest] guard in the pod knows the system namespaces', () => {
    const deployment = findKind<V1Deployment>(blue, 'Deployment');
    const args = deployment.spec?.template.spec?.containers[0]?.args ?? [];
    const groups = args.flatMap((arg, index) =>
      args[index - 1] === '--system-group' ? [arg] : [],
    );
    assert.deepEqual(groups, ['a:admins=a', 'b:admins=b']);
  });

  it('[S3][manifest] guard image is the platform ECR pinned by digest', () => {
    const deployment = findKind<V1Deployment>(blue, 'Deployment');
    assert.equal(
      deployment.spec?.template.spec?.containers[0]?.image,
      `111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/kinko-demo/kinko-guard@${DIGEST}`,
    );
  });

  it('[R6][manifest] guard grace period covers sleep, timeout and margin', () => {
    const deployment = findKind<V1Deployment>(blue, 'Deployment');
    const pod = deployment.spec?.template.spec;
    // The example has an edge ALB: 30 s endpoint propagation plus 60 s deregistration.
    assert.deepEqual(pod?.containers[0]?.lifecycle?.preStop?.sleep, { seconds: 90 });
    assert.equal(pod?.terminationGracePeriodSeconds, 105);
  });

  it('[S2][manifest] guard allows images from both regions', () => {
    const deployment = findKind<V1Deployment>(blue, 'Deployment');
    const args = deployment.spec?.template.spec?.containers[0]?.args ?? [];
    const registries = args.filter((_, index) => args[index - 1] === '--allowed-registry');
    assert.deepEqual(registries, [
      '111122223333.dkr.ecr.ap-northeast-1.amazonaws.com',
      '111122223333.dkr.ecr.ap-northeast-3.amazonaws.com',
    ]);
  });

  it('[S4][manifest] rendered guard files hold no private key', () => {
    for (const file of blue) {
      assert.doesNotMatch(renderManifestFile(file), /PRIVATE KEY|tls\.key:/);
    }
  });

  it('[S2][manifest] ledger records the webhook per cluster', () => {
    const entries = ledger.filter(
      (entry) => entry.practice === 'S2' && entry.kind === 'ValidatingWebhookConfiguration',
    );
    assert.deepEqual(
      entries.map((entry) => entry.file),
      [
        'k8s/kinko-demo-blue/kinko-guard/90-webhook.yaml',
        'k8s/kinko-demo-green/kinko-guard/90-webhook.yaml',
      ],
    );
  });
});
