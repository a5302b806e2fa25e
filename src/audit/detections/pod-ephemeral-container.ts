import { TACTICS, matched, type Detection } from '../detection.js';
import { isWrite, targetsSubresource } from '../predicates.js';

/** A debug container added to a running pod (`kubectl debug`), which shares its namespaces. */
export const podEphemeralContainer: Detection = {
  id: 'pod-ephemeral-container',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.execution,
  condition: (event) =>
    matched(isWrite(event) && targetsSubresource(event, 'pods', 'ephemeralcontainers')),
};
