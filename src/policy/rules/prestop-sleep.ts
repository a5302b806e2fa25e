/**
 * R6: every serving container of a replicated workload sleeps in its preStop hook. While it
 * sleeps, the pod leaves its EndpointSlices and the load balancers stop sending to it, so no
 * request reaches a process that is already shutting down. A sleep shorter than that removal
 * (`minimumPreStopSleepSeconds`) is reported too.
 */
import { NOT_APPLICABLE, outcomeOf, type RuleUnit, type Violation } from '../rule.js';
import { describeContainer, podTemplateOf, REPLICATED_KINDS } from '../workload.js';
import { preStopSleepSeconds, servingContainers } from './prestop.js';

export const prestopSleep: RuleUnit = {
  id: 'prestop-sleep',
  scope: 'object',
  variants: ['tooShort'],
  check: (resource, { settings }) => {
    if (!REPLICATED_KINDS.includes(resource.kind)) return NOT_APPLICABLE;
    const pod = podTemplateOf(resource);
    if (pod === undefined) return NOT_APPLICABLE;
    const violations: Violation[] = [];
    for (const container of servingContainers(pod)) {
      const seconds = preStopSleepSeconds(container);
      const minimum = settings.minimumPreStopSleepSeconds;
      if (seconds !== undefined && seconds > 0 && seconds >= minimum) continue;
      if (seconds !== undefined && seconds > 0) {
        violations.push({
          params: { container: describeContainer(container), seconds, minimum },
          path: [...container.path, 'lifecycle', 'preStop'],
          variant: 'tooShort',
        });
        continue;
      }
      violations.push({
        params: { container: describeContainer(container) },
        path: [...container.path, 'lifecycle'],
      });
    }
    return outcomeOf(violations);
  },
};
