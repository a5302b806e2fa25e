import { TACTICS, matched, type Detection } from '../detection.js';
import { isDelete, isWrite, targetName, targetsApiGroup, targetsResource } from '../predicates.js';
import { ADMISSION_RESOURCES, GUARD_NAME_PREFIX } from './guard.js';

/** A change to, or the removal of, Kinko's guard: its webhook configuration or its policies. */
export const guardChange: Detection = {
  id: 'guard-change',
  severity: 'critical',
  practice: 'S12',
  tactic: TACTICS.defenseEvasion,
  condition: (event) =>
    matched(
      (isWrite(event) || isDelete(event)) &&
        targetsApiGroup(event, 'admissionregistration.k8s.io') &&
        targetsResource(event, ...ADMISSION_RESOURCES) &&
        (targetName(event) ?? '').startsWith(GUARD_NAME_PREFIX),
    ),
};
