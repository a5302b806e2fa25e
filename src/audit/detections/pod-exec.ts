import { TACTICS, matched, type Detection } from '../detection.js';
import { targetsSubresource } from '../predicates.js';

/**
 * A shell or an attached terminal in a running container. kubectl 1.30 and later open exec and
 * attach over WebSocket, which the apiserver records as `get`; older clients use `create`.
 */
export const podExec: Detection = {
  id: 'pod-exec',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.execution,
  condition: (event) => matched(targetsSubresource(event, 'pods', 'exec', 'attach')),
};
