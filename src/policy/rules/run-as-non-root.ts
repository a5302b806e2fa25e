/**
 * S1: a container runs as a non-root user. It passes with a non-zero runAsUser, or with
 * runAsNonRoot true and no runAsUser of 0 (the kubelet then refuses an image whose user is root).
 * The pod's securityContext applies when the container does not set the field.
 */
import { checkEachContainer } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { effectiveField } from '../security-context.js';
import { describeContainer } from '../workload.js';
import { effective } from '../cel/security-context.js';

export const runAsNonRoot: RuleUnit = {
  id: 'run-as-non-root',
  scope: 'object',
  variants: ['rootUser'],
  cel: {
    target: { scope: 'pod' },
    container: () => {
      const nonRoot = effective('runAsNonRoot', (value) => `${value} == true`, 'false');
      return effective(
        'runAsUser',
        (user) => `(${user} != 0 && (${user} > 0 || ${nonRoot}))`,
        nonRoot,
      );
    },
  },
  check: (resource) =>
    checkEachContainer(resource, (pod, container) => {
      const user = effectiveField(pod, container, 'runAsUser');
      const nonRoot = effectiveField(pod, container, 'runAsNonRoot');
      const container_ = describeContainer(container);

      if (user.value === 0 || user.value === '0') {
        return { params: { container: container_ }, path: user.path, variant: 'rootUser' };
      }
      if (typeof user.value === 'number' && Number.isInteger(user.value) && user.value > 0) {
        return undefined;
      }
      if (nonRoot.value === true) return undefined;
      return { params: { container: container_ }, path: nonRoot.path };
    }),
};
