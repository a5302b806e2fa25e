/**
 * S1: the container runs under a seccomp profile: RuntimeDefault, or a Localhost profile that the
 * node provides (both pass the Pod Security restricted profile). Unset means Unconfined on
 * Kubernetes unless the kubelet's SeccompDefault is on, which a manifest cannot show.
 */
import { checkEachContainer } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { effectiveSeccompType } from '../security-context.js';
import { describeContainer } from '../workload.js';
import { celStringList } from '../cel/rule.js';
import { effective } from '../cel/security-context.js';

const ACCEPTED = new Set(['RuntimeDefault', 'Localhost']);

export const seccompRuntimeDefault: RuleUnit = {
  id: 'seccomp-runtime-default',
  scope: 'object',
  cel: {
    target: { scope: 'pod' },
    container: () =>
      effective(
        'seccompProfile',
        (profile) => `(has(${profile}.type) && ${profile}.type in ${celStringList([...ACCEPTED])})`,
        'false',
      ),
  },
  check: (resource) =>
    checkEachContainer(resource, (pod, container) => {
      const type = effectiveSeccompType(pod, container);
      if (typeof type.value === 'string' && ACCEPTED.has(type.value)) return undefined;
      return {
        params: {
          container: describeContainer(container),
          value: typeof type.value === 'string' ? type.value : 'unset',
        },
        path: type.path,
      };
    }),
};
