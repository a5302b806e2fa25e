/**
 * S7: the ServiceAccount a pod names is among the objects checked, in the pod's namespace. A pod
 * whose ServiceAccount is missing is rejected when created; one created before its
 * ServiceAccount was deleted keeps running with no identity the platform defined.
 */
import { checkPod } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { namespaceOf } from '../resource.js';
import { serviceAccountNameOf } from './service-account.js';

export const serviceAccountExists: RuleUnit = {
  id: 'service-account-exists',
  scope: 'set',
  check: (resource, { index }) =>
    checkPod(resource, (pod) => {
      const name = serviceAccountNameOf(pod);
      // The controller manager creates `default` in every namespace; another rule flags its use.
      if (name === undefined || name === '' || name === 'default') return [];
      const namespace = namespaceOf(resource);
      if (index.find('ServiceAccount', namespace, name) !== undefined) return [];
      return [{ params: { name, namespace }, path: [...pod.specPath, 'serviceAccountName'] }];
    }),
};
