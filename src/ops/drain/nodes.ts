/**
 * Targets of a drain: the nodes (by name, node group or zone), each node's EC2 instance id, and
 * the treatment of each pod on a node.
 */
import type { CoreV1Api, V1Node, V1Pod } from '@kubernetes/client-node';

import { KinkoError } from '../../errors.js';

export const DRAIN_FAILED = 'KINKO_DRAIN_FAILED';

/** Label that EKS managed node groups put on their nodes. */
export const NODEGROUP_LABEL = 'eks.amazonaws.com/nodegroup';
export const ZONE_LABEL = 'topology.kubernetes.io/zone';
/** Label that makes load balancer controllers take a node out of their target groups. */
export const EXCLUDE_LB_LABEL = 'node.kubernetes.io/exclude-from-external-load-balancers';
/** Annotation the kubelet puts on a static (mirror) pod. */
const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

export interface DrainTarget {
  readonly nodes: readonly string[];
  readonly nodegroup?: string;
  readonly zone?: string;
}

/** Returns the instance id of `aws:///ap-northeast-1a/i-0123…`, or undefined for other providers. */
export function instanceIdOf(providerId: string | undefined): string | undefined {
  const match = /^aws:\/\/\/[^/]*\/(i-[0-9a-f]+)$/.exec(providerId ?? '');
  return match?.[1];
}

/** Resolves the target to node objects, sorted by name; an unknown node or an empty group is an error. */
export async function selectNodes(core: CoreV1Api, target: DrainTarget): Promise<V1Node[]> {
  const selectors: string[] = [];
  if (target.nodegroup !== undefined) selectors.push(`${NODEGROUP_LABEL}=${target.nodegroup}`);
  if (target.zone !== undefined) selectors.push(`${ZONE_LABEL}=${target.zone}`);
  const found = new Map<string, V1Node>();
  if (selectors.length > 0) {
    const list = await core.listNode({ labelSelector: selectors.join(',') });
    for (const node of list.items) found.set(node.metadata?.name ?? '', node);
    if (list.items.length === 0) {
      throw new KinkoError(DRAIN_FAILED, 'user', {
        messageId: 'drain.target.empty',
        params: { selector: selectors.join(',') },
      });
    }
  }
  if (target.nodes.length > 0) {
    const all = await core.listNode();
    for (const name of target.nodes) {
      const node = all.items.find((candidate) => candidate.metadata?.name === name);
      if (node === undefined) {
        throw new KinkoError(DRAIN_FAILED, 'user', {
          messageId: 'drain.target.unknownNode',
          params: { node: name },
        });
      }
      found.set(name, node);
    }
  }
  if (found.size === 0) {
    throw new KinkoError(DRAIN_FAILED, 'user', { messageId: 'drain.target.none', params: {} });
  }
  return [...found.values()].sort((a, b) =>
    (a.metadata?.name ?? '').localeCompare(b.metadata?.name ?? ''),
  );
}

/** Treatment of a pod by the drain: evict it, leave it, or reject the drain. */
export type PodHandling = 'evict' | 'daemonset' | 'mirror' | 'finished' | 'unmanaged';

export function podHandling(pod: V1Pod): PodHandling {
  if (pod.metadata?.annotations?.[MIRROR_ANNOTATION] !== undefined) return 'mirror';
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return 'finished';
  const owner = pod.metadata?.ownerReferences?.find((ref) => ref.controller === true);
  if (owner === undefined) return 'unmanaged';
  if (owner.kind === 'DaemonSet') return 'daemonset';
  return 'evict';
}

/** `namespace/name` of a pod. */
export function podKey(pod: V1Pod): string {
  return `${pod.metadata?.namespace ?? ''}/${pod.metadata?.name ?? ''}`;
}

export async function podsOnNode(core: CoreV1Api, node: string): Promise<V1Pod[]> {
  const list = await core.listPodForAllNamespaces({ fieldSelector: `spec.nodeName=${node}` });
  return list.items;
}
