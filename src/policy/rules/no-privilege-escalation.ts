/**
 * S1: allowPrivilegeEscalation is false, so no process gains more privileges than its parent
 * (setuid binaries, file capabilities). Unset counts as true, which is the Linux default.
 */
import { checkEachContainer } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { containerField } from '../security-context.js';
import { describeContainer } from '../workload.js';
import { containerSets } from '../cel/security-context.js';

export const noPrivilegeEscalation: RuleUnit = {
  id: 'no-privilege-escalation',
  scope: 'object',
  cel: {
    target: { scope: 'pod' },
    container: () =>
      `${containerSets('allowPrivilegeEscalation')} && c.securityContext.allowPrivilegeEscalation == false`,
  },
  check: (resource) =>
    checkEachContainer(resource, (_pod, container) => {
      const field = containerField(container, 'allowPrivilegeEscalation');
      if (field.value === false) return undefined;
      return { params: { container: describeContainer(container) }, path: field.path };
    }),
};
