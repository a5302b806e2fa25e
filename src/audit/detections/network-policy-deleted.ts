import { TACTICS, matched, type Detection } from '../detection.js';
import { isDelete, targetsResource, userIsSystemComponent } from '../predicates.js';

/**
 * A NetworkPolicy deleted by someone other than the control plane, which opens the namespace to
 * other systems' traffic. The namespace controller deletes them with their namespace.
 */
export const networkPolicyDeleted: Detection = {
  id: 'network-policy-deleted',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.defenseEvasion,
  condition: (event) =>
    matched(
      isDelete(event) && targetsResource(event, 'networkpolicies') && !userIsSystemComponent(event),
    ),
};
