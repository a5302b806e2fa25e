import { TACTICS, type Detection } from '../detection.js';
import { containersOf, isWrite, podSpecOf, targetsResource } from '../predicates.js';

/**
 * A pod with a privileged container. Only Pod objects are checked: a workload's pods are created
 * by its controller and reported then, so one privileged Deployment does not alert twice.
 */
export const podPrivileged: Detection = {
  id: 'pod-privileged',
  severity: 'critical',
  practice: 'S12',
  tactic: TACTICS.privilegeEscalation,
  condition: (event) => {
    if (!isWrite(event) || !targetsResource(event, 'pods')) return undefined;
    const spec = podSpecOf(event);
    if (spec === undefined) return undefined;
    const privileged = containersOf(spec)
      .filter((container) => {
        const context = container.securityContext as { privileged?: unknown } | undefined;
        return context?.privileged === true;
      })
      .map((container) => String(container.name));
    return privileged.length > 0 ? { containers: privileged.join(',') } : undefined;
  },
};
