/**
 * Topology spread constraints that keep an app's replicas apart, over Availability Zones and
 * over nodes.
 */
import type { V1TopologySpreadConstraint } from '@kubernetes/client-node';

import type { ResolvedApp } from '../model/platform.js';

export const ZONE_TOPOLOGY_KEY = 'topology.kubernetes.io/zone';
export const HOSTNAME_TOPOLOGY_KEY = 'kubernetes.io/hostname';

/**
 * Zones are a hard rule (`DoNotSchedule`): replicas stay within one of each other across zones,
 * so losing a zone never takes the whole app. Hosts are a soft rule (`ScheduleAnyway`): during a
 * drain or with fewer nodes than replicas, a hard host rule would leave evicted pods Pending,
 * and a Pending pod during node maintenance is an avoidable loss of capacity.
 *
 * `nodeTaintsPolicy: Honor` leaves cordoned and tainted nodes out of the skew count. The default
 * (`Ignore`) counts a cordoned, empty node, and under a hard rule that blocks every other node.
 * `matchLabelKeys: [pod-template-hash]` counts only the pods of the same ReplicaSet, so old pods
 * that a rolling update is about to remove do not skew where the new ones go.
 */
export function buildTopologySpreadConstraints(app: ResolvedApp): V1TopologySpreadConstraint[] {
  const common = {
    maxSkew: 1,
    labelSelector: { matchLabels: { ...app.selector } },
    matchLabelKeys: ['pod-template-hash'],
    nodeTaintsPolicy: 'Honor',
  };
  return [
    { ...common, topologyKey: ZONE_TOPOLOGY_KEY, whenUnsatisfiable: 'DoNotSchedule' },
    { ...common, topologyKey: HOSTNAME_TOPOLOGY_KEY, whenUnsatisfiable: 'ScheduleAnyway' },
  ];
}
