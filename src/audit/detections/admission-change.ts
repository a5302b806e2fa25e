import { TACTICS, matched, type Detection } from '../detection.js';
import { isDelete, isWrite, targetName, targetsApiGroup, targetsResource } from '../predicates.js';
import { ADMISSION_RESOURCES, GUARD_NAME_PREFIX } from './guard.js';

/**
 * A change to an admission webhook or admission policy, which decides what the cluster accepts.
 * Kinko's own guard is reported by guard-change instead.
 */
export const admissionChange: Detection = {
  id: 'admission-change',
  severity: 'high',
  practice: 'S12',
  tactic: TACTICS.defenseEvasion,
  condition: (event) =>
    matched(
      (isWrite(event) || isDelete(event)) &&
        targetsApiGroup(event, 'admissionregistration.k8s.io') &&
        targetsResource(event, ...ADMISSION_RESOURCES) &&
        !(targetName(event) ?? '').startsWith(GUARD_NAME_PREFIX),
    ),
};
