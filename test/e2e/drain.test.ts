import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  AppsV1Api,
  CoreV1Api,
  PatchStrategy,
  PolicyV1Api,
  setHeaderOptions,
  Watch,
  type V1Pod,
  type V1PodDisruptionBudget,
} from '@kubernetes/client-node';

import { KinkoError } from '../../src/errors.js';
import { applyManifests } from '../../src/ops/apply/apply.js';
import { clusterManifestDir, readManifestSet } from '../../src/ops/apply/manifest-set.js';
import { drainNodes, uncordonNodes, type DrainOptions } from '../../src/ops/drain/drain.js';
import { DRAIN_TIMEOUT } from '../../src/ops/drain/evict.js';
import { EXCLUDE_LB_LABEL, ZONE_LABEL } from '../../src/ops/drain/nodes.js';
import { DrainStateFile } from '../../src/ops/drain/state.js';
import { synth } from '../../src/synth/synth.js';
import { startTestbed, type Testbed } from '../support/testbed/index.js';

const CLI = 'dist/src/cli/main.js';
const MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const APPS = [
  { namespace: 'a', name: 'api' },
  { namespace: 'a', name: 'web' },
  { namespace: 'b', name: 'trade' },
];

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
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

function isReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}

describe('kinko drain on the test bed (kwok nodes over three zones)', () => {
  let bed: Testbed;
  let work: string;
  let core: CoreV1Api;
  let appsApi: AppsV1Api;
  let policy: PolicyV1Api;

  /** Every app has its 3 replicas Ready on schedulable nodes. */
  async function appsSettled(): Promise<V1Pod[] | undefined> {
    const nodes = (await core.listNode()).items;
    const cordoned = new Set(
      nodes.filter((n) => n.spec?.unschedulable === true).map((n) => n.metadata?.name),
    );
    const pods: V1Pod[] = [];
    for (const app of APPS) {
      const list = await core.listNamespacedPod({
        namespace: app.namespace,
        labelSelector: `app.kubernetes.io/name=${app.name}`,
      });
      const ready = list.items.filter(
        (p) =>
          isReady(p) &&
          p.metadata?.deletionTimestamp === undefined &&
          !cordoned.has(p.spec?.nodeName ?? ''),
      );
      if (ready.length !== 3 || list.items.length !== 3) return undefined;
      pods.push(...ready);
    }
    return pods;
  }

  function options(state: DrainStateFile, extra: Partial<DrainOptions>): DrainOptions {
    return {
      kubeConfig: bed.kubeConfig,
      target: { nodes: [] },
      state,
      dryRun: false,
      force: false,
      loadBalancerSkipped: 'test without moto',
      clock: {
        now: () => Date.now(),
        sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        deadline: Date.now() + 120_000,
      },
      confirm: () => Promise.resolve(true),
      onEvent: () => undefined,
      ...extra,
    };
  }

  /** The node that runs a pod of `app`. */
  async function nodeOf(app: { namespace: string; name: string }): Promise<string> {
    const list = await core.listNamespacedPod({
      namespace: app.namespace,
      labelSelector: `app.kubernetes.io/name=${app.name}`,
    });
    return list.items[0]?.spec?.nodeName ?? assert.fail(`no pod of ${app.name}`);
  }

  async function uncordonAll() {
    await uncordonNodes({
      kubeConfig: bed.kubeConfig,
      target: { nodes: bed.nodeNames },
      state: new DrainStateFile(join(work, 'uncordon.json'), false),
      dryRun: false,
      onEvent: () => undefined,
    });
  }

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'kinko-e2e-drain-'));
    synth({ configFile: 'examples/platform.yaml', outDir: join(work, 'out') });
    bed = await startTestbed({ scheduler: true, controllerManager: true, kwokNodes: 6 });
    core = bed.kubeConfig.makeApiClient(CoreV1Api);
    appsApi = bed.kubeConfig.makeApiClient(AppsV1Api);
    policy = bed.kubeConfig.makeApiClient(PolicyV1Api);
    for (const [index, name] of bed.nodeNames.entries()) {
      const node = await core.readNode({ name });
      const zone = node.metadata?.labels?.[ZONE_LABEL] ?? '';
      const instance = `i-0d7a1${String(index).padStart(12, '0')}`;
      await core.patchNode(
        { name, body: { spec: { providerID: `aws:///${zone}/${instance}` } } },
        MERGE_PATCH,
      );
    }
    await core.createNamespace({ body: { metadata: { name: 'argocd' } } });
    await applyManifests({
      kubeConfig: bed.kubeConfig,
      objects: readManifestSet(clusterManifestDir(join(work, 'out'), 'kinko-demo-blue')),
      dryRun: false,
      prune: false,
    });
    await waitFor('the apps to be Ready', 120_000, appsSettled);
  });

  after(async () => {
    await bed?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('[R6][apiserver] drain one node within budgets', async () => {
    const node = await nodeOf(APPS[0]!);
    const timeline: string[] = [];
    const lowest = new Map<string, number>();
    const pods = new Map<string, V1Pod>();
    const watch = new Watch(bed.kubeConfig);
    const recordReady = () => {
      for (const app of APPS) {
        const ready = [...pods.values()].filter(
          (p) =>
            p.metadata?.namespace === app.namespace &&
            p.metadata.labels?.['app.kubernetes.io/name'] === app.name &&
            p.metadata.deletionTimestamp === undefined &&
            isReady(p),
        ).length;
        lowest.set(app.name, Math.min(lowest.get(app.name) ?? ready, ready));
      }
    };
    const disruptionsSeen: number[] = [];
    const watches = [
      await watch.watch(
        '/api/v1/pods',
        {},
        (type, pod: V1Pod) => {
          const key = `${pod.metadata?.namespace}/${pod.metadata?.name}`;
          if (type === 'DELETED') pods.delete(key);
          else pods.set(key, pod);
          if (pod.spec?.nodeName === node && pod.metadata?.deletionTimestamp !== undefined) {
            timeline.push(`evicted ${key}`);
          }
          if (pods.size >= 9) recordReady();
        },
        () => undefined,
      ),
      await watch.watch(
        '/api/v1/nodes',
        {},
        (
          _type,
          object: {
            metadata?: { name?: string; labels?: Record<string, string> };
            spec?: { unschedulable?: boolean };
          },
        ) => {
          if (object.metadata?.name !== node) return;
          if (object.metadata.labels?.[EXCLUDE_LB_LABEL] === 'true') timeline.push('labelled');
          if (object.spec?.unschedulable === true) timeline.push('cordoned');
        },
        () => undefined,
      ),
      await watch.watch(
        '/apis/policy/v1/poddisruptionbudgets',
        {},
        (_type, pdb: V1PodDisruptionBudget) => {
          disruptionsSeen.push(pdb.status?.disruptionsAllowed ?? 0);
        },
        () => undefined,
      ),
    ];
    // Let the watches deliver the current objects before the drain starts.
    await waitFor('the initial pod list', 30_000, async () => (pods.size >= 9 ? true : undefined));
    lowest.clear();
    recordReady();

    const events: string[] = [];
    const state = new DrainStateFile(join(work, 'one.json'), false);
    const result = await drainNodes(
      options(state, {
        target: { nodes: [node] },
        onEvent: (event) => events.push(event.messageId),
      }),
    );
    const settled = await waitFor('the apps to settle', 60_000, appsSettled);
    for (const w of watches) w.abort();

    assert.ok(result.nodes[0]!.evicted >= 1);
    const firstEviction = timeline.findIndex((entry) => entry.startsWith('evicted'));
    assert.ok(firstEviction > 0, timeline.join('\n'));
    const labelled = timeline.indexOf('labelled');
    const cordoned = timeline.indexOf('cordoned');
    assert.ok(labelled >= 0, `node never labelled:\n${timeline.join('\n')}`);
    assert.ok(
      labelled < firstEviction,
      `labelled after the first eviction:\n${timeline.join('\n')}`,
    );
    assert.ok(cordoned >= 0, `node never cordoned:\n${timeline.join('\n')}`);
    assert.ok(
      cordoned < firstEviction,
      `cordoned after the first eviction:\n${timeline.join('\n')}`,
    );
    assert.deepEqual(
      disruptionsSeen.filter((allowed) => allowed < 0),
      [],
    );
    for (const app of APPS)
      assert.ok((lowest.get(app.name) ?? 0) >= 2, `${app.name} fell to ${lowest.get(app.name)}`);
    assert.deepEqual(
      settled.filter((p) => p.spec?.nodeName === node),
      [],
    );
    assert.deepEqual(state.node(node).done, [
      'label',
      'deregister',
      'cordon',
      'evict',
      'replacements',
    ]);
    assert.ok(events.includes('drain.lb.skipped'));

    await uncordonAll();
    const back = await core.readNode({ name: node });
    assert.equal(back.spec?.unschedulable, undefined);
    assert.equal(back.metadata?.labels?.[EXCLUDE_LB_LABEL], undefined);
  });

  it('[R6][apiserver] dry run changes nothing', async () => {
    const node = await nodeOf(APPS[1]!);
    const before = (await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` }))
      .items.length;
    const events: string[] = [];
    await drainNodes(
      options(new DrainStateFile(join(work, 'dry.json'), true), {
        target: { nodes: [node] },
        dryRun: true,
        onEvent: (event) => events.push(event.messageId),
      }),
    );
    const after = await core.readNode({ name: node });
    assert.equal(after.spec?.unschedulable, undefined);
    assert.equal(after.metadata?.labels?.[EXCLUDE_LB_LABEL], undefined);
    assert.equal(
      (await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` })).items.length,
      before,
    );
    assert.ok(events.includes('drain.evict.wouldEvict'));
    assert.equal(existsSync(join(work, 'dry.json')), false);
  });

  it('[R6][apiserver] unmeetable budget times out', async () => {
    const app = APPS[2]!;
    await policy.patchNamespacedPodDisruptionBudget(
      { name: app.name, namespace: app.namespace, body: { spec: { maxUnavailable: 0 } } },
      MERGE_PATCH,
    );
    await waitFor('the budget to allow nothing', 30_000, async () => {
      const pdb = await policy.readNamespacedPodDisruptionBudget({
        name: app.name,
        namespace: app.namespace,
      });
      return pdb.status?.disruptionsAllowed === 0 &&
        pdb.status.observedGeneration === pdb.metadata?.generation
        ? true
        : undefined;
    });
    const node = await nodeOf(app);
    const podsBefore = (
      await core.listNamespacedPod({
        namespace: app.namespace,
        labelSelector: `app.kubernetes.io/name=${app.name}`,
      })
    ).items
      .map((p) => p.metadata?.name)
      .sort();
    const retries: string[] = [];
    const error = await drainNodes(
      options(new DrainStateFile(join(work, 'stuck.json'), false), {
        target: { nodes: [node] },
        clock: {
          now: () => Date.now(),
          sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
          deadline: Date.now() + 8_000,
        },
        onEvent: (event) => {
          if (event.messageId === 'drain.evict.retry') retries.push(String(event.params.seconds));
        },
      }),
    ).then(
      () => assert.fail('the drain should time out'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof KinkoError);
    assert.equal(error.code, DRAIN_TIMEOUT);
    assert.equal(error.summary.messageId, 'drain.timeout.budget');
    assert.equal(error.problems.at(-1)?.messageId, 'drain.timeout.nodeState');
    assert.deepEqual(retries.slice(0, 3), ['1', '2', '4']);
    assert.equal((await core.readNode({ name: node })).spec?.unschedulable, true);
    const podsAfter = (
      await core.listNamespacedPod({
        namespace: app.namespace,
        labelSelector: `app.kubernetes.io/name=${app.name}`,
      })
    ).items;
    assert.deepEqual(podsAfter.map((p) => p.metadata?.name).sort(), podsBefore);
    assert.deepEqual(
      podsAfter.filter((p) => p.metadata?.deletionTimestamp !== undefined),
      [],
    );

    await policy.patchNamespacedPodDisruptionBudget(
      { name: app.name, namespace: app.namespace, body: { spec: { maxUnavailable: 1 } } },
      MERGE_PATCH,
    );
    await uncordonAll();
  });

  it('[R6][apiserver] two budgets fail at once', async () => {
    const app = APPS[0]!;
    await policy.createNamespacedPodDisruptionBudget({
      namespace: app.namespace,
      body: {
        metadata: { name: 'second' },
        spec: {
          maxUnavailable: 1,
          selector: { matchLabels: { 'app.kubernetes.io/name': app.name } },
        },
      },
    });
    await waitFor('the second budget to have a status', 30_000, async () => {
      const pdb = await policy.readNamespacedPodDisruptionBudget({
        name: 'second',
        namespace: app.namespace,
      });
      return pdb.status?.observedGeneration !== undefined ? true : undefined;
    });
    const node = await nodeOf(app);
    const error = await drainNodes(
      options(new DrainStateFile(join(work, 'two.json'), false), { target: { nodes: [node] } }),
    ).then(
      () => assert.fail('the drain should fail'),
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof KinkoError);
    assert.equal(error.code, 'KINKO_DRAIN_FAILED');
    assert.equal(error.summary.messageId, 'drain.evict.severalBudgets');
    const terminating = (
      await core.listNamespacedPod({
        namespace: app.namespace,
        labelSelector: `app.kubernetes.io/name=${app.name}`,
      })
    ).items.filter((p) => p.metadata?.deletionTimestamp !== undefined);
    assert.deepEqual(terminating, []);
    await policy.deleteNamespacedPodDisruptionBudget({ name: 'second', namespace: app.namespace });
    await uncordonAll();
    await waitFor('the apps to settle', 60_000, appsSettled);
  });

  it('[R6][apiserver] killed drain resumes on rerun', async () => {
    // The trade budget allows no disruption while the first run is alive, so that run is still
    // retrying its eviction when the test kills it; a node that also runs an app of namespace a
    // (listed first) has one eviction recorded by then.
    const blocked = APPS[2]!;
    const pods = (await core.listPodForAllNamespaces()).items;
    const tradeNodes = pods
      .filter((p) => p.metadata?.labels?.['app.kubernetes.io/name'] === blocked.name)
      .map((p) => p.spec?.nodeName ?? '');
    const withA = tradeNodes.find((name) =>
      pods.some((p) => p.metadata?.namespace === 'a' && p.spec?.nodeName === name),
    );
    const node = withA ?? tradeNodes[0] ?? assert.fail('no trade pod');
    await policy.patchNamespacedPodDisruptionBudget(
      { name: blocked.name, namespace: blocked.namespace, body: { spec: { maxUnavailable: 0 } } },
      MERGE_PATCH,
    );
    await waitFor('the budget to allow nothing', 30_000, async () => {
      const pdb = await policy.readNamespacedPodDisruptionBudget({
        name: blocked.name,
        namespace: blocked.namespace,
      });
      return pdb.status?.disruptionsAllowed === 0 &&
        pdb.status.observedGeneration === pdb.metadata?.generation
        ? true
        : undefined;
    });
    const statePath = join(work, 'killed.json');
    const args = [
      CLI,
      'drain',
      node,
      '--yes',
      '--no-load-balancer',
      '--kubeconfig',
      bed.kubeconfigPath,
      '--state',
      statePath,
    ];
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    let exited = false;
    child.on('exit', () => {
      exited = true;
    });
    await waitFor('the drain to reach the evictions', 60_000, async () => {
      if (!existsSync(statePath)) return undefined;
      try {
        const state = JSON.parse(readFileSync(statePath, 'utf8')) as {
          nodes: Record<string, { done: string[]; evicted: unknown[] }>;
        };
        const entry = state.nodes[node];
        const cordoned = entry?.done.includes('cordon') === true;
        const evicted = (entry?.evicted.length ?? 0) > 0 || withA === undefined;
        return cordoned && evicted ? true : undefined;
      } catch {
        return undefined;
      }
    });
    assert.equal(exited, false);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const killedState = JSON.parse(readFileSync(statePath, 'utf8')) as {
      nodes: Record<string, { done: string[] }>;
    };
    assert.deepEqual(killedState.nodes[node]?.done, ['label', 'deregister', 'cordon']);
    assert.equal((await core.readNode({ name: node })).spec?.unschedulable, true);

    await policy.patchNamespacedPodDisruptionBudget(
      { name: blocked.name, namespace: blocked.namespace, body: { spec: { maxUnavailable: 1 } } },
      MERGE_PATCH,
    );
    const rerun = spawnSync(process.execPath, args, { encoding: 'utf8' });
    assert.equal(rerun.status, 0, rerun.stderr);
    assert.match(rerun.stdout, /label already done \(state file\)/);
    const settled = await waitFor('the apps to settle', 60_000, appsSettled);
    assert.deepEqual(
      settled.filter((p) => p.spec?.nodeName === node),
      [],
    );
    const finalState = JSON.parse(readFileSync(statePath, 'utf8')) as {
      nodes: Record<string, { done: string[] }>;
    };
    assert.deepEqual(finalState.nodes[node]?.done, [
      'label',
      'deregister',
      'cordon',
      'evict',
      'replacements',
    ]);

    const undo = spawnSync(
      process.execPath,
      [CLI, 'uncordon', node, '--kubeconfig', bed.kubeconfigPath, '--state', statePath],
      { encoding: 'utf8' },
    );
    assert.equal(undo.status, 0, undo.stderr);
    assert.equal((await core.readNode({ name: node })).spec?.unschedulable, undefined);
  });

  it('[R6][apiserver] no terminal without --yes refused', () => {
    const node = bed.nodeNames[0]!;
    const run = spawnSync(
      process.execPath,
      [
        CLI,
        'drain',
        node,
        '--no-load-balancer',
        '--kubeconfig',
        bed.kubeconfigPath,
        '--state',
        join(work, 'noyes.json'),
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    assert.equal(run.status, 1);
    assert.match(run.stderr, /no terminal to ask on/);
  });

  it('[R2][apiserver] zone drain moves pods away', async () => {
    const zone =
      (await core.readNode({ name: bed.nodeNames[0]! })).metadata?.labels?.[ZONE_LABEL] ?? '';
    const zoneNodes = (await core.listNode({ labelSelector: `${ZONE_LABEL}=${zone}` })).items.map(
      (n) => n.metadata?.name ?? '',
    );
    const result = await drainNodes(
      options(new DrainStateFile(join(work, 'zone.json'), false), { target: { nodes: [], zone } }),
    );
    assert.deepEqual(result.nodes.map((n) => n.node).sort(), [...zoneNodes].sort());
    const settled = await waitFor('the apps to settle', 60_000, appsSettled);
    assert.deepEqual(
      settled.filter((p) => zoneNodes.includes(p.spec?.nodeName ?? '')),
      [],
    );
    const deployments = await appsApi.listDeploymentForAllNamespaces();
    for (const app of APPS) {
      const deployment = deployments.items.find((d) => d.metadata?.name === app.name);
      assert.equal(deployment?.status?.readyReplicas, 3);
    }
    await uncordonAll();
  });
});
