import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  ApiException,
  AppsV1Api,
  AuthorizationV1Api,
  CoreV1Api,
  KubernetesObjectApi,
  NetworkingV1Api,
  type KubeConfig,
  type KubernetesObject,
} from '@kubernetes/client-node';
import { parseDocument } from 'yaml';

import { apiMessage, applyManifests } from '../../src/ops/apply/apply.js';
import { clusterManifestDir, readManifestSet } from '../../src/ops/apply/manifest-set.js';
import { synth } from '../../src/synth/synth.js';
import {
  awsEnvironment,
  cfnLintPath,
  startTestbed,
  type Testbed,
} from '../support/testbed/index.js';

async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise;
    return 200;
  } catch (error) {
    if (error instanceof ApiException) return error.code;
    throw error;
  }
}

describe('kinko apply of the example platform on the test bed', () => {
  let bed: Testbed;
  let work: string;
  let manifestDir: string;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-apply-'));
    synth({ configFile: 'examples/platform.yaml', outDir: join(work, 'out') });
    manifestDir = clusterManifestDir(join(work, 'out'), 'kinko-demo-blue');

    bed = await startTestbed({ scheduler: true, controllerManager: true, kwokNodes: 6 });

    // On EKS the Argo CD capability creates its namespace; here the test does.
    await bed.kubeConfig
      .makeApiClient(CoreV1Api)
      .createNamespace({ body: { metadata: { name: 'argocd' } } });
  });

  after(async () => {
    await bed?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('[S2][apiserver] every synthesized manifest is applied and reads back unchanged', async () => {
    const objects = readManifestSet(manifestDir);

    const first = await applyManifests({
      kubeConfig: bed.kubeConfig,
      objects,
      dryRun: false,
      prune: false,
    });
    assert.equal(first.changes.length, objects.length);
    assert.ok(first.changes.every((change) => change.change === 'created'));

    const second = await applyManifests({
      kubeConfig: bed.kubeConfig,
      objects,
      dryRun: false,
      prune: false,
    });
    const changed = second.changes.filter((change) => change.change !== 'unchanged');
    assert.deepEqual(changed, []);
  });

  it('[R2][apiserver] replicas are Ready over three zones and distinct nodes', async () => {
    const apps = bed.kubeConfig.makeApiClient(AppsV1Api);
    const core = bed.kubeConfig.makeApiClient(CoreV1Api);
    const nodes = await core.listNode();
    const zoneOf = new Map(
      nodes.items.map((node) => [
        node.metadata?.name,
        node.metadata?.labels?.['topology.kubernetes.io/zone'],
      ]),
    );

    for (const [namespace, app] of [
      ['a', 'web'],
      ['a', 'api'],
      ['b', 'trade'],
    ] as const) {
      await waitFor(`${namespace}/${app} ready`, 120_000, async () => {
        const deployment = await apps.readNamespacedDeployment({ name: app, namespace });
        return deployment.status?.readyReplicas === 3 ? deployment : undefined;
      });
      const pods = await core.listNamespacedPod({
        namespace,
        labelSelector: `app.kubernetes.io/name=${app}`,
      });
      const running = pods.items.filter((pod) => pod.status?.phase === 'Running');
      const zones = new Set(running.map((pod) => zoneOf.get(pod.spec?.nodeName)));
      const hosts = new Set(running.map((pod) => pod.spec?.nodeName));
      assert.equal(zones.size, 3, `${namespace}/${app} zones: ${[...zones].join(', ')}`);
      assert.equal(hosts.size, 3, `${namespace}/${app} nodes: ${[...hosts].join(', ')}`);
    }
  });

  it('[S6][apiserver] a:admins manage namespace a and cannot touch namespace b', async () => {
    const authorization = bed.kubeConfig.makeApiClient(AuthorizationV1Api);
    const review = async (namespace: string, verb: string, resource: string, group = '') => {
      const result = await authorization.createSubjectAccessReview({
        body: {
          spec: {
            user: 'alice',
            groups: ['a:admins', 'system:authenticated'],
            resourceAttributes: { namespace, verb, resource, group },
          },
        },
      });
      return result.status?.allowed === true;
    };

    assert.equal(await review('a', 'patch', 'deployments', 'apps'), true);
    assert.equal(await review('a', 'create', 'services'), true);
    assert.equal(await review('a', 'get', 'secrets'), false);
    assert.equal(await review('a', 'create', 'pods/exec'), false);
    assert.equal(await review('b', 'get', 'deployments', 'apps'), false);
    assert.equal(await review('b', 'list', 'pods'), false);
    assert.equal(await review('b', 'patch', 'deployments', 'apps'), false);

    // Real requests as a member of a:admins, with a client certificate of the bed's CA.
    const alice: KubeConfig = await bed.kubeConfigFor('alice', ['a:admins']);
    const aliceApps = alice.makeApiClient(AppsV1Api);
    assert.equal(
      await statusOf(aliceApps.readNamespacedDeployment({ name: 'web', namespace: 'a' })),
      200,
    );
    const aliceCore = alice.makeApiClient(CoreV1Api);
    assert.equal(
      await statusOf(
        aliceCore.createNamespacedConfigMap({
          namespace: 'a',
          body: { metadata: { name: 'settings' } },
        }),
      ),
      200,
    );
    assert.equal(
      await statusOf(
        aliceCore.createNamespacedConfigMap({
          namespace: 'b',
          body: { metadata: { name: 'settings' } },
        }),
      ),
      403,
    );
    assert.equal(
      await statusOf(aliceApps.readNamespacedDeployment({ name: 'trade', namespace: 'b' })),
      403,
    );
    assert.equal(
      await statusOf(alice.makeApiClient(CoreV1Api).listNamespacedPod({ namespace: 'b' })),
      403,
    );
    assert.equal(
      await statusOf(
        alice.makeApiClient(CoreV1Api).deleteNamespacedService({ name: 'trade', namespace: 'b' }),
      ),
      403,
    );
  });

  it('[S8][apiserver] every system namespace has its default-deny NetworkPolicy', async () => {
    const networking = bed.kubeConfig.makeApiClient(NetworkingV1Api);
    for (const namespace of ['a', 'b']) {
      const policies = await networking.listNamespacedNetworkPolicy({ namespace });
      const denyAll = policies.items.filter(
        (policy) =>
          Object.keys(policy.spec?.podSelector?.matchLabels ?? {}).length === 0 &&
          (policy.spec?.podSelector?.matchExpressions ?? []).length === 0 &&
          policy.spec?.policyTypes?.includes('Ingress') &&
          policy.spec?.policyTypes?.includes('Egress') &&
          (policy.spec?.ingress ?? []).length === 0 &&
          (policy.spec?.egress ?? []).length === 0,
      );
      assert.equal(denyAll.length, 1, `namespace ${namespace}`);
    }
  });

  it('[R6][apiserver] the talk manifest with "180s" is rejected; the synthesized one is accepted', async () => {
    const client = KubernetesObjectApi.makeApiClient(bed.kubeConfig);
    const synthesized = parseDocument(
      readFileSync(join(manifestDir, 'b', '40-trade.yaml'), 'utf8'),
    ).toJS() as KubernetesObject & {
      spec: { template: { spec: { terminationGracePeriodSeconds: unknown } } };
    };
    const talk = structuredClone(synthesized);
    talk.metadata = { ...talk.metadata, name: 'trade-talk' };
    talk.spec.template.spec.terminationGracePeriodSeconds = '180s';

    let message = '';
    try {
      await client.create(talk, undefined, 'All');
      assert.fail('the API server accepted terminationGracePeriodSeconds: "180s"');
    } catch (error) {
      message = apiMessage(error);
    }
    assert.match(message, /terminationGracePeriodSeconds/);
    assert.match(message, /HTTP 400/);

    synthesized.metadata = { ...synthesized.metadata, name: 'trade-copy' };
    await client.create(synthesized, undefined, 'All');
  });

  it('[S1][apiserver] restricted Pod Security rejects a root pod in a system namespace', async () => {
    const core = bed.kubeConfig.makeApiClient(CoreV1Api);
    const status = await statusOf(
      core.createNamespacedPod({
        namespace: 'a',
        dryRun: 'All',
        body: {
          metadata: { name: 'root-shell' },
          spec: {
            containers: [{ name: 'sh', image: 'busybox:1.36', securityContext: { runAsUser: 0 } }],
          },
        },
      }),
    );
    assert.equal(status, 403);
  });

  it('[apply][apiserver] dry run prints the diff of a changed object and changes nothing', async () => {
    const objects = readManifestSet(manifestDir).map((sourced) =>
      sourced.object.kind === 'Service' && sourced.object.metadata?.name === 'trade'
        ? {
            ...sourced,
            object: {
              ...sourced.object,
              metadata: { ...sourced.object.metadata, annotations: { note: 'dry' } },
            },
          }
        : sourced,
    );
    const result = await applyManifests({
      kubeConfig: bed.kubeConfig,
      objects,
      dryRun: true,
      prune: false,
    });
    const configured = result.changes.filter((change) => change.change === 'configured');
    assert.deepEqual(
      configured.map((change) => change.object),
      ['Service b/trade'],
    );
    assert.match(configured[0]?.diff ?? '', /\+\s+note: dry/);

    const live = await bed.kubeConfig
      .makeApiClient(CoreV1Api)
      .readNamespacedService({ name: 'trade', namespace: 'b' });
    assert.equal(live.metadata?.annotations?.note, undefined);
  });

  it('[apply][apiserver] prune deletes only what Kinko applied and no longer produces', async () => {
    const core = bed.kubeConfig.makeApiClient(CoreV1Api);
    await core.createNamespacedConfigMap({
      namespace: 'b',
      body: { metadata: { name: 'not-kinko' } },
    });
    const withoutTrade = readManifestSet(manifestDir).filter(
      ({ object }) => !(object.metadata?.namespace === 'b' && object.kind === 'Service'),
    );

    const result = await applyManifests({
      kubeConfig: bed.kubeConfig,
      objects: withoutTrade,
      dryRun: false,
      prune: true,
    });

    assert.deepEqual(
      result.changes.filter((change) => change.change === 'pruned').map((change) => change.object),
      ['Service b/trade'],
    );
    assert.equal(
      await statusOf(core.readNamespacedService({ name: 'trade', namespace: 'b' })),
      404,
    );
    assert.equal(
      await statusOf(core.readNamespacedConfigMap({ name: 'not-kinko', namespace: 'b' })),
      200,
    );
  });

  it('[apply][apiserver] a failed apply names the object and lists what was applied', async () => {
    const objects = readManifestSet(manifestDir);
    const broken = objects.map((sourced) =>
      sourced.object.kind === 'PodDisruptionBudget'
        ? {
            ...sourced,
            object: { ...sourced.object, spec: { maxUnavailable: 'many' } } as KubernetesObject,
          }
        : sourced,
    );
    await assert.rejects(
      applyManifests({ kubeConfig: bed.kubeConfig, objects: broken, dryRun: false, prune: false }),
      (error: Error & { code?: string; problems?: unknown[] }) => {
        assert.equal(error.code, 'KINKO_APPLY_FAILED');
        assert.match(
          error.message,
          /applying PodDisruptionBudget a\/(web|api) \(.*40-(web|api)\.yaml, document \d+\) failed/,
        );
        assert.ok((error.problems?.length ?? 0) > 0);
        return true;
      },
    );
  });

  it('[cfn-lint][cfn-lint] no errors on any synthesized template', async () => {
    const cfnLint = await cfnLintPath();
    const templates = readdirTemplates(join(work, 'out', 'cdk'));
    assert.ok(templates.length >= 4);
    const result = spawnSync(cfnLint, ['--format', 'parseable', ...templates], {
      encoding: 'utf8',
      env: { ...process.env, ...awsEnvironment() },
    });
    const errors = result.stdout.split('\n').filter((line) => /:E\d{4}:/.test(line));
    assert.deepEqual(errors, [], result.stdout + result.stderr);
  });
});

function readdirTemplates(dir: string): string[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith('.template.json'))
    .map((file) => join(dir, file));
}
