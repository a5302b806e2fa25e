import { TACTICS, type Detection } from '../detection.js';
import { eventTimeMs } from '../event.js';
import { effectiveUser, isDenied } from '../predicates.js';

/**
 * A user whose requests are denied again and again within a short window, the trace of someone
 * probing what a stolen identity may do. The fields name the namespaces and systems probed.
 */
export const deniedBurst: Detection = {
  id: 'denied-burst',
  severity: 'high',
  practice: 'S6',
  tactic: TACTICS.discovery,
  condition: (event, context) => {
    if (!isDenied(event)) return undefined;
    const burst = context.deniedBursts.record(
      effectiveUser(event).username,
      eventTimeMs(event) ?? Date.now(),
      event.objectRef?.namespace,
    );
    if (burst === undefined) return undefined;
    const systems = context.systems
      .filter((system) => burst.namespaces.includes(system.namespace))
      .map((system) => system.name);
    return {
      denied: burst.count,
      windowSeconds: burst.windowSeconds,
      namespaces: burst.namespaces.join(','),
      systems: systems.length > 0 ? systems.join(',') : '-',
    };
  },
};
