import { TACTICS, type Detection } from '../detection.js';
import { effectiveUser, targetsResource } from '../predicates.js';
import { crossSystemTarget, principalSystem } from '../systems.js';

/**
 * A principal of one system that reads or changes another system's Secrets, whether or not RBAC
 * let it through; a list of Secrets in every namespace reaches every system's too.
 */
export const crossSystemSecret: Detection = {
  id: 'cross-system-secret',
  severity: 'critical',
  practice: 'S6',
  tactic: TACTICS.credentialAccess,
  condition: (event, context) => {
    if (!targetsResource(event, 'secrets')) return undefined;
    const cross = crossSystemTarget(event, context.systems);
    if (cross !== undefined) return { fromSystem: cross.from.name, toSystem: cross.to.name };

    // A request without a namespace lists or watches the Secrets of the whole cluster.
    const from = principalSystem(event, context.systems);
    if (from === undefined || event.objectRef?.namespace !== undefined) return undefined;
    if (effectiveUser(event).username === '') return undefined;
    return { fromSystem: from.name, toSystem: '*' };
  },
};
