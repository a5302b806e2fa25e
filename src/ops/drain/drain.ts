/**
 * `kinko drain`: plan, confirm, then label, deregister and cordon every node, evict its pods and
 * wait for their replacements to be Ready elsewhere. Every step is idempotent and recorded in the
 * state file, so a rerun after an interruption continues where the last run stopped.
 */
import {
  AppsV1Api,
  CoreV1Api,
  PatchStrategy,
  setHeaderOptions,
  type KubeConfig,
  type V1Node,
} from '@kubernetes/client-node';

import { KinkoError } from '../../errors.js';
import { DRAIN_TIMEOUT, evictPod, type DrainClock, type DrainEvent } from './evict.js';
import { deregisterInstance, type LoadBalancerSettings } from './load-balancer.js';
import {
  DRAIN_FAILED,
  EXCLUDE_LB_LABEL,
  instanceIdOf,
  podHandling,
  podKey,
  podsOnNode,
  selectNodes,
  type DrainTarget,
  type PodHandling,
} from './nodes.js';
import { waitForReplacements } from './replacements.js';
import type { DrainStateFile, DrainStep } from './state.js';

export const DRAIN_NOT_CONFIRMED = 'KINKO_DRAIN_NOT_CONFIRMED';

export interface NodePlan {
  readonly node: string;
  readonly instanceId?: string;
  /** Pods by how the drain treats them. */
  readonly pods: Readonly<Record<PodHandling, readonly string[]>>;
}

export interface DrainPlan {
  readonly nodes: readonly NodePlan[];
  /** Reason the load balancer step is skipped; undefined when it runs. */
  readonly loadBalancerSkipped?: string;
}

export interface DrainOptions {
  readonly kubeConfig: KubeConfig;
  readonly target: DrainTarget;
  readonly state: DrainStateFile;
  readonly dryRun: boolean;
  /** Evict pods that no controller owns; they are not recreated. */
  readonly force: boolean;
  /** Target groups to leave; undefined skips deregistration for `loadBalancerSkipped`. */
  readonly loadBalancer?: LoadBalancerSettings;
  readonly loadBalancerSkipped?: string;
  readonly clock: DrainClock;
  readonly confirm: (plan: DrainPlan) => Promise<boolean>;
  readonly onEvent: (event: DrainEvent) => void;
}

export interface DrainResult {
  readonly dryRun: boolean;
  readonly nodes: ReadonlyArray<{ node: string; evicted: number; skipped: number }>;
}

const MERGE_PATCH = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

function planNode(node: V1Node, pods: Awaited<ReturnType<typeof podsOnNode>>): NodePlan {
  const grouped: Record<PodHandling, string[]> = {
    evict: [],
    daemonset: [],
    mirror: [],
    finished: [],
    unmanaged: [],
  };
  for (const pod of pods) grouped[podHandling(pod)].push(podKey(pod));
  const instanceId = instanceIdOf(node.spec?.providerID);
  return {
    node: node.metadata?.name ?? '',
    ...(instanceId !== undefined ? { instanceId } : {}),
    pods: grouped,
  };
}

