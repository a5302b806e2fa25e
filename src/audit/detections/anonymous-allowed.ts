import { TACTICS, matched, type Detection } from '../detection.js';
import { isAllowed, isNonResourceRequest, userIsAnonymous } from '../predicates.js';

/**
 * Paths Kubernetes lets anonymous users read by default (ClusterRole system:public-info-viewer),
 * which load balancers and probes call.
 */
const PUBLIC_INFO_PATHS = /^\/(healthz|livez|readyz|version)(\/|\?|$)/;

/** A request by an unauthenticated user that the authorizer allowed. */
export const anonymousAllowed: Detection = {
  id: 'anonymous-allowed',
  severity: 'critical',
  practice: 'S12',
  tactic: TACTICS.initialAccess,
  condition: (event) =>
    matched(
      userIsAnonymous(event) &&
        isAllowed(event) &&
        !(isNonResourceRequest(event) && PUBLIC_INFO_PATHS.test(event.requestURI)),
    ),
};
