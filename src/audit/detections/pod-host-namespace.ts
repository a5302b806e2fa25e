import { TACTICS, type Detection } from '../detection.js';
import { isWrite, podSpecOf, targetsResource } from '../predicates.js';

const HOST_NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'] as const;

/** A pod that shares its node's network, process or IPC namespace. */
export const podHostNamespace: Detection = {
  id: 'pod-host-namespace',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.privilegeEscalation,
  condition: (event) => {
    if (!isWrite(event) || !targetsResource(event, 'pods')) return undefined;
    const spec = podSpecOf(event);
    if (spec === undefined) return undefined;
    const shared = HOST_NAMESPACE_FIELDS.filter((field) => spec[field] === true);
    return shared.length > 0 ? { hostNamespaces: shared.join(',') } : undefined;
  },
};
