import { TACTICS, type Detection } from '../detection.js';
import { targetsResource } from '../predicates.js';
import { crossSystemTarget } from '../systems.js';

/**
 * A principal of one system that reaches any resource in another system's namespace other than
 * Secrets, which cross-system-secret reports.
 */
export const crossSystemAccess: Detection = {
  id: 'cross-system-access',
  severity: 'high',
  practice: 'S6',
  tactic: TACTICS.lateralMovement,
  condition: (event, context) => {
    if (targetsResource(event, 'secrets')) return undefined;
    const cross = crossSystemTarget(event, context.systems);
    return cross === undefined
      ? undefined
      : { fromSystem: cross.from.name, toSystem: cross.to.name };
  },
};
