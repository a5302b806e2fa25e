/**
 * S7: no Kubernetes API token is mounted into a pod that does not call the API server. The pod's
 * `automountServiceAccountToken` decides; when it is unset, the ServiceAccount's field decides,
 * and when both are unset the token is mounted. A pod that needs the token says so with a
 * suppression and its reason. EKS Pod Identity injects its own token whatever this field says.
 */
import { checkPod } from '../pod-rule.js';
import type { RuleUnit } from '../rule.js';
import { namespaceOf } from '../resource.js';
import { serviceAccountNameOf } from './service-account.js';

export const noTokenAutomount: RuleUnit = {
  id: 'no-token-automount',
  scope: 'set',
  variants: ['pod'],
  check: (resource, { index }) =>
    checkPod(resource, (pod) => {
      const podValue = pod.spec['automountServiceAccountToken'];
      const path = [...pod.specPath, 'automountServiceAccountToken'];
      if (podValue === false) return [];
      if (podValue === true) return [{ params: {}, path, variant: 'pod' }];

      const name = serviceAccountNameOf(pod) || 'default';
      const account = index.find('ServiceAccount', namespaceOf(resource), name);
      if (account?.body['automountServiceAccountToken'] === false) return [];
      return [{ params: { serviceAccount: name }, path: pod.specPath }];
    }),
};
