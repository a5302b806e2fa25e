/** S1: the container's root filesystem is read-only, so an intruder cannot replace its binaries. */
import { checkEachContainer } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { containerField } from '../security-context.js';
import { describeContainer } from '../workload.js';
import { containerSets } from '../cel/security-context.js';

export const readOnlyRootFilesystem: RuleUnit = {
  id: 'read-only-root-filesystem',
  scope: 'object',
  cel: {
    target: { scope: 'pod' },
    container: () =>
      `${containerSets('readOnlyRootFilesystem')} && c.securityContext.readOnlyRootFilesystem == true`,
  },
  check: (resource) =>
    checkEachContainer(resource, (_pod, container) => {
      const field = containerField(container, 'readOnlyRootFilesystem');
      if (field.value === true) return undefined;
      return { params: { container: describeContainer(container) }, path: field.path };
    }),
};
