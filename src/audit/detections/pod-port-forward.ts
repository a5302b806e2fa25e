import { TACTICS, matched, type Detection } from '../detection.js';
import { targetsSubresource } from '../predicates.js';

/** A tunnel from a client into a pod's ports, past the NetworkPolicies and the mesh. */
export const podPortForward: Detection = {
  id: 'pod-port-forward',
  severity: 'medium',
  practice: 'S12',
  tactic: TACTICS.lateralMovement,
  condition: (event) => matched(targetsSubresource(event, 'pods', 'portforward')),
};
