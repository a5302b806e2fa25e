/**
 * An app's PodDisruptionBudget, which a drain's evictions respect.
 */
import type { V1PodDisruptionBudget } from '@kubernetes/client-node';

import type { ResolvedApp, ResolvedSystem } from '../model/platform.js';
import { ManifestBuildError } from './errors.js';
import type { Manifest } from './kube-object.js';

/**
 * Builds the budget. `maxUnavailable: 1` lets a drain evict one replica at a time, for any count
 * of two or more replicas. `minAvailable` would have to follow every change of replicas to mean
 * the same. `unhealthyPodEvictionPolicy: AlwaysAllow` lets a drain evict a pod that is not ready
 * anyway (in a crash loop, for example), which otherwise would block the drain indefinitely.
 */
export function buildPodDisruptionBudget(
  system: ResolvedSystem,
  app: ResolvedApp,
  labels: Readonly<Record<string, string>>,
): Manifest<V1PodDisruptionBudget> {
  // One replica reaches here only under a declared `single-replica` exception: the budget still
  // lets a drain evict it, which is the outage that exception accepts.
  if (!Number.isInteger(app.replicas) || app.replicas < 1) {
    throw new ManifestBuildError(
      'KUBE_REPLICAS_BELOW_ONE',
      `app ${system.name}/${app.name}: replicas is ${app.replicas}; the model allows 1 or more`,
    );
  }

  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: app.name, namespace: system.namespace, labels: { ...labels } },
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: { ...app.selector } },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  };
}
