/**
 * S7: a pod runs as a ServiceAccount of its own, not the namespace's `default` one, so EKS Pod
 * Identity can give exactly this system's pods their IAM role.
 */
import { checkPod } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { serviceAccountNameOf } from './service-account.js';
import { POD_SPEC } from '../cel/rule.js';

export const dedicatedServiceAccount: RuleUnit = {
  id: 'dedicated-service-account',
  scope: 'object',
  cel: {
    target: { scope: 'pod' },
    expression: () =>
      `!((has(${POD_SPEC}.serviceAccountName) ? ${POD_SPEC}.serviceAccountName` +
      ` : has(${POD_SPEC}.serviceAccount) ? ${POD_SPEC}.serviceAccount : '') in ['', 'default'])`,
  },
  check: (resource) =>
    checkPod(resource, (pod) => {
      const name = serviceAccountNameOf(pod);
      if (name !== undefined && name !== '' && name !== 'default') return [];
      return [{ params: {}, path: pod.specPath }];
    }),
};
