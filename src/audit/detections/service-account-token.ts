import { TACTICS, matched, type Detection } from '../detection.js';
import { isCreate, targetsSubresource, userIsSystemComponent } from '../predicates.js';

/**
 * A ServiceAccount token minted for a person or a workload rather than the control plane (the
 * kubelet requests the tokens pods mount, as a `system:node:` user).
 */
export const serviceAccountToken: Detection = {
  id: 'service-account-token',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.credentialAccess,
  condition: (event) =>
    matched(
      isCreate(event) &&
        targetsSubresource(event, 'serviceaccounts', 'token') &&
        !userIsSystemComponent(event),
    ),
};
