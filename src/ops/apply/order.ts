/**
 * The order `kinko apply` creates objects in: definitions before their instances, namespaces
 * before what lives in them, identities and permissions before the workloads that use them.
 */
import type { KubernetesObject } from '@kubernetes/client-node';

const KIND_RANK: Readonly<Record<string, number>> = {
  CustomResourceDefinition: 0,
  Namespace: 1,
  ServiceAccount: 2,
  ClusterRole: 3,
  ClusterRoleBinding: 3,
  Role: 3,
  RoleBinding: 3,
  NetworkPolicy: 4,
  ConfigMap: 5,
  Secret: 5,
  SecretProviderClass: 5,
  PersistentVolume: 6,
  PersistentVolumeClaim: 7,
  Service: 8,
  PodDisruptionBudget: 8,
  Deployment: 9,
  StatefulSet: 9,
  DaemonSet: 9,
};

/** Custom resources come after every built-in kind, once their definitions exist. */
const CUSTOM_RESOURCE_RANK = 10;

export function applyRank(object: KubernetesObject): number {
  return KIND_RANK[object.kind ?? ''] ?? CUSTOM_RESOURCE_RANK;
}

/** Sort stably by rank, keeping the file order within a rank. */
export function sortForApply<T extends { object: KubernetesObject }>(items: readonly T[]): T[] {
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => applyRank(a.item.object) - applyRank(b.item.object) || a.index - b.index)
    .map(({ item }) => item);
}
