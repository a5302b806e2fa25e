/**
 * Finds the objects Kinko applied before (by label) that the current manifests no longer contain.
 */
import {
  ApiException,
  type KubernetesObject,
  type KubernetesObjectApi,
} from '@kubernetes/client-node';

import type { SourcedObject } from './manifest-set.js';
import { applyRank } from './order.js';

export interface KindRef {
  readonly apiVersion: string;
  readonly kind: string;
}

/** Every kind `kinko synth` writes; prune looks for stale objects of these kinds only. */
export const PRUNABLE_KINDS: readonly KindRef[] = [
  { apiVersion: 'v1', kind: 'Namespace' },
  { apiVersion: 'v1', kind: 'ServiceAccount' },
  { apiVersion: 'v1', kind: 'Service' },
  { apiVersion: 'v1', kind: 'Secret' },
  { apiVersion: 'v1', kind: 'ConfigMap' },
  { apiVersion: 'v1', kind: 'PersistentVolume' },
  { apiVersion: 'v1', kind: 'PersistentVolumeClaim' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role' },
  { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'RoleBinding' },
  { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy' },
  { apiVersion: 'secrets-store.csi.x-k8s.io/v1', kind: 'SecretProviderClass' },
  { apiVersion: 'k8s.nginx.org/v1', kind: 'VirtualServer' },
  { apiVersion: 'argoproj.io/v1alpha1', kind: 'Application' },
  { apiVersion: 'argoproj.io/v1alpha1', kind: 'AppProject' },
];

function key(object: KubernetesObject): string {
  const group = (object.apiVersion ?? '').includes('/')
    ? (object.apiVersion ?? '').split('/')[0]
    : '';
  return `${group}/${object.kind ?? ''}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

/**
 * List the labelled objects of each kind and return those not in `desired`, workloads first and
 * namespaces last, the reverse of the apply order. A kind the API server does not serve is skipped.
 */
export async function pruneCandidates(
  client: KubernetesObjectApi,
  desired: readonly SourcedObject[],
  kinds: readonly KindRef[],
  labelSelector: string,
): Promise<KubernetesObject[]> {
  const wanted = new Set(desired.map(({ object }) => key(object)));
  const stale: KubernetesObject[] = [];

  for (const { apiVersion, kind } of kinds) {
    let items: KubernetesObject[];
    try {
      const list = await client.list(
        apiVersion,
        kind,
        undefined,
        undefined,
        undefined,
        undefined,
        undefined,
        labelSelector,
      );
      items = list.items;
    } catch (error) {
      if (error instanceof ApiException && error.code === 404) continue;
      throw error;
    }
    for (const item of items) {
      const object = { ...item, apiVersion, kind };
      if (!wanted.has(key(object))) stale.push(object);
    }
  }
  return stale.sort((a, b) => applyRank(b) - applyRank(a));
}