export async function drainNodes(options: DrainOptions): Promise<DrainResult> {
  const core = options.kubeConfig.makeApiClient(CoreV1Api);
  const apps = options.kubeConfig.makeApiClient(AppsV1Api);
  const { state, dryRun, onEvent } = options;
  const nodes = await selectNodes(core, options.target);
  const names = nodes.map((node) => node.metadata?.name ?? '');
  const drained = new Set(names);

  const plans: NodePlan[] = [];
  for (const node of nodes)
    plans.push(planNode(node, await podsOnNode(core, node.metadata?.name ?? '')));
  const plan: DrainPlan = {
    nodes: plans,
    ...(options.loadBalancerSkipped !== undefined
      ? { loadBalancerSkipped: options.loadBalancerSkipped }
      : {}),
  };
  const unmanaged = plans.flatMap((p) => p.pods.unmanaged);
  if (unmanaged.length > 0 && !options.force) {
    throw new KinkoError(DRAIN_FAILED, 'user', {
      messageId: 'drain.unmanaged',
      params: { pods: unmanaged.join(', ') },
    });
  }
  if (!(await options.confirm(plan))) {
    throw new KinkoError(DRAIN_NOT_CONFIRMED, 'user', {
      messageId: 'drain.notConfirmed',
      params: {},
    });
  }

  const step = async (node: string, name: DrainStep, run: () => Promise<void>) => {
    if (state.isDone(node, name)) {
      onEvent({ messageId: 'drain.step.alreadyDone', params: { node, step: name } });
      return;
    }
    await run();
    if (!dryRun) state.markDone(node, name);
    onEvent({
      messageId: dryRun ? 'drain.step.wouldDo' : 'drain.step.done',
      params: { node, step: name },
    });
  };

  try {
    // Every node leaves the load balancers and is cordoned before the first eviction, so evicted
    // pods never land on a node that is about to be drained too.
    for (const nodePlan of plans) {
      const { node, instanceId } = nodePlan;
      await step(node, 'label', async () => {
        if (!dryRun) {
          await core.patchNode(
            { name: node, body: { metadata: { labels: { [EXCLUDE_LB_LABEL]: 'true' } } } },
            MERGE_PATCH,
          );
        }
      });
      await step(node, 'deregister', async () => {
        if (options.loadBalancer === undefined) {
          onEvent({
            messageId: 'drain.lb.skipped',
            params: { node, reason: options.loadBalancerSkipped ?? '-' },
          });
          return;
        }
        if (instanceId === undefined) {
          throw new KinkoError(DRAIN_FAILED, 'user', {
            messageId: 'drain.lb.noInstance',
            params: { node },
          });
        }
        await deregisterInstance(options.loadBalancer, node, instanceId, options);
      });
      await step(node, 'cordon', async () => {
        if (!dryRun) {
          await core.patchNode(
            { name: node, body: { spec: { unschedulable: true } } },
            MERGE_PATCH,
          );
        }
      });
    }

    const results: Array<{ node: string; evicted: number; skipped: number }> = [];
    for (const nodePlan of plans) {
      const { node } = nodePlan;
      let evicted = 0;
      let skipped = 0;
      await step(node, 'evict', async () => {
        // Listed again: the plan may be old after a confirmation prompt or a rerun.
        for (const pod of await podsOnNode(core, node)) {
          const handling = podHandling(pod);
          if (pod.metadata?.deletionTimestamp !== undefined) continue;
          if (handling !== 'evict' && !(handling === 'unmanaged' && options.force)) {
            skipped++;
            onEvent({ messageId: 'drain.evict.skip', params: { pod: podKey(pod), handling } });
            continue;
          }
          const owner = pod.metadata?.ownerReferences?.find((ref) => ref.controller === true);
          const outcome = await evictPod(core, pod, options);
          if (outcome === 'evicted') evicted++;
          if (!dryRun && owner !== undefined) {
            state.recordEviction(node, {
              pod: podKey(pod),
              ownerKind: owner.kind,
              ownerName: owner.name,
              namespace: pod.metadata?.namespace ?? '',
            });
          }
          onEvent({
            messageId: dryRun ? 'drain.evict.wouldEvict' : 'drain.evict.done',
            params: { pod: podKey(pod), node },
          });
        }
      });
      results.push({ node, evicted, skipped });
    }

    for (const { node } of plans) {
      await step(node, 'replacements', async () => {
        if (dryRun) return;
        await waitForReplacements(core, apps, state.node(node).evicted, drained, options);
      });
    }
    return { dryRun, nodes: results };
  } catch (error) {
    if (error instanceof KinkoError && error.code === DRAIN_TIMEOUT) {
      throw new KinkoError(DRAIN_TIMEOUT, 'user', error.summary, [
        ...error.problems,
        ...names.map((node) => ({
          messageId: 'drain.timeout.nodeState',
          params: { node, done: state.node(node).done.join(', ') || '-' },
        })),
      ]);
    }
    throw error;
  }
}

/** `kinko uncordon`: makes the nodes schedulable and removes the exclusion label. */
export async function uncordonNodes(options: {
  kubeConfig: KubeConfig;
  target: DrainTarget;
  state: DrainStateFile;
  dryRun: boolean;
  onEvent: (event: DrainEvent) => void;
}): Promise<string[]> {
  const core = options.kubeConfig.makeApiClient(CoreV1Api);
  const nodes = await selectNodes(core, options.target);
  const names: string[] = [];
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    if (!options.dryRun) {
      await core.patchNode(
        {
          name,
          body: {
            spec: { unschedulable: null },
            metadata: { labels: { [EXCLUDE_LB_LABEL]: null } },
          },
        },
        MERGE_PATCH,
      );
      options.state.forget(name);
    }
    options.onEvent({
      messageId: options.dryRun ? 'drain.uncordon.would' : 'drain.uncordon.done',
      params: { node: name },
    });
    names.push(name);
  }
  return names;
}
