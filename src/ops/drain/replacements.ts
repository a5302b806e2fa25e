/**
 * Waits until the controllers of the evicted pods have their replicas Ready again on nodes that
 * are not being drained.
 */
import type { AppsV1Api, CoreV1Api, V1Pod } from '@kubernetes/client-node';

import { KinkoError } from '../../errors.js';
import { DRAIN_TIMEOUT, type DrainClock, type DrainEvent } from './evict.js';
import type { EvictedPod } from './state.js';

const POLL_MS = 1000;

export interface OwnerProgress {
  /** `ReplicaSet namespace/name`. */
  readonly owner: string;
  readonly desired: number;
  readonly ready: number;
}

function isReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
}

async function ownerProgress(
  core: CoreV1Api,
  apps: AppsV1Api,
  owner: EvictedPod,
  drained: ReadonlySet<string>,
): Promise<OwnerProgress | undefined> {
  const read =
    owner.ownerKind === 'ReplicaSet'
      ? apps.readNamespacedReplicaSet({ name: owner.ownerName, namespace: owner.namespace })
      : owner.ownerKind === 'StatefulSet'
        ? apps.readNamespacedStatefulSet({ name: owner.ownerName, namespace: owner.namespace })
        : undefined;
  // NOTE: other owners (Jobs, custom controllers) have no replica count to wait for.
  if (read === undefined) return undefined;
  let desired: number;
  try {
    desired = (await read).spec?.replicas ?? 1;
  } catch {
    // The owner is gone (a rollout removed the ReplicaSet): nothing is left to replace.
    return undefined;
  }
  const pods = await core.listNamespacedPod({ namespace: owner.namespace });
  const ready = pods.items.filter(
    (pod) =>
      pod.metadata?.ownerReferences?.some(
        (ref) => ref.kind === owner.ownerKind && ref.name === owner.ownerName,
      ) === true &&
      pod.metadata?.deletionTimestamp === undefined &&
      !drained.has(pod.spec?.nodeName ?? '') &&
      isReady(pod),
  ).length;
  return { owner: `${owner.ownerKind} ${owner.namespace}/${owner.ownerName}`, desired, ready };
}

/** Waits until every owner has `desired` Ready pods off the drained nodes. */
export async function waitForReplacements(
  core: CoreV1Api,
  apps: AppsV1Api,
  evicted: readonly EvictedPod[],
  drained: ReadonlySet<string>,
  options: { clock: DrainClock; onEvent: (event: DrainEvent) => void },
): Promise<void> {
  const owners = new Map<string, EvictedPod>();
  for (const pod of evicted) owners.set(`${pod.ownerKind}/${pod.namespace}/${pod.ownerName}`, pod);
  for (;;) {
    const waiting: OwnerProgress[] = [];
    for (const owner of owners.values()) {
      const progress = await ownerProgress(core, apps, owner, drained);
      if (progress !== undefined && progress.ready < progress.desired) waiting.push(progress);
    }
    if (waiting.length === 0) return;
    const text = waiting.map((w) => `${w.owner} ${w.ready}/${w.desired}`).join(', ');
    if (options.clock.now() + POLL_MS > options.clock.deadline) {
      throw new KinkoError(DRAIN_TIMEOUT, 'user', {
        messageId: 'drain.timeout.replacements',
        params: { owners: text },
      });
    }
    options.onEvent({ messageId: 'drain.replacements.waiting', params: { owners: text } });
    await options.clock.sleep(POLL_MS);
  }
}
