import { TACTICS, type Detection } from '../detection.js';
import { isWrite, podSpecOf, targetsResource } from '../predicates.js';

/** A pod that mounts a folder of its node, the usual first step out of a container. */
export const podHostPath: Detection = {
  id: 'pod-host-path',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.privilegeEscalation,
  condition: (event) => {
    if (!isWrite(event) || !targetsResource(event, 'pods')) return undefined;
    const volumes = podSpecOf(event)?.volumes;
    if (!Array.isArray(volumes)) return undefined;
    const paths = volumes
      .map((volume) => (volume as { hostPath?: { path?: unknown } }).hostPath?.path)
      .filter((path): path is string => typeof path === 'string');
    return paths.length > 0 ? { hostPaths: paths.join(',') } : undefined;
  },
};
