/** S1: no container is privileged (privileged gives every device and capability of the host). */
import { checkEachContainer } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { containerField } from '../security-context.js';
import { describeContainer } from '../workload.js';
import { containerSets } from '../cel/security-context.js';

export const noPrivileged: RuleUnit = {
  id: 'no-privileged',
  scope: 'object',
  cel: {
    target: { scope: 'pod' },
    container: () => `!${containerSets('privileged')} || c.securityContext.privileged == false`,
  },
  check: (resource) =>
    checkEachContainer(resource, (_pod, container) => {
      const field = containerField(container, 'privileged');
      // Unset is false; anything but false or unset (true, "true") is treated as privileged.
      if (field.value === undefined || field.value === null || field.value === false) {
        return undefined;
      }
      return { params: { container: describeContainer(container) }, path: field.path };
    }),
};
